import { route } from '@/lib/api/route';
import { activityQuerySchema } from '@/lib/query/activity';
import { loadActivity } from '@/lib/store/activity';
import { getDb } from '@/lib/store/db';

// GET /api/activity?outcome=&actor=&action= — the newest action-log entries and the chain's verification (analyst+).
export const GET = route({ role: 'analyst', query: activityQuerySchema }, async ({ query }) => loadActivity(getDb(), query));
