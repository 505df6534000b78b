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
