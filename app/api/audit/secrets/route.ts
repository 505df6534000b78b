import { route } from '@/lib/api/route';
import { loadSecretActivity } from '@/lib/audit/server/activity';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { auditQuerySchema } from '@/lib/audit/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/audit/secrets?<view> — secret activity: counts per action, top readers per scope, newest writes and ACL changes.
export const GET = route({ role: 'analyst', query: auditQuerySchema, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, ({ workspace, query }) =>
  loadSecretActivity(workspace, query, new Date()),
);
