// Personal access tokens (API reference §3): the admin view (token management), the caller's own tokens, creation
// on behalf of service principals, token permissions, and the two workspace-conf keys of the token policy.
//
// Quirks handled here: `expiry_time` is -1 or absent for "never"; ids are int64 that may arrive as numbers or
// strings; a create is never retried (the REST client guarantees it) because a lost response must be reconciled
// by the rotation marker instead; the new token's value is wrapped so it cannot end up in a log or JSON by accident.
import 'server-only';
import { z } from 'zod';
import type { TokenPermissionEntry } from '@/lib/tokens/rules/policy';
import { isDatabricksError } from '../errors';
import type { CallResult, RestClient } from '@/lib/databricks/rest-client';
import { emptyResponse, listOf } from '@/lib/databricks/schemas';

const TOKEN_MANAGEMENT = '/api/2.0/token-management/tokens';

// Kept lean on purpose: this schema runs over every token of the workspace (20,000 at scale), and unions with
// transforms cost ~6x plain types there. Ids are int64 that may arrive as numbers; times are JSON numbers.
const id = z.coerce.string();

export const tokenInfo = z.object({
  token_id: z.string(),
  creation_time: z.number().optional(),
  expiry_time: z.number().optional(),
  comment: z.string().nullish(),
  created_by_id: id.nullish(),
  created_by_username: z.string().nullish(),
  owner_id: id.nullish(),
  last_used_day: z.number().nullish(),
});
export type TokenInfo = z.output<typeof tokenInfo>;

const tokenList = z.object({ token_infos: listOf(tokenInfo) });
const tokenGet = z.object({ token_info: tokenInfo });
const created = z.object({ token_value: z.string().min(1), token_info: tokenInfo });

/** Databricks' "never expires" is -1 (or no field at all). */
export function expiryOf(info: TokenInfo): number | null {
  return info.expiry_time === undefined || info.expiry_time < 0 ? null : info.expiry_time;
}

/**
 * A freshly minted token value. It is only readable through reveal(); String(), JSON and util.inspect all print a
 * placeholder, so passing it to a logger, an error or a response by mistake leaks nothing.
 */
export class TokenValue {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[token value]';
  }
  toJSON(): string {
    return '[token value]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[token value]';
  }
}

export interface CreatedToken {
  info: TokenInfo;
  value: TokenValue;
  requestId: string | null;
}

/** Every token in the workspace (workspace admins only: others get 403 PERMISSION_DENIED). */
export async function listAllTokens(rest: RestClient, query: { createdById?: string } = {}, signal?: AbortSignal): Promise<TokenInfo[]> {
  const res = await rest.get(TOKEN_MANAGEMENT, tokenList, { query: { created_by_id: query.createdById }, signal });
  return res.token_infos;
}

/** The calling identity's own tokens; works without admin rights. Owner and creator are the caller. */
export async function listOwnTokens(rest: RestClient, signal?: AbortSignal): Promise<TokenInfo[]> {
  return (await rest.get('/api/2.0/token/list', tokenList, { signal })).token_infos;
}

/**
 * Databricks said, in its own JSON error body, that the token does not exist. Any other 404 proves nothing about the
 * token: ENDPOINT_NOT_FOUND is a wrong path, and an HTML 404 comes from a proxy in front of the workspace.
 */
export function saysTokenMissing(e: unknown): boolean {
  return isDatabricksError(e) && e.status === 404 && (e.declaredCode === 'RESOURCE_DOES_NOT_EXIST' || e.declaredCode === 'NOT_FOUND');
}

/** One token by id, or null when Databricks says it does not exist (already revoked or garbage-collected). */
export async function getToken(rest: RestClient, tokenId: string): Promise<TokenInfo | null> {
  try {
    return (await rest.get(`${TOKEN_MANAGEMENT}/${encodeURIComponent(tokenId)}`, tokenGet)).token_info;
  } catch (e) {
    if (saysTokenMissing(e)) return null;
    throw e;
  }
}

/**
 * After a revoke answered 404: whether the token is really gone (so the revoke had the effect wanted). Token
 * management's own "does not exist" counts at once; any other 404 — and every 404 of the own-token endpoint — is
 * checked with a fresh read, so a still-valid token is never logged as revoked. A failed check throws.
 */
