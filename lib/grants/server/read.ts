// What every grants read shares: the per-identity cache (a change made through Brickwatch starts a new generation of
// keys for the whole workspace, so every parameterised view is dropped at once), the principal index, and the notice
// a person acting as themselves gets when Databricks shows them only part of the metastore.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import type { GrantsNotice } from '@/lib/grants/contract';
import { loadPrincipals } from '@/lib/principals/server/load';
import type { PrincipalIndex } from '@/lib/principals/rules';
import { cachedRead, type ReadPolicy } from '@/lib/read-cache';
import { processSingleton } from '@/lib/singleton';

/** Grants changed outside Brickwatch show within a minute; ours at once. */
export const GRANTS_READ: ReadPolicy = { ttlMs: 60_000 };
/** Lineage moves slowly (Databricks writes it minutes late): findings may be five minutes old. */
export const FINDINGS_READ: ReadPolicy = { ttlMs: 300_000 };

const generations = processSingleton('grants.generations', () => new Map<string, number>());

/** A read of Unity Catalog grants, masks or filters, dropped by the next change made through Brickwatch. */
export function cachedGrantsRead<T>(ws: Workspace, key: string, policy: ReadPolicy, load: () => Promise<T>): Promise<T> {
  return cachedRead(ws, `uc.${generations.get(ws.host) ?? 0}.${key}`, policy, load);
}

/** After GRANT, REVOKE, a mask or a filter: every identity's cached Unity Catalog reads of this workspace are stale. */
export function invalidateGrantsReads(host: string): void {
  generations.set(host, (generations.get(host) ?? 0) + 1);
}

/** The group whose members act as admins (Databricks' built-in workspace admins group). */
export const ADMINS_GROUP = 'admins';

export function isWorkspaceAdmin(index: PrincipalIndex, name: string): boolean {
  return index.groupsOf(name).some((g) => g.toLowerCase() === ADMINS_GROUP);
}

/**
 * In user identity mode Databricks filters information_schema for the person: a non-admin sees grants made to them or
 * their groups and grants on what they own. The page must say so rather than look complete.
 */
export function partialViewNotice(ws: Workspace, index: PrincipalIndex, what: string): GrantsNotice[] {
  if (ws.mode !== 'user' || isWorkspaceAdmin(index, ws.actingAs.name)) return [];
  return [
    {
      code: 'partial_view',
      message: `Brickwatch reads Unity Catalog as you, and you are not a workspace admin: Databricks shows you only ${what}. Ask a metastore admin for the whole picture.`,
    },
  ];
}

export function loadIndex(ws: Workspace): Promise<PrincipalIndex> {
  return loadPrincipals(ws);
}
