import { route } from '@/lib/api/route';
import { exceptionBody } from '@/lib/posture/contract';
import { createPostureException, listPostureExceptions } from '@/lib/posture/server/exceptions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/posture/exceptions — every exception, active, expired or ended, newest first.
export const GET = route({ role: 'manager' }, async () => ({ exceptions: await listPostureExceptions() }));

// POST /api/posture/exceptions — accept a whole check, or one item of its evidence (evidenceKey), until a date.
export const POST = route(
  { role: 'admin', action: 'posture.exception.create', body: exceptionBody },
  async ({ workspace, user, requestId, body }) => ({
    exception: await createPostureException({ ws: workspace, person: user, requestId }, body),
  }),
);
