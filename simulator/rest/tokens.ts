// The caller's own PATs: /api/2.0/token/{create,list,delete} and PATCH /api/2.0/token/{id} (§3.1).
import { ApiError } from '../core/contract';
import { notFound } from '../http/errors';
import { asObject, optionalInt, optionalString, optionalStringArray, requireString } from '../http/fields';
import type { WsRoute } from '../http/types';
import type { TokenStore } from '../store/token-store';
import { issueToken, type IssueDeps } from './token-issue';
import { publicTokenInfo } from './token-render';

const AUDIT = 'accounts';

export function tokenRoutes(deps: IssueDeps & { tokens: TokenStore }): WsRoute[] {
  const own = async (tokenId: string, ownerId: string, code = 'RESOURCE_DOES_NOT_EXIST') => {
    const t = await deps.tokens.get(tokenId);
    if (!t || t.ownerId !== ownerId) throw new ApiError(404, code, `Token with id ${tokenId} does not exist.`);
    return t;
  };
  return [
    {
      method: 'POST',
      path: '/api/2.0/token/create',
      audit: { service: AUDIT, action: 'generateDbToken', params: (req) => ({ userId: req.principal.id }) },
      handler: async (req) => {
        const b = asObject(req.body);
        const { value, row } = await issueToken(deps, req, req.principal, {
          lifetimeSeconds: optionalInt(b, 'lifetime_seconds'),
          comment: optionalString(b, 'comment'),
          scopes: optionalStringArray(b, 'scopes'),
        });
        return {
          body: { token_value: value, token_info: publicTokenInfo(row) },
          headers: { 'Cache-Control': 'no-store' },
          auditParams: { tokenHash: row.tokenId, tokenExpirationTime: String(row.expiryTime) },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/token/list',
      handler: async (req) => {
        const rows = await deps.tokens.list({ ownerId: req.principal.id });
        return { body: rows.length ? { token_infos: rows.map(publicTokenInfo) } : {} };
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/token/delete',
      audit: {
        service: AUDIT,
        action: 'revokeDbToken',
        params: (req) => ({ tokenHash: String((req.body as Record<string, unknown>)?.token_id ?? '') }),
      },
      handler: async (req) => {
        const tokenId = requireString(asObject(req.body), 'token_id');
        await own(tokenId, req.principal.id);
        await deps.tokens.delete(tokenId);
        return {};
      },
    },
    {
      method: 'PATCH',
      path: '/api/2.0/token/:token_id',
      handler: async (req) => {
        const tokenId = req.params.token_id as string;
        await own(tokenId, req.principal.id, 'NOT_FOUND');
        await applyTokenUpdate(deps.tokens, tokenId, req.body);
        return {};
      },
    },
  ];
}

/** `{token: {...}, update_mask: "comment,scopes"}`: only the masked fields change. */
export async function applyTokenUpdate(tokens: TokenStore, tokenId: string, body: unknown): Promise<void> {
  const b = asObject(body);
  const token = asObject(b.token ?? {});
  const mask = (optionalString(b, 'update_mask') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = mask.filter((m) => m !== 'comment' && m !== 'scopes');
  if (unknown.length)
    throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `update_mask may only name comment and scopes (got ${unknown.join(', ')}).`);
  await tokens.update(tokenId, {
    comment: mask.includes('comment') ? (optionalString(token, 'comment') ?? '') : undefined,
    scopes: mask.includes('scopes') ? (optionalStringArray(token, 'scopes') ?? []) : undefined,
  });
  if (!(await tokens.get(tokenId))) throw notFound(`Token with id ${tokenId} does not exist.`, 'NOT_FOUND');
}
