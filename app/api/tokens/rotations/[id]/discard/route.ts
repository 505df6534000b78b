import { route } from '@/lib/api/route';
import { rotationIdParams } from '@/lib/tokens/contract';
import { discardRotation } from '@/lib/tokens/server/rotation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/tokens/rotations/{id}/discard — throw away a new token shown once: it is revoked and the old one kept.
export const POST = route(
  { role: 'admin', action: 'tokens.rotate.discard', params: rotationIdParams },
  async ({ workspace, user, requestId, params }) => ({
    rotation: await discardRotation({ ws: workspace, person: user, requestId }, params.id),
  }),
);
