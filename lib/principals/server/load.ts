// The principal index for one identity, built from the SCIM directory and groups through the shared read cache (the
// same 'scim.directory' read the tokens page uses), and rebuilt only when either read is.
import 'server-only';
import { loadDirectory, loadGroups, type Directory, type GroupEntry } from '@/lib/databricks/api/scim-directory';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { cachedRead, type ReadPolicy } from '@/lib/read-cache';
import { buildPrincipalIndex, type PrincipalIndex } from '@/lib/principals/rules';

/** Directory changes (people joining, leaving, group moves) may show five minutes late. */
export const DIRECTORY_READ: ReadPolicy = { ttlMs: 300_000 };

const built = new WeakMap<Directory, WeakMap<GroupEntry[], PrincipalIndex>>();

export async function loadPrincipals(ws: Workspace): Promise<PrincipalIndex> {
  const [directory, groups] = await Promise.all([
    cachedRead(ws, 'scim.directory', DIRECTORY_READ, () => loadDirectory(ws.rest)),
    cachedRead(ws, 'scim.groups', DIRECTORY_READ, () => loadGroups(ws.rest)),
  ]);
  const forDirectory = built.get(directory) ?? new WeakMap<GroupEntry[], PrincipalIndex>();
  built.set(directory, forDirectory);
  let index = forDirectory.get(groups);
  if (!index) {
    index = buildPrincipalIndex({ users: [...directory].map(([id, e]) => ({ id, ...e })), groups });
    forDirectory.set(groups, index);
  }
  return index;
}
