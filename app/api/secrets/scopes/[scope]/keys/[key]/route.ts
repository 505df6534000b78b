import { route } from '@/lib/api/route';
import { keyParams, putSecretBody } from '@/lib/secrets/contract';
import { deleteSecretKey, putSecretValue } from '@/lib/secrets/server/actions';
import { SECRETS_MESSAGES } from '@/lib/secrets/server/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// PUT /api/secrets/scopes/{scope}/keys/{key} — write a secret ({ value } or { bytesBase64 }); the answer has no value.
export const PUT = route(
  { role: 'admin', params: keyParams, body: putSecretBody, upstreamMessages: SECRETS_MESSAGES.writeSecret },
  async ({ workspace, user, requestId, params, body }) =>
    putSecretValue({ ws: workspace, person: user, requestId }, params.scope, params.key, body),
);

// DELETE /api/secrets/scopes/{scope}/keys/{key} — delete a secret.
export const DELETE = route(
  { role: 'admin', params: keyParams, upstreamMessages: SECRETS_MESSAGES.writeSecret },
  async ({ workspace, user, requestId, params }) => deleteSecretKey({ ws: workspace, person: user, requestId }, params.scope, params.key),
);
