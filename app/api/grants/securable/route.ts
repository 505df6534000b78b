import { route } from '@/lib/api/route';
import { securableQuerySchema } from '@/lib/grants/contract';
import { GRANTS_UPSTREAM_MESSAGES } from '@/lib/grants/server/messages';
import { securableDetail } from '@/lib/grants/server/securable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/grants/securable?type=TABLE&name=<full name> — its owner and SHOW GRANTS.
export const GET = route(
  { role: 'analyst', query: securableQuerySchema, upstreamMessages: GRANTS_UPSTREAM_MESSAGES },
  ({ workspace, query }) => securableDetail(workspace, query.type, query.name),
);
