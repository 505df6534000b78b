import { route } from '@/lib/api/route';
import { retryRotation } from '@/lib/tokens/server/rotation';
import { rotationIdParams } from '@/lib/tokens/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/tokens/rotations/{id}/retry — finish or undo a rotation that waits (e.g. retry revoking the old token).
export const POST = route(
  { role: 'admin', action: 'tokens.rotate.retry', params: rotationIdParams },
  async ({ workspace, user, requestId, params }) => ({
    rotation: await retryRotation({ ws: workspace, person: user, requestId }, params.id),
  }),
);
