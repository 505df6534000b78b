// What the activity page shows: the newest action-log rows for a filter, and whether the chain verifies.
import 'server-only';
import type { ActivityEntryResponse, ActivityFilters, ActivityResponse } from '@/lib/activity/contract';
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

/** One entry by its position; null when there is none. */
export async function loadEntry(db: Db, seq: number): Promise<ActivityEntryResponse | null> {
  const [rows, chain] = await Promise.all([listActions(db, { beforeSeq: seq + 1, limit: 1 }), chainStatus(db)]);
  const entry = rows[0];
  return entry && entry.seq === seq ? { entry, chain } : null;
}
