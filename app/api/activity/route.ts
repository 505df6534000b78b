import { route } from '@/lib/api/route';
import { activityQuerySchema } from '@/lib/activity/contract';
import { loadActivity } from '@/lib/activity/server/load';
import { getDb } from '@/lib/store/db';

// GET /api/activity?outcome=&actor=&action=[&verify=full] — the newest action-log entries and the chain's verification
// (incremental; `verify=full` re-hashes every row) (analyst+).
export const GET = route({ role: 'analyst', query: activityQuerySchema }, async ({ query: { verify, ...filters } }) =>
  loadActivity(getDb(), filters, { verify }),
);
