import { route } from '@/lib/api/route';
import { loadTokenActivity } from '@/lib/databricks/audit-activity';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/databricks/audit-sql';
import { auditQuerySchema } from '@/lib/security/audit-filters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/tokens?<view> — token lifecycle: counts per action, lifetimes at creation, newest events.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadTokenActivity(workspace, query, new Date()),
);
