import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { createScopeBody, scopeFiltersSchema } from '@/lib/secrets/contract';
import { createSecretScope } from '@/lib/secrets/server/actions';
import { refreshAll, wantsFresh } from '@/lib/secrets/server/cache';
import { SECRETS_MESSAGES } from '@/lib/secrets/server/messages';
import { scopeListView } from '@/lib/secrets/server/view';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/secrets/scopes — every scope Databricks shows, with backend, key count and ages, ACL and findings; filters
// q, finding and backend. Answered from a short per-identity cache; `Cache-Control: no-cache` re-reads Databricks.
export const GET = route(
  { role: 'analyst', query: scopeFiltersSchema, upstreamMessages: SECRETS_MESSAGES.list },
  async ({ workspace, query, request }) => {
    if (wantsFresh(request.headers)) refreshAll(workspace);
    return scopeListView(workspace, query);
  },
);

// POST /api/secrets/scopes — create a Databricks-backed or Azure Key Vault-backed scope (201).
export const POST = route(
  { role: 'admin', body: createScopeBody, upstreamMessages: SECRETS_MESSAGES.createScope },
  async ({ workspace, user, requestId, body }) =>
    NextResponse.json(await createSecretScope({ ws: workspace, person: user, requestId }, body), { status: 201 }),
);
