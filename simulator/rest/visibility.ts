// Object visibility for non-admins where the workspace enforces view ACLs (enableJobViewAcls,
// enforceClusterViewAcls): a person sees an object only with some permission on it, directly or through a group.
import type { Principal } from '../core/contract';
import type { SimDb } from '../core/db';

export async function visibleIds(db: SimDb, objectType: string, p: Principal): Promise<Set<string>> {
  const rows = await db.all<{ object_id: string; principal_kind: string; principal_name: string }>(
    'SELECT object_id, principal_kind, principal_name FROM ws.acls WHERE object_type = ?',
    [objectType],
  );
  const name = p.name.toLowerCase();
  return new Set(
    rows
      .filter((r) => (r.principal_kind === 'group' ? p.groups.includes(r.principal_name) : r.principal_name.toLowerCase() === name))
      .map((r) => r.object_id),
  );
}
