// Secret scope lookups and the ACL model (§2.4): MANAGE > WRITE > READ, the strongest of the caller's own entry
// and its groups' entries wins; workspace admins hold MANAGE on every scope. Scope names are case-insensitive.
import type { Principal } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest, forbidden, notFound } from '../http/errors';

export type SecretPermission = 'READ' | 'WRITE' | 'MANAGE';
export const RANK: Record<SecretPermission, number> = { READ: 1, WRITE: 2, MANAGE: 3 };

export interface ScopeRow {
  name: string;
  backend_type: 'DATABRICKS' | 'AZURE_KEYVAULT';
  keyvault_resource_id: string | null;
  keyvault_dns_name: string | null;
}

const SCOPE_NAME = /^[A-Za-z0-9_.@-]{1,128}$/;
const KEY_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export function checkScopeName(name: string): void {
  if (!SCOPE_NAME.test(name)) {
    throw badRequest(`Scope name "${name}" is invalid: use up to 128 alphanumeric characters, dashes, underscores, periods and @.`);
  }
}

export function checkKeyName(key: string): void {
  if (!KEY_NAME.test(key))
    throw badRequest(`Secret key "${key}" is invalid: use up to 128 alphanumeric characters, dashes, underscores and periods.`);
}

export async function findScope(db: SimDb, name: string): Promise<ScopeRow | undefined> {
  return db.one<ScopeRow>(
    'SELECT name, backend_type, keyvault_resource_id, keyvault_dns_name FROM ws.secret_scopes WHERE lower(name) = lower(?)',
    [name],
  );
}

export async function requireScope(db: SimDb, name: string): Promise<ScopeRow> {
  const scope = await findScope(db, name);
  if (!scope) throw notFound(`Scope ${name} does not exist!`);
  return scope;
}

export async function effectivePermission(db: SimDb, scope: string, p: Principal): Promise<SecretPermission | null> {
  if (p.isAdmin) return 'MANAGE';
  const rows = await db.all<{ principal: string; permission: SecretPermission }>(
    'SELECT principal, permission FROM ws.secret_acls WHERE lower(scope) = lower(?)',
    [scope],
  );
  const name = p.name.toLowerCase();
  let best: SecretPermission | null = null;
  for (const r of rows) {
    const mine = r.principal.toLowerCase() === name || p.groups.includes(r.principal);
    if (mine && (best === null || RANK[r.permission] > RANK[best])) best = r.permission;
  }
  return best;
}

/** The scope, if the caller holds at least `needed` on it (404 for a missing scope, 403 otherwise). */
export async function authorizeScope(db: SimDb, name: string, p: Principal, needed: SecretPermission): Promise<ScopeRow> {
  const scope = await requireScope(db, name);
  const have = await effectivePermission(db, scope.name, p);
  if (have === null || RANK[have] < RANK[needed]) {
    throw forbidden(`${p.name} does not have ${needed} permission on scope ${scope.name} to perform this action.`);
  }
  return scope;
}
