import { route } from '@/lib/api/route';
import { revokeTokens } from '@/lib/tokens/server/actions';
import { bulkRevokeBody } from '@/lib/tokens/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/tokens/revoke — revoke many tokens; the body repeats the count the admin typed to confirm.
export const POST = route(
  { role: 'admin', action: 'tokens.revoke', body: bulkRevokeBody },
  async ({ workspace, user, requestId, body }) => ({
    results: await revokeTokens({ ws: workspace, person: user, requestId }, body.tokenIds),
  }),
);
