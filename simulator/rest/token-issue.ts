// Creating a PAT, shared by /token/create and on-behalf-of creation: token permissions, the 600-per-owner quota
// and the workspace's maxTokenLifetimeDays. A lifetime above the maximum is REJECTED (not clamped) — the reference
// leaves this [U]; rejecting makes the policy visible to the caller. No lifetime → the maximum (or 2 years).
import { ApiError, type AuditSink, type Principal, type RestRequest } from '../core/contract';
import { badRequest, forbidden } from '../http/errors';
import type { Authenticator } from '../identity/auth';
import { newTokenValue, type TokenRow, type TokenStore } from '../store/token-store';
import type { WorkspaceConfStore } from '../store/workspace-conf';

export const TOKEN_QUOTA = 600;
const DAY_S = 86_400;
const DEFAULT_LIFETIME_S = 730 * DAY_S;

export interface IssueDeps {
  tokens: TokenStore;
  conf: WorkspaceConfStore;
  auth: Authenticator;
  audit: AuditSink;
}

export async function issueToken(
  deps: IssueDeps,
  req: RestRequest,
  owner: Principal,
  input: { lifetimeSeconds?: number; comment?: string; scopes?: string[] },
): Promise<{ value: string; row: TokenRow }> {
  if (!deps.conf.tokensEnabled()) throw forbidden('Personal access tokens are disabled for this workspace.');
  if (!(await deps.auth.canUseTokens(owner))) {
    throw forbidden(`${owner.name} does not have permission to create personal access tokens (token permissions: CAN_USE).`);
  }
  const maxDays = deps.conf.maxTokenLifetimeDays();
  const maxSeconds = maxDays === null ? null : maxDays * DAY_S;
  let lifetime = input.lifetimeSeconds ?? Math.min(DEFAULT_LIFETIME_S, maxSeconds ?? DEFAULT_LIFETIME_S);
  if (lifetime <= 0) throw badRequest(`requirement failed: Invalid timeout: ${lifetime}`);
  if (maxSeconds !== null && lifetime > maxSeconds) {
    throw badRequest(
      `Token lifetime of ${Math.ceil(lifetime / DAY_S)} days exceeds the maximum of ${maxDays} days set for this workspace (maxTokenLifetimeDays).`,
    );
  }
  lifetime = Math.floor(lifetime);
  // No await between this count and the insert below registering the token, so concurrent creates cannot overshoot.
  if (deps.tokens.countForOwner(owner.id) >= TOKEN_QUOTA) {
    deps.audit.append({
      serviceName: 'accounts',
      actionName: 'reachMaxQuotaDbToken',
      email: req.principal.name,
      requestParams: { userId: owner.id },
      statusCode: 400,
      errorMessage: 'QUOTA_EXCEEDED',
      sourceIp: req.meta.sourceIp,
      userAgent: req.meta.userAgent,
      requestId: req.meta.requestId,
    });
    throw new ApiError(400, 'QUOTA_EXCEEDED', `Cannot create more than ${TOKEN_QUOTA} tokens for ${owner.name}.`);
  }
  const { value, tokenId } = newTokenValue();
  const now = Date.now();
  const row: TokenRow = {
    tokenId,
    ownerId: owner.id,
    createdById: req.principal.id,
    createdByUsername: req.principal.name,
    comment: input.comment ?? '',
    creationTime: now,
    expiryTime: now + lifetime * 1000,
    lastUsedDay: null,
    scopes: input.scopes ?? null,
  };
  await deps.tokens.insert(row);
  return { value, row };
}
