import { route } from '@/lib/api/route';
import { loadConfigChanges } from '@/lib/databricks/audit-feeds';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/databricks/audit-sql';
import { auditQuerySchema } from '@/lib/security/audit-filters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/config?<view> — newest configuration changes: workspace-conf edits, IP access lists, settings.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadConfigChanges(workspace, query, new Date()),
);
