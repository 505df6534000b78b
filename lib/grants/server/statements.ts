// GRANT, REVOKE and SHOW GRANTS built from parts. The privileges come from a closed list and must be grantable on
// the securable's type; the securable and the principal are quoted by lib/databricks/identifiers.ts and nowhere else.
// The text built here is both what the dialog shows and what runs.
import 'server-only';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { defineQuery, type SqlQuery } from '@/lib/databricks/sql-client';
import { InvalidIdentifierError, quoteFullName, quotePrincipal } from '@/lib/databricks/identifiers';
import type { GrantFix } from '@/lib/grants/rules/findings';
import { GRANTABLE, isPrivilege, namePartsOf, PRIVILEGES, sqlPrivilege, type SecurableType } from '@/lib/grants/rules/privileges';
import { showGrantsRow } from './sql';

const TYPE_WORDS: Record<SecurableType, string> = {
  CATALOG: 'catalog',
  SCHEMA: 'schema',
  TABLE: 'table',
  VIEW: 'view',
  VOLUME: 'volume',
  FUNCTION: 'function',
};

/** `TYPE name` with the name quoted and its number of parts checked against the type. */
export function securableClause(type: SecurableType, fullName: string): string {
  const parts = fullName.split('.').length;
  if (parts !== namePartsOf(type)) {
    throw new InvalidIdentifierError(
      `"${fullName}" is not a ${TYPE_WORDS[type]} name: a ${TYPE_WORDS[type]} is named with ${namePartsOf(type)} part${namePartsOf(type) === 1 ? '' : 's'}`,
    );
  }
  return `${type} ${quoteFullName(fullName)}`;
}

/** The exact statement for a fix; refuses privileges the type cannot carry. */
export function grantStatementSql(fix: GrantFix): string {
  const privileges = [...new Set(fix.privileges.map(sqlPrivilege))];
  if (privileges.length === 0) throw new DomainError('invalid', 'NO_PRIVILEGES', 'Choose at least one privilege.');
  for (const p of privileges) {
    if (!isPrivilege(p)) throw new DomainError('invalid', 'UNKNOWN_PRIVILEGE', `${p} is not a Unity Catalog privilege.`);
    if (!GRANTABLE[fix.securableType].has(p))
      throw new DomainError('invalid', 'PRIVILEGE_NOT_GRANTABLE', `${p} cannot be granted on a ${TYPE_WORDS[fix.securableType]}.`);
  }
  // ALL PRIVILEGES stands alone; the order of the rest follows Unity Catalog's list so the same change reads the same.
  const ordered = privileges.includes('ALL PRIVILEGES') ? ['ALL PRIVILEGES'] : PRIVILEGES.filter((p) => privileges.includes(p));
  const direction = fix.action === 'GRANT' ? 'TO' : 'FROM';
  return `${fix.action} ${ordered.join(', ')} ON ${securableClause(fix.securableType, fix.securable)} ${direction} ${quotePrincipal(fix.principal)}`;
}

/** Runs once, never retried: a refused attempt may still have taken effect. */
export function grantStatement(fix: GrantFix): SqlQuery<Record<string, unknown>> {
  return defineQuery({
    name: `grants.${fix.action.toLowerCase()}`,
    sql: grantStatementSql(fix),
    row: z.record(z.string(), z.unknown()),
    maxRows: 10,
    timeoutSeconds: 60,
    readOnly: false,
  });
}

export function showGrantsStatement(type: SecurableType, fullName: string): SqlQuery<z.output<typeof showGrantsRow>> {
  return defineQuery({
    name: 'grants.show',
    sql: `SHOW GRANTS ON ${securableClause(type, fullName)}`,
    row: showGrantsRow,
    maxRows: 10_000,
  });
}
