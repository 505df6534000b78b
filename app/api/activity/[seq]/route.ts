import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { activityEntryParams } from '@/lib/activity/contract';
import { entryNames, loadEntry } from '@/lib/activity/server/load';
import { getDb } from '@/lib/store/db';

// GET /api/activity/{seq} — one action-log entry in full, with the chain's verification (analyst+).
export const GET = route({ role: 'analyst', params: activityEntryParams }, async ({ params, workspace }) => {
  const found = await loadEntry(getDb(), params.seq);
  if (!found) throw new ApiError(404, 'NOT_FOUND', `The action log has no entry #${params.seq}.`);
  return { ...found, names: await entryNames(workspace, found.entry) };
});
