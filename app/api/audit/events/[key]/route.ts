import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { EVENT_NOT_FOUND, loadEventDetail } from '@/lib/audit/server/explorer';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { eventKeySchema } from '@/lib/audit/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const Params = z.object({ key: eventKeySchema });

// GET /api/audit/events/{key} — one event in full, with request_params and response.
export const GET = route({ role: 'analyst', params: Params, upstreamMessages: AUDIT_UPSTREAM_MESSAGES }, async ({ workspace, params }) => {
  const event = await loadEventDetail(workspace, params.key);
  if (!event) throw new ApiError(404, 'NOT_FOUND', EVENT_NOT_FOUND);
  return { event };
});
