import { route } from '@/lib/api/route';
import { rotationIdParams } from '@/lib/tokens/contract';
import { confirmRotation } from '@/lib/tokens/server/rotation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/tokens/rotations/{id}/confirm — "I have stored it": the admin who was shown the new token has it, so the
// old token is revoked now. Refused after the confirmation deadline (the new token is revoked instead).
export const POST = route(
  { role: 'admin', action: 'tokens.rotate.confirm', params: rotationIdParams },
  async ({ workspace, user, requestId, params }) => ({
    rotation: await confirmRotation({ ws: workspace, person: user, requestId }, params.id),
  }),
);
