import { route } from '@/lib/api/route';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/databricks/audit-sql';
import { loadTimeline } from '@/lib/databricks/audit-timeline';
import { auditQuerySchema } from '@/lib/security/audit-filters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/timeline?range=24h|7d|30d|90d (or from&to) [&bucket&filters] — events per hour/day × category, zero-filled.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadTimeline(workspace, query, new Date()),
);
