import { route } from '@/lib/api/route';
import { setTokenPolicy } from '@/lib/tokens/server/actions';
import { policyBody } from '@/lib/tokens/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// PUT /api/tokens/policy — set the workspace's maximum lifetime for new tokens (maxTokenLifetimeDays, 1–730).
export const PUT = route(
  {
    role: 'admin',
    action: 'tokens.policy.set',
    body: policyBody,
    upstreamMessages: { PERMISSION_DENIED: 'Changing the token policy needs workspace admin rights.' },
  },
  async ({ workspace, user, requestId, body }) => setTokenPolicy({ ws: workspace, person: user, requestId }, body.maxTokenLifetimeDays),
);
