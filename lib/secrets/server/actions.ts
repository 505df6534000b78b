// What an admin does to scopes, secrets and ACLs, each attempt in the action log — success, refusal or failure — with
// Databricks' request id and never a value. Databricks' refusals keep their meaning (the route maps them); a rule of
// ours that refuses first (a confirmation that does not match, a write into a read-only Key Vault scope) says why.
import 'server-only';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import {
  createScope,
  deleteAcl,
  deleteScope,
  deleteSecret,
  listAcls,
  listScopes,
  listSecrets,
  putAcl,
  putSecret,
  SecretValue,
  type SecretPermission,
} from '@/lib/databricks/api/secrets';
import { isDatabricksError } from '@/lib/databricks/errors';
import { upstreamReason, upstreamRequestId } from '@/lib/databricks/upstream';
import { DomainError, isDomainError } from '@/lib/errors';
import { aclTarget, scopeTarget, secretTarget, type CreateScopeBody, type PutSecretBody } from '@/lib/secrets/contract';
import { scopesChanged } from './cache';

/** Runs one attempt: logs its outcome (with `detail`) and, whatever happened, makes every view re-read `scope`. */
async function attempt<T>(
  ctx: ActionContext,
  action: string,
  target: string,
  scope: string,
  detail: Record<string, unknown>,
  run: () => Promise<{ result: T; requestId: string | null; detail?: Record<string, unknown> }>,
): Promise<T> {
  try {
    const { result, requestId, detail: more } = await run();
    await recordAction(ctx, action, target, 'success', { ...detail, ...more }, requestId);
    return result;
  } catch (e) {
    const error = isDomainError(e) ? e.message : upstreamReason(e);
    // A refusal reworded as a DomainError keeps Databricks' error as its cause, request id included.
    const requestId = upstreamRequestId(e) ?? upstreamRequestId((e as { cause?: unknown }).cause);
    await recordAction(ctx, action, target, 'failure', { ...detail, error }, requestId);
    throw e;
  } finally {
    scopesChanged(ctx.ws.host, [scope]);
  }
}

/** The scope as Databricks names it (case-insensitive match), or a 404 in Databricks' words. */
async function findScope(ctx: ActionContext, scope: string) {
  const found = (await listScopes(ctx.ws.rest)).find((s) => s.name.toLowerCase() === scope.toLowerCase());
  if (!found) throw new DomainError('not_found', 'SCOPE_NOT_FOUND', `Scope ${scope} does not exist!`);
  return found;
}

function readOnly(backend: string, scope: string): void {
  if (backend === 'AZURE_KEYVAULT')
    throw new DomainError(
      'invalid',
      'KEY_VAULT_READ_ONLY',
      `${scope} is backed by Azure Key Vault, which Databricks only reads: add or remove the secret in the vault itself.`,
    );
}

export async function createSecretScope(ctx: ActionContext, body: CreateScopeBody) {
  const backend = body.backend ?? 'DATABRICKS';
  return attempt(
    ctx,
    'secrets.scope.create',
    scopeTarget(body.scope),
    body.scope,
    { backend, keyVault: body.keyVault?.dnsName },
    async () => {
      try {
        const res = await createScope(ctx.ws.rest, { scope: body.scope, backend, keyVault: body.keyVault });
        return { result: { scope: { name: body.scope, backend } }, requestId: res.requestId };
      } catch (e) {
        // Databricks creates Key Vault-backed scopes only for a caller holding a Microsoft Entra ID token.
        if (backend === 'AZURE_KEYVAULT' && isDatabricksError(e) && e.status === 400 && e.errorCode !== 'RESOURCE_ALREADY_EXISTS')
          throw Object.assign(
            new DomainError(
              'invalid',
              'KEY_VAULT_NEEDS_ENTRA_TOKEN',
              `Databricks refused: a Key Vault-backed scope can only be created by someone signed in with a Microsoft Entra ID token, which Brickwatch's identity is not. Create it in the Databricks UI or with the CLI signed in through Entra ID. (Databricks said: ${e.message})`,
            ),
            { cause: e },
          );
        throw e;
      }
    },
  );
}

export async function deleteSecretScope(ctx: ActionContext, scope: string, confirm: string) {
  return attempt(ctx, 'secrets.scope.delete', scopeTarget(scope), scope, {}, async () => {
    if (confirm !== scope)
      throw new DomainError('invalid', 'CONFIRMATION_MISMATCH', `Type the scope name exactly (${scope}) to delete it.`);
    const res = await deleteScope(ctx.ws.rest, scope);
    return { result: { deleted: scope }, requestId: res.requestId };
  });
}

export async function putSecretValue(ctx: ActionContext, scope: string, key: string, body: PutSecretBody) {
  const value = body.value !== undefined ? SecretValue.text(body.value) : SecretValue.bytes(body.bytesBase64!);
  return attempt(ctx, 'secrets.put', secretTarget(scope, key), scope, { kind: value.kind }, async () => {
    readOnly((await findScope(ctx, scope)).backend, scope);
    const res = await putSecret(ctx.ws.rest, { scope, key }, value);
    // Databricks' own clock says when it was written; a failed read of it does not undo the write.
    let lastUpdated: number | null = null;
    try {
      lastUpdated = (await listSecrets(ctx.ws.rest, scope)).find((s) => s.key === key)?.lastUpdated ?? null;
    } catch {
      lastUpdated = null;
    }
    return { result: { scope, key, lastUpdated }, requestId: res.requestId };
  });
}

export async function deleteSecretKey(ctx: ActionContext, scope: string, key: string) {
  return attempt(ctx, 'secrets.delete', secretTarget(scope, key), scope, {}, async () => {
    readOnly((await findScope(ctx, scope)).backend, scope);
    const res = await deleteSecret(ctx.ws.rest, { scope, key });
    return { result: { scope, key, deleted: true }, requestId: res.requestId };
  });
}

/** The principal's current entry (reading the ACL needs MANAGE, as changing it does: a refusal here is the answer). */
async function currentPermission(ctx: ActionContext, scope: string, principal: string): Promise<SecretPermission | null> {
  return (await listAcls(ctx.ws.rest, scope)).find((a) => a.principal.toLowerCase() === principal.toLowerCase())?.permission ?? null;
}

export async function putAclEntry(ctx: ActionContext, scope: string, principal: string, permission: SecretPermission) {
  return attempt(ctx, 'secrets.acl.put', aclTarget(scope, principal), scope, { permission }, async () => {
    const previous = await currentPermission(ctx, scope, principal);
    const res = await putAcl(ctx.ws.rest, scope, { principal, permission });
    return { result: { scope, principal, permission, previous }, requestId: res.requestId, detail: { previous } };
  });
}

export async function deleteAclEntry(ctx: ActionContext, scope: string, principal: string) {
  return attempt(ctx, 'secrets.acl.delete', aclTarget(scope, principal), scope, {}, async () => {
    const removed = await currentPermission(ctx, scope, principal);
    const res = await deleteAcl(ctx.ws.rest, scope, principal);
    return { result: { scope, principal, removed }, requestId: res.requestId, detail: { removed } };
  });
}
