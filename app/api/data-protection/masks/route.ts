import { route } from '@/lib/api/route';
import { maskBody, maskDeleteBody } from '@/lib/data-protection/contract';
import { maskColumn, unmaskColumn } from '@/lib/data-protection/server/actions';
import { PROTECTION_CHANGE_MESSAGES } from '@/lib/data-protection/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/data-protection/masks — mask a column ({ table, column, allowedGroup, dryRun? }): the server creates or
// reuses the masking function and answers { sql: [...] }, the statements that ran (or would run).
export const POST = route(
  { role: 'admin', body: maskBody, upstreamMessages: PROTECTION_CHANGE_MESSAGES },
  ({ workspace, user, requestId, body }) => maskColumn({ ws: workspace, person: user, requestId }, body),
);

// DELETE /api/data-protection/masks — remove a column's mask ({ table, column, dryRun? }).
export const DELETE = route(
  { role: 'admin', body: maskDeleteBody, upstreamMessages: PROTECTION_CHANGE_MESSAGES },
  ({ workspace, user, requestId, body }) => unmaskColumn({ ws: workspace, person: user, requestId }, body),
);
