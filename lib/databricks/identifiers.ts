// The one place an identifier becomes SQL text. Values are always bound parameters; identifiers (a principal in
// GRANT/REVOKE, a securable's name) cannot be, so they are validated and back-quoted here and nowhere else.
import 'server-only';

export class InvalidIdentifierError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidIdentifierError';
  }
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A principal: a user name (email), a service principal's application id, or a group display name (may contain spaces
 * and dashes). Backticks are refused rather than escaped: no real principal has one, and refusing is simpler to trust.
 */
export function quotePrincipal(name: string): string {
  if (name.length === 0 || name.length > 255) throw new InvalidIdentifierError('A principal name must be 1–255 characters long');
  if (CONTROL.test(name)) throw new InvalidIdentifierError('A principal name cannot contain control characters');
  if (name.includes('`')) throw new InvalidIdentifierError('A principal name cannot contain a backtick');
  if (name.trim() !== name) throw new InvalidIdentifierError('A principal name cannot start or end with a space');
  return `\`${name}\``;
}

/** One part of a Unity Catalog name. UC forbids periods, spaces, slashes and control characters in object names. */
export function quoteNamePart(part: string): string {
  if (part.length === 0 || part.length > 255)
    throw new InvalidIdentifierError('A catalog, schema or table name must be 1–255 characters long');
  if (CONTROL.test(part) || /[.\s/`]/.test(part)) {
    throw new InvalidIdentifierError(
      `"${part.replace(CONTROL, '?')}" is not a valid catalog, schema or table name (no periods, spaces, slashes or backticks)`,
    );
  }
  return `\`${part}\``;
}

/** `catalog`, `catalog.schema` or `catalog.schema.table` → each part back-quoted. */
export function quoteFullName(fullName: string): string {
  const parts = fullName.split('.');
  if (parts.length > 3) throw new InvalidIdentifierError(`"${fullName}" has more than three parts (catalog.schema.object)`);
  return parts.map(quoteNamePart).join('.');
}

/**
 * A column name. Delta tables with column mapping allow spaces, dots and most punctuation in column names, and inside
 * back-quotes they are all harmless; only a backtick (which would end the quoting) and control characters are refused.
 */
export function quoteColumnName(name: string): string {
  if (name.length === 0 || name.length > 255) throw new InvalidIdentifierError('A column name must be 1–255 characters long');
  if (CONTROL.test(name)) throw new InvalidIdentifierError('A column name cannot contain control characters');
  if (name.includes('`')) throw new InvalidIdentifierError('A column name cannot contain a backtick');
  return `\`${name}\``;
}

/**
 * A value that must sit inside SQL text as a string literal (a group name in a masking function's body, where a
 * bound parameter cannot reach). Databricks reads backslash escapes inside literals, so instead of escaping, a quote,
 * a backslash or a control character is refused.
 */
export function quoteStringLiteral(value: string): string {
  if (value.length === 0 || value.length > 255) throw new InvalidIdentifierError('The name must be 1–255 characters long');
  if (CONTROL.test(value) || /['\\]/.test(value)) {
    throw new InvalidIdentifierError('A name used inside a function body cannot contain quotes, backslashes or control characters');
  }
  return `'${value}'`;
}

/** A column's data type as Databricks writes it (`string`, `decimal(12,2)`, `date`); nested types are refused. */
export function sqlType(type: string): string {
  const t = type.trim().toUpperCase().replace(/\s+/g, '');
  if (!/^[A-Z]+(\(\d{1,2}(,\d{1,2})?\))?$/.test(t))
    throw new InvalidIdentifierError(`"${type.replace(CONTROL, '?')}" is not a plain column type Brickwatch can write a function for`);
  return t;
}
