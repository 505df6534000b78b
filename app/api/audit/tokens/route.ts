import { route } from '@/lib/api/route';
import { loadTokenActivity } from '@/lib/audit/server/activity';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { auditQuerySchema } from '@/lib/audit/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/tokens?<view> — token lifecycle: counts per action, lifetimes at creation, newest events.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadTokenActivity(workspace, query, new Date()),
);
