import { route } from '@/lib/api/route';
import { loadExplorerPage } from '@/lib/audit/server/explorer';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { auditEventsQuerySchema } from '@/lib/audit/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/events?<view>[&cursor] — matching events newest first, one keyset page; pass nextCursor back for more.
export const GET = route(
  { role: 'analyst', query: auditEventsQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES },
  ({ workspace, query }) => loadExplorerPage(workspace, query, query.cursor ?? null, new Date()),
);
