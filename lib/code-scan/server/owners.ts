// Owners of the objects that hold findings: the creator the audit log names (the first successful createNotebook or
// importNotebook of the notebook's id, or fileCreate of the file's path, within the audit table's year), else whoever
// manages the nearest folder above (permissions API). Only objects with findings are looked up, so this costs one
// SQL statement per few hundred objects and a permissions read per folder, not per notebook. If the audit log cannot
// be read, owners stay "not collected" (with the reason) and the next scan tries again: never a guess.
import 'server-only';
import { z } from 'zod';
import { folderOwner, foldersAbove, type FolderGrant } from '@/lib/code-scan/rules/owner';
import { getObjectPermissions } from '@/lib/databricks/api/workspace';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { defineQuery } from '@/lib/databricks/sql-client';
import { upstreamReason } from '@/lib/databricks/upstream';
import type { OwnerWrite, ScanObjectType } from '@/lib/store/code-scan';

/** Objects per statement: their keys travel as one bound string parameter. */
const KEYS_PER_QUERY = 300;
const SEP = '\n';

// `keys` is "\n<key>\n<key>\n…": notebook ids and file paths (a path cannot hold a newline). The creation event is the
// first successful one per object; an import over an existing notebook comes later and names whoever overwrote it.
export const CREATORS = defineQuery({
  name: 'code-scan.creators',
  sql: `
    SELECT object_key, creator FROM (
      SELECT
        coalesce(request_params['notebookId'], request_params['path']) AS object_key,
        user_identity.email AS creator,
        row_number() OVER (PARTITION BY coalesce(request_params['notebookId'], request_params['path']) ORDER BY event_time) AS rn
      FROM system.access.audit
      WHERE event_date >= date_sub(current_date(), 366)
        AND ((service_name = 'notebook' AND action_name IN ('createNotebook', 'importNotebook'))
          OR (service_name = 'workspace' AND action_name = 'fileCreate'))
        AND response.status_code = 200
        AND instr(:keys, concat(:sep, coalesce(request_params['notebookId'], request_params['path']), :sep)) > 0
    ) firsts
    WHERE rn = 1`,
  row: z.object({ object_key: z.string(), creator: z.string().nullable() }),
  maxRows: KEYS_PER_QUERY * 2,
  timeoutSeconds: 60,
});

export interface OwnerTarget {
  objectId: string;
  path: string;
  objectType: ScanObjectType;
}

export type FolderIds = ReadonlyMap<string, { id: string; type: 'DIRECTORY' | 'REPO' }>;

async function creators(ws: Workspace, targets: readonly OwnerTarget[], signal: AbortSignal): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const keyOf = (t: OwnerTarget) => (t.objectType === 'NOTEBOOK' ? t.objectId : t.path);
  for (let i = 0; i < targets.length; i += KEYS_PER_QUERY) {
    const part = targets.slice(i, i + KEYS_PER_QUERY);
    const keys = `${SEP}${part.map(keyOf).join(SEP)}${SEP}`;
    const { rows } = await ws.sql.query(CREATORS, { keys, sep: SEP }, signal);
    const byKey = new Map(rows.map((r) => [r.object_key, r.creator]));
    for (const t of part) {
      const creator = byKey.get(keyOf(t));
      if (creator) found.set(t.objectId, creator);
    }
  }
  return found;
}

/** Owners for `targets`; folder permissions are read once per folder, through `folders` (from the walk). */
export async function resolveOwners(
  ws: Workspace,
  targets: readonly OwnerTarget[],
  folders: FolderIds,
  signal: AbortSignal,
): Promise<OwnerWrite[]> {
  if (targets.length === 0) return [];
  let created: Map<string, string>;
  try {
    created = await creators(ws, targets, signal);
  } catch (e) {
    const note = `not collected: the audit log could not be read (${upstreamReason(e)})`;
    return targets.map((t) => ({ objectId: t.objectId, source: 'unavailable', name: null, note }));
  }
  const grants = new Map<string, Promise<FolderGrant[] | Error>>();
  const grantsOf = (path: string) => {
    const folder = folders.get(path);
    if (!folder) return Promise.resolve<FolderGrant[]>([]);
    let p = grants.get(path);
    if (!p) {
      p = getObjectPermissions(ws.rest, folder.type === 'REPO' ? 'repos' : 'directories', folder.id, signal).catch((e: unknown) =>
        e instanceof Error ? e : new Error(String(e)),
      );
      grants.set(path, p);
    }
    return p;
  };

  const out: OwnerWrite[] = [];
  for (const t of targets) {
    const creator = created.get(t.objectId);
    if (creator) {
      out.push({ objectId: t.objectId, source: 'audit-log', name: creator, note: 'created it (audit log)' });
      continue;
    }
    let write: OwnerWrite = { objectId: t.objectId, source: 'none', name: null, note: 'No folder above it names a manager.' };
    for (const folder of foldersAbove(t.path)) {
      const g = await grantsOf(folder);
      if (g instanceof Error) {
        write = {
          objectId: t.objectId,
          source: 'unavailable',
          name: null,
          note: `not collected: the permissions of ${folder} could not be read (${upstreamReason(g)})`,
        };
        break;
      }
      const found = folderOwner(folder, g);
      if (!found) continue;
      write = found.owner
        ? { objectId: t.objectId, source: 'folder', name: found.owner.name, note: `manages ${folder}` }
        : { objectId: t.objectId, source: 'none', name: null, note: `Every workspace user can manage ${folder}, so it names no owner.` };
      break;
    }
    out.push(write);
  }
  return out;
}
