// What the activity page shows: the newest action-log rows for a filter, and whether the whole chain verifies.
import 'server-only';
import type { ActivityFilters, ActivityResponse } from '@/lib/activity/contract';
import { listActions, verifyActionLog } from '@/lib/store/action-log';
import type { Db } from '@/lib/store/db';

export const ACTIVITY_LIMIT = 500;

export function loadActivity(db: Db, filters: ActivityFilters): ActivityResponse {
  const entries = listActions(db, { ...filters, limit: ACTIVITY_LIMIT + 1 });
  return { entries: entries.slice(0, ACTIVITY_LIMIT), limited: entries.length > ACTIVITY_LIMIT, chain: verifyActionLog(db) };
}
