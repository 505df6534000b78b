import { route } from '@/lib/api/route';
import { whoCanReadQuerySchema } from '@/lib/grants/contract';
import { whoCanRead } from '@/lib/grants/server/access';
import { GRANTS_UPSTREAM_MESSAGES } from '@/lib/grants/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/grants/who-can-read?securable=<catalog.schema.name> — every person and service principal with effective
// read access to a table, view or volume, and through which grant or group.
export const GET = route(
  { role: 'analyst', query: whoCanReadQuerySchema, upstreamMessages: GRANTS_UPSTREAM_MESSAGES },
  ({ workspace, query }) => whoCanRead(workspace, query.securable),
);
