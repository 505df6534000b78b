import { tokenListJson } from '@/lib/databricks/tokens-list';
import { route } from '@/lib/api/route';
import { tokenFiltersSchema } from '@/lib/security/token-filters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/tokens — every token the acting identity can see, with owner, risk and reasons; filters and sort from the URL.
export const GET = route(
  { role: 'analyst', query: tokenFiltersSchema, upstreamMessages: { PERMISSION_DENIED: 'Databricks refused to list tokens for this identity.' } },
  async ({ workspace, query }) => new Response(await tokenListJson(workspace, query), { headers: { 'Content-Type': 'application/json' } }),
);
