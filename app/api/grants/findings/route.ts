import { route } from '@/lib/api/route';
import { findingsQuerySchema } from '@/lib/grants/contract';
import { loadFindings } from '@/lib/grants/server/findings';
import { GRANTS_UPSTREAM_MESSAGES } from '@/lib/grants/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/grants/findings?days=90 — every grant finding with the statement that fixes it: rules, policy drift and
// grants with no recorded use in the last `days` days.
export const GET = route(
  { role: 'analyst', query: findingsQuerySchema, upstreamMessages: GRANTS_UPSTREAM_MESSAGES },
  ({ workspace, query }) => loadFindings(workspace, query.days),
);
