import { route } from '@/lib/api/route';
import { loadExplorerPage } from '@/lib/databricks/audit-explorer';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/databricks/audit-sql';
import { auditEventsQuerySchema } from '@/lib/security/audit-filters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/events?<view>[&cursor] — matching events newest first, one keyset page; pass nextCursor back for more.
export const GET = route(
  { role: 'analyst', query: auditEventsQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES },
  ({ workspace, query }) => loadExplorerPage(workspace, query, query.cursor ?? null, new Date()),
);
