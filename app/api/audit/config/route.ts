import { route } from '@/lib/api/route';
import { loadConfigChanges } from '@/lib/audit/server/feeds';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { auditQuerySchema } from '@/lib/audit/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/config?<view> — newest configuration changes: workspace-conf edits, IP access lists, settings.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadConfigChanges(workspace, query, new Date()),
);
