import { route } from '@/lib/api/route';
import { loadPermissionChanges } from '@/lib/databricks/audit-feeds';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/databricks/audit-sql';
import { auditQuerySchema } from '@/lib/security/audit-filters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/permissions?<view> — newest permission changes: who changed what on which object, and the change.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadPermissionChanges(workspace, query, new Date()),
);
