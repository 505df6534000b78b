import { route } from '@/lib/api/route';
import { evaluateBody } from '@/lib/posture/contract';
import { evaluateNow } from '@/lib/posture/server/snapshots';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/posture/evaluate — an admin runs every check afresh now; the result is also a point of the trend.
export const POST = route({ role: 'admin', action: 'posture.evaluate', body: evaluateBody }, async ({ workspace, user, requestId }) => {
  const ev = await evaluateNow({ ws: workspace, person: user, requestId });
  return ev.view;
});
