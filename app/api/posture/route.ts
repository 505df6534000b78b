import { route } from '@/lib/api/route';
import { evaluatePosture } from '@/lib/posture/server/evaluate';
import { viewerSnapshotInBackground } from '@/lib/posture/server/snapshots';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/posture — the checklist as the acting identity sees it: score, coverage, every check with its status,
// evidence and fix, exceptions applied. Results are cached briefly per identity; without a background identity the
// viewer's first look of the day is also the day's snapshot (taken after answering).
export const GET = route({ role: 'manager' }, async ({ workspace }) => {
  const ev = await evaluatePosture(workspace);
  viewerSnapshotInBackground(workspace, ev);
  return ev.view;
});
