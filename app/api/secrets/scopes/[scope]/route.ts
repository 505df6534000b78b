import { route } from '@/lib/api/route';
import { deleteScopeBody, scopeParams } from '@/lib/secrets/contract';
import { deleteSecretScope } from '@/lib/secrets/server/actions';
import { SECRETS_MESSAGES } from '@/lib/secrets/server/messages';
import { scopeDetailView } from '@/lib/secrets/server/view';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/secrets/scopes/{scope} — one scope: keys with last update and reads, ACL, findings, 30 days of activity.
export const GET = route({ role: 'analyst', params: scopeParams, upstreamMessages: SECRETS_MESSAGES.list }, async ({ workspace, params }) =>
  scopeDetailView(workspace, params.scope),
);

// DELETE /api/secrets/scopes/{scope} — delete the scope and its secrets; the body repeats the name typed to confirm.
export const DELETE = route(
  { role: 'admin', params: scopeParams, body: deleteScopeBody, upstreamMessages: SECRETS_MESSAGES.deleteScope },
  async ({ workspace, user, requestId, params, body }) =>
    deleteSecretScope({ ws: workspace, person: user, requestId }, params.scope, body.confirm),
);
