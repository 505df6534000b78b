import { route } from '@/lib/api/route';
import { loadSecretActivity } from '@/lib/databricks/audit-activity';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/databricks/audit-sql';
import { auditQuerySchema } from '@/lib/security/audit-filters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/secrets?<view> — secret activity: counts per action, top readers per scope, newest writes and ACL changes.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadSecretActivity(workspace, query, new Date()),
);
