import { route } from '@/lib/api/route';
import { loadTrend } from '@/lib/posture/server/snapshots';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/posture/trend — score and coverage snapshots of the last 90 days, and who takes the daily one.
export const GET = route({ role: 'manager' }, async ({ workspace }) => loadTrend(workspace));