export async function confirmRevoked(rest: RestClient, tokenId: string, e: unknown, own: boolean): Promise<boolean> {
  if (!isDatabricksError(e) || e.status !== 404) return false;
  if (!own && saysTokenMissing(e)) return true;
  if (own) return !(await listOwnTokens(rest)).some((t) => t.token_id === tokenId);
  return (await getToken(rest, tokenId)) === null;
}

/** Revokes any token (token management, admin). */
export async function deleteToken(rest: RestClient, tokenId: string): Promise<CallResult<unknown>> {
  return rest.call('DELETE', `${TOKEN_MANAGEMENT}/${encodeURIComponent(tokenId)}`, emptyResponse);
}

/** Revokes one of the caller's own tokens (no admin rights needed). */
export async function revokeOwnToken(rest: RestClient, tokenId: string): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/token/delete', emptyResponse, { body: { token_id: tokenId } });
}

export interface CreateRequest {
  lifetimeSeconds: number;
  comment: string;
}

/** A new token for the calling identity. Never retried: a lost answer is reconciled by the comment marker. */
export async function createOwnToken(rest: RestClient, req: CreateRequest): Promise<CreatedToken> {
  const res = await rest.call('POST', '/api/2.0/token/create', created, {
    body: { lifetime_seconds: req.lifetimeSeconds, comment: req.comment },
  });
  return { info: res.data.token_info, value: new TokenValue(res.data.token_value), requestId: res.requestId };
}

/** A new token owned by a service principal, created through token management. Never retried, as above. */
export async function createOnBehalfOf(rest: RestClient, req: CreateRequest & { applicationId: string }): Promise<CreatedToken> {
  const res = await rest.call('POST', '/api/2.0/token-management/on-behalf-of/tokens', created, {
    body: { application_id: req.applicationId, lifetime_seconds: req.lifetimeSeconds, comment: req.comment },
  });
  return { info: res.data.token_info, value: new TokenValue(res.data.token_value), requestId: res.requestId };
}

const permissionEntry = z.object({
  user_name: z.string().optional(),
  group_name: z.string().optional(),
  service_principal_name: z.string().optional(),
  display_name: z.string().optional(),
  all_permissions: listOf(z.object({ permission_level: z.string(), inherited: z.boolean().optional() })),
});
const tokenPermissions = z.object({ access_control_list: listOf(permissionEntry) });

/** Who may create and use tokens (`/permissions/authorization/tokens`), one entry per principal and level. */
export async function getTokenPermissions(rest: RestClient, signal?: AbortSignal): Promise<TokenPermissionEntry[]> {
  const res = await rest.get('/api/2.0/permissions/authorization/tokens', tokenPermissions, { signal });
  return res.access_control_list.flatMap((e): TokenPermissionEntry[] => {
    const principal = e.group_name
      ? { kind: 'group' as const, name: e.group_name }
      : e.service_principal_name
        ? { kind: 'service_principal' as const, name: e.service_principal_name }
        : e.user_name
          ? { kind: 'user' as const, name: e.user_name }
          : null;
    if (!principal) return [];
    const levels = new Set(e.all_permissions.map((p) => p.permission_level));
    return [...levels].map((level) => ({ ...principal, displayName: e.display_name ?? null, level }));
  });
}

export const TOKEN_CONF_KEYS = ['maxTokenLifetimeDays', 'enableTokensConfig'] as const;
const confValues = z.record(z.string(), z.string().nullish());

/** The token policy keys of workspace-conf (admins only). Unset keys come back null or absent. */
export async function getTokenConf(
  rest: RestClient,
  signal?: AbortSignal,
): Promise<{ maxTokenLifetimeDays: string | null; enableTokensConfig: string | null }> {
  const res = await rest.get('/api/2.0/workspace-conf', confValues, { query: { keys: TOKEN_CONF_KEYS.join(',') }, signal });
  return { maxTokenLifetimeDays: res.maxTokenLifetimeDays ?? null, enableTokensConfig: res.enableTokensConfig ?? null };
}

/** Sets the maximum lifetime of new tokens; workspace-conf values are always strings. */
export async function setMaxTokenLifetimeDays(rest: RestClient, days: number): Promise<CallResult<unknown>> {
  // Replacing one value with the same value is harmless, so a lost answer may be retried.
  return rest.call('PATCH', '/api/2.0/workspace-conf', emptyResponse, { body: { maxTokenLifetimeDays: String(days) }, idempotent: true });
}
