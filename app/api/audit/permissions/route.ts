import { route } from '@/lib/api/route';
import { loadPermissionChanges } from '@/lib/audit/server/feeds';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { auditQuerySchema } from '@/lib/audit/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/permissions?<view> — newest permission changes: who changed what on which object, and the change.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadPermissionChanges(workspace, query, new Date()),
);
