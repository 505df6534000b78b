import { tokenListView, wantsFresh } from '@/lib/tokens/server/list';
import { route } from '@/lib/api/route';
import { tokenFiltersSchema } from '@/lib/tokens/contract';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/tokens — every token the acting identity can see, with owner, risk and reasons; filters and sort from the URL.
// Answered from a short per-identity cache; `Cache-Control: no-cache` (the Refresh button) asks for fresh reads.
export const GET = route(
  {
    role: 'analyst',
    query: tokenFiltersSchema,
    upstreamMessages: { PERMISSION_DENIED: 'Databricks refused to list tokens for this identity.' },
  },
  async ({ workspace, query, request }) => {
    const view = await tokenListView(workspace, query, { fresh: wantsFresh(request.headers) });
    return new Response(view.json, { headers: { 'Content-Type': 'application/json' } });
  },
);
