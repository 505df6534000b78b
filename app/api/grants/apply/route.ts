import { route } from '@/lib/api/route';
import { applyBody } from '@/lib/grants/contract';
import { applyGrantChange } from '@/lib/grants/server/apply';
import { APPLY_UPSTREAM_MESSAGES } from '@/lib/grants/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/grants/apply — one GRANT or REVOKE from its parts ({ action, privileges, securableType, securable,
// principal, dryRun? }); answers { sql, requestId, dryRun } with the statement that ran (or would run).
export const POST = route(
  { role: 'admin', body: applyBody, upstreamMessages: APPLY_UPSTREAM_MESSAGES },
  ({ workspace, user, requestId, body }) => applyGrantChange({ ws: workspace, person: user, requestId }, body),
);
