import { route } from '@/lib/api/route';
import { deleteAclBody, putAclBody, scopeParams } from '@/lib/secrets/contract';
import { deleteAclEntry, putAclEntry } from '@/lib/secrets/server/actions';
import { SECRETS_MESSAGES } from '@/lib/secrets/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// PUT /api/secrets/scopes/{scope}/acls — give a principal READ, WRITE or MANAGE (principals go in the body: group names
// may hold "/").
export const PUT = route(
  { role: 'admin', params: scopeParams, body: putAclBody, upstreamMessages: SECRETS_MESSAGES.acl },
  async ({ workspace, user, requestId, params, body }) =>
    putAclEntry({ ws: workspace, person: user, requestId }, params.scope, body.principal, body.permission),
);

// DELETE /api/secrets/scopes/{scope}/acls — remove a principal's entry.
export const DELETE = route(
  { role: 'admin', params: scopeParams, body: deleteAclBody, upstreamMessages: SECRETS_MESSAGES.acl },
  async ({ workspace, user, requestId, params, body }) =>
    deleteAclEntry({ ws: workspace, person: user, requestId }, params.scope, body.principal),
);
