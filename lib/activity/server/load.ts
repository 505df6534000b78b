// What the activity page shows: the newest action-log rows for a filter, and whether the chain verifies.
import 'server-only';
import type { ActionEntry, ActivityEntryResponse, ActivityFilters, ActivityResponse } from '@/lib/activity/contract';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import { log } from '@/lib/log';
import { loadPrincipals } from '@/lib/principals/server/load';
import { listActions } from '@/lib/store/action-log';
import type { Db } from '@/lib/store/engine';
import { chainStatus } from './chain';

export const ACTIVITY_LIMIT = 500;

export async function loadActivity(db: Db, filters: ActivityFilters, { verify }: { verify?: 'full' } = {}): Promise<ActivityResponse> {
  const [entries, chain] = await Promise.all([
    listActions(db, { ...filters, limit: ACTIVITY_LIMIT + 1 }),
    chainStatus(db, { full: verify === 'full' }),
  ]);
  return { entries: entries.slice(0, ACTIVITY_LIMIT), limited: entries.length > ACTIVITY_LIMIT, chain };
}

/**
 * Who the entry's user names are, from the workspace directory (a service principal by its display name). The names
 * only add to what the row says: when the directory cannot be read, the drawer shows the names as recorded.
 */
export async function entryNames(
  ws: Workspace,
  entry: ActionEntry,
): Promise<{ actor: string | null; actingAs: string | null } | undefined> {
  try {
    const index = await loadPrincipals(ws);
    const name = (n: string | null | undefined) => (n ? (index.resolve(n).displayName ?? null) : null);
    return { actor: name(entry.actor), actingAs: name(entry.actingAs) };
  } catch (e) {
    log.warn('activity.directory_unavailable', { error: upstreamReason(e) });
    return undefined;
  }
}

/** One entry by its position; null when there is none. */
export async function loadEntry(db: Db, seq: number): Promise<ActivityEntryResponse | null> {
  const [rows, chain] = await Promise.all([listActions(db, { beforeSeq: seq + 1, limit: 1 }), chainStatus(db)]);
  const entry = rows[0];
  return entry && entry.seq === seq ? { entry, chain } : null;
}
