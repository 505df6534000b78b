import { route } from '@/lib/api/route';
import { exceptionChangeBody, exceptionIdParams } from '@/lib/posture/contract';
import { changePostureException, endPostureException } from '@/lib/posture/server/exceptions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// PATCH /api/posture/exceptions/{id} — change an active exception's reason, owner or expiry.
export const PATCH = route(
  { role: 'admin', action: 'posture.exception.change', params: exceptionIdParams, body: exceptionChangeBody },
  async ({ workspace, user, requestId, params, body }) => ({
    exception: await changePostureException({ ws: workspace, person: user, requestId }, params.id, body),
  }),
);

// DELETE /api/posture/exceptions/{id} — end an exception early: its findings count again at once.
export const DELETE = route(
  { role: 'admin', action: 'posture.exception.end', params: exceptionIdParams },
  async ({ workspace, user, requestId, params }) => ({
    exception: await endPostureException({ ws: workspace, person: user, requestId }, params.id),
  }),
);
