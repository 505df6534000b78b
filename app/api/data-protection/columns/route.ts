import { route } from '@/lib/api/route';
import { columnsQuerySchema } from '@/lib/data-protection/contract';
import { loadColumns } from '@/lib/data-protection/server/columns';
import { PROTECTION_READ_MESSAGES } from '@/lib/data-protection/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/data-protection/columns?catalog= — sensitive columns with their masks, row filters and who reads them raw,
// coverage per catalog, and the functions in use.
export const GET = route(
  { role: 'analyst', query: columnsQuerySchema, upstreamMessages: PROTECTION_READ_MESSAGES },
  ({ workspace, query }) => loadColumns(workspace, query),
);
