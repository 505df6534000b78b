import { route } from '@/lib/api/route';
import { whatCanReadQuerySchema } from '@/lib/grants/contract';
import { whatCanRead } from '@/lib/grants/server/access';
import { GRANTS_UPSTREAM_MESSAGES } from '@/lib/grants/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/grants/what-can-read?principal=<user name or application id> — every table, view and volume it can read.
export const GET = route(
  { role: 'analyst', query: whatCanReadQuerySchema, upstreamMessages: GRANTS_UPSTREAM_MESSAGES },
  ({ workspace, query }) => whatCanRead(workspace, query.principal),
);
