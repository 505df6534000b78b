import { route } from '@/lib/api/route';
import { rowFilterBody, rowFilterDeleteBody } from '@/lib/data-protection/contract';
import { dropRowFilter, setRowFilter } from '@/lib/data-protection/server/actions';
import { PROTECTION_CHANGE_MESSAGES } from '@/lib/data-protection/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/data-protection/row-filters — set a table's row filter ({ table, function, columns, dryRun? }).
export const POST = route(
  { role: 'admin', body: rowFilterBody, upstreamMessages: PROTECTION_CHANGE_MESSAGES },
  ({ workspace, user, requestId, body }) => setRowFilter({ ws: workspace, person: user, requestId }, body),
);

// DELETE /api/data-protection/row-filters — remove a table's row filter ({ table, dryRun? }).
export const DELETE = route(
  { role: 'admin', body: rowFilterDeleteBody, upstreamMessages: PROTECTION_CHANGE_MESSAGES },
  ({ workspace, user, requestId, body }) => dropRowFilter({ ws: workspace, person: user, requestId }, body),
);
