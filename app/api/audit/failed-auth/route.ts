import { route } from '@/lib/api/route';
import { loadFailedAuth } from '@/lib/audit/server/failed-auth';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { auditQuerySchema } from '@/lib/audit/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/failed-auth?<view> — failed sign-ins: top source IPs, top accounts, hourly series with spike markers.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadFailedAuth(workspace, query, new Date()),
);
