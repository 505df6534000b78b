import { route } from '@/lib/api/route';
import { matrixQuerySchema } from '@/lib/grants/contract';
import { loadMatrix } from '@/lib/grants/server/matrix';
import { GRANTS_UPSTREAM_MESSAGES } from '@/lib/grants/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/grants/matrix?catalog=&schema=&principal=&principalType=&privilege= — principals × securables: the
// whole-metastore summary without a catalog, every object of a catalog (or schema) with one.
export const GET = route(
  { role: 'analyst', query: matrixQuerySchema, upstreamMessages: GRANTS_UPSTREAM_MESSAGES },
  ({ workspace, query }) => loadMatrix(workspace, query),
);
