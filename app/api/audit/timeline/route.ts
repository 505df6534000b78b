import { route } from '@/lib/api/route';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { loadTimeline } from '@/lib/audit/server/timeline';
import { auditQuerySchema } from '@/lib/audit/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/timeline?range=24h|7d|30d|90d (or from&to) [&bucket&filters] — events per hour/day × category, zero-filled.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadTimeline(workspace, query, new Date()),
);
