import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { revokeTokens } from '@/lib/tokens/server/actions';
import { tokenIdParams } from '@/lib/tokens/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/tokens/{id}/revoke — revoke one token (an already revoked one counts as done).
export const POST = route(
  { role: 'admin', action: 'tokens.revoke', params: tokenIdParams },
  async ({ workspace, user, requestId, params }) => {
    const [result] = await revokeTokens({ ws: workspace, person: user, requestId }, [params.id]);
    if (result?.status === 'failed') throw new ApiError(502, 'REVOKE_FAILED', result.message ?? 'The token could not be revoked.');
    return { result };
  },
);
