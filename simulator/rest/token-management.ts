// Token management (§3.2): every PAT in the workspace, for workspace admins only; also under /api/2.0/preview.
// On-behalf-of creation mints a token owned by a service principal, created by the calling admin.
import { type RestRequest } from '../core/contract';
import { badRequest, forbidden, notFound } from '../http/errors';
import { asObject, optionalInt, optionalString, optionalStringArray, requireString } from '../http/fields';
import { RawJson } from '../http/io';
import type { WsRoute } from '../http/types';
import type { IdentityStore } from '../identity/store';
import type { TokenRow, TokenStore } from '../store/token-store';
import { issueToken, type IssueDeps } from './token-issue';
import { tokenInfo } from './token-render';
import { applyTokenUpdate } from './tokens';

export interface TokenManagementDeps extends IssueDeps {
  tokens: TokenStore;
  identity: IdentityStore;
  workspaceId: string;
}

const requireAdmin = (req: RestRequest) => {
  if (!req.principal.isAdmin) throw forbidden('Only Admins can access token management APIs.');
};

export function tokenManagementRoutes(deps: TokenManagementDeps): WsRoute[] {
  // The full list is the dashboard's hot path (20,000 tokens at large scale). Rows are replaced, never mutated, on
  // change, so each row's JSON is rendered once and the list is a join of cached fragments.
  const fragments = new WeakMap<TokenRow, string>();
  const fragment = (t: TokenRow) => {
    let f = fragments.get(t);
    if (f === undefined) fragments.set(t, (f = JSON.stringify(tokenInfo(t, deps.workspaceId))));
    return f;
  };
  const render = (rows: readonly TokenRow[]) => new RawJson(rows.length ? `{"token_infos":[${rows.map(fragment).join(',')}]}` : '{}');
  let whole: { rows: readonly TokenRow[]; body: RawJson } | null = null;
  const listBody = async (createdById?: string, createdByUsername?: string) => {
    if (createdById !== undefined || createdByUsername !== undefined)
      return render(await deps.tokens.list({ createdById, createdByUsername }));
    const rows = deps.tokens.all();
    if (whole?.rows !== rows) whole = { rows, body: render(rows) };
    return whole.body;
  };
  // Render the fragments once, right after start-up, so the first dashboard request does not pay for 20,000 of them.
  setTimeout(() => void listBody(), 0).unref();
  const load = async (tokenId: string) => {
    const t = await deps.tokens.get(tokenId);
    if (!t) throw notFound(`Token with id ${tokenId} does not exist.`);
    return t;
  };
  const routes = (base: string): WsRoute[] => [
    {
      method: 'GET',
      path: `${base}/tokens`,
      handler: async (req) => {
        requireAdmin(req);
        const byId = req.query.get('created_by_id');
        if (byId !== null && !/^\d+$/.test(byId)) throw badRequest('created_by_id must be an integer.');
        return { body: await listBody(byId ?? undefined, req.query.get('created_by_username') ?? undefined) };
      },
    },
    {
      method: 'GET',
      path: `${base}/tokens/:token_id`,
      handler: async (req) => {
        requireAdmin(req);
        return { body: { token_info: tokenInfo(await load(req.params.token_id as string), deps.workspaceId) } };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/tokens/:token_id`,
      audit: { service: 'accounts', action: 'revokeDbToken', params: (req) => ({ tokenHash: req.params.token_id as string }) },
      handler: async (req) => {
        requireAdmin(req);
        await load(req.params.token_id as string);
        await deps.tokens.delete(req.params.token_id as string);
        return {};
      },
    },
    {
      method: 'PATCH',
      path: `${base}/tokens/:token_id`,
      handler: async (req) => {
        requireAdmin(req);
        const id = req.params.token_id as string;
        await load(id);
        await applyTokenUpdate(deps.tokens, id, req.body);
        return { body: tokenInfo(await load(id), deps.workspaceId) };
      },
    },
    {
      method: 'POST',
      path: `${base}/on-behalf-of/tokens`,
      audit: {
        service: 'accounts',
        action: 'generateDbToken',
        params: (req) => ({ applicationId: String((req.body as Record<string, unknown>)?.application_id ?? '') }),
      },
      handler: async (req) => {
        requireAdmin(req);
        const b = asObject(req.body);
        const appId = requireString(b, 'application_id');
        const sp = deps.identity.find('service_principal', appId);
        if (!sp) throw notFound(`Service principal with application ID ${appId} does not exist.`);
        if (!sp.active) throw badRequest(`Service principal ${appId} is not active.`);
        const { value, row } = await issueToken(deps, req, deps.identity.toPrincipal(sp), {
          lifetimeSeconds: optionalInt(b, 'lifetime_seconds'),
          comment: optionalString(b, 'comment'),
          scopes: optionalStringArray(b, 'scopes'),
        });
        return {
          body: { token_info: tokenInfo(row, deps.workspaceId), token_value: value },
          headers: { 'Cache-Control': 'no-store' },
          auditParams: { tokenHash: row.tokenId, tokenExpirationTime: String(row.expiryTime), userId: sp.id },
        };
      },
    },
  ];
  return [...routes('/api/2.0/token-management'), ...routes('/api/2.0/preview/token-management')];
}
