// /oidc/v1/authorize: authorization code + PKCE (S256 only). Without login_hint it shows the person picker;
// with login_hint=<userName> it signs that person in at once, so scripts and tests need no page.
import type { RawRequest } from '../http/pipeline';
import type { RawResult } from '../http/io';
import { oauthAudit, type OidcContext } from './context';
import { renderPicker, type PickerPerson } from './picker-page';

const PASS_THROUGH = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce'];

const html = (status: number, body: string): RawResult => ({
  status,
  headers: {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
  },
  body,
});

const redirect = (to: URL): RawResult => ({ status: 302, headers: { Location: to.toString() } });

export async function authorize(ctx: OidcContext, req: RawRequest): Promise<RawResult> {
  const params = req.method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.query;
  const get = (k: string) => params.get(k) ?? '';
  const client = ctx.clients.get(get('client_id'));
  // Per RFC 6749 §4.1.2.1 a bad client or redirect URI is shown, never redirected to.
  if (!client || client.kind === 'service_principal') return html(400, errorPage(`Unknown OAuth client "${get('client_id')}".`));
  if (!ctx.clients.redirectAllowed(client, get('redirect_uri'))) {
    return html(400, errorPage(`The redirect URI "${get('redirect_uri')}" is not registered for ${client.name}.`));
  }
  const back = (extra: Record<string, string>) => {
    const url = new URL(get('redirect_uri'));
    for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
    if (params.has('state')) url.searchParams.set('state', get('state'));
    return redirect(url);
  };
  if (get('response_type') !== 'code')
    return back({ error: 'unsupported_response_type', error_description: 'Only response_type=code is supported.' });
  if (!get('code_challenge')) return back({ error: 'invalid_request', error_description: 'PKCE is required: send code_challenge.' });
  if (get('code_challenge_method') !== 'S256')
    return back({ error: 'invalid_request', error_description: 'code_challenge_method must be S256.' });

  const chosen = req.method === 'POST' ? get('user_name') : get('login_hint');
  const carried = Object.fromEntries(PASS_THROUGH.filter((k) => params.has(k)).map((k) => [k, get(k)]));
  if (chosen) {
    const user = ctx.identity.find('user', chosen.trim());
    if (user?.active) {
      const code = ctx.codes.issue({
        clientId: client.clientId,
        redirectUri: get('redirect_uri'),
        principalId: user.id,
        scope: get('scope') || 'all-apis',
        codeChallenge: get('code_challenge'),
        nonce: params.get('nonce'),
      });
      oauthAudit(ctx, req.meta, 'mintOAuthAuthorizationCode', user.name, { client_id: client.clientId }, 200);
      return back({ code });
    }
    oauthAudit(ctx, req.meta, 'mintOAuthAuthorizationCode', chosen, { client_id: client.clientId }, 401, 'Unknown or inactive user');
    return html(
      400,
      picker(
        ctx,
        client.name,
        carried,
        user ? `${user.displayName} is deactivated and cannot sign in.` : `No active person named "${chosen}" in this workspace.`,
      ),
    );
  }
  return html(200, picker(ctx, client.name, carried, null));
}

function picker(ctx: OidcContext, appName: string, params: Record<string, string>, error: string | null): string {
  const toPerson = (userName: string): PickerPerson | null => {
    const u = ctx.identity.find('user', userName);
    return u?.active ? { userName: u.name, displayName: u.displayName, groups: ctx.identity.allGroups(u.id).map((g) => g.name) } : null;
  };
  const featured = ctx.featuredPeople.map(toPerson).filter((p): p is PickerPerson => p !== null);
  const everyone = ctx.identity
    .all('user')
    .filter((u) => u.active)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((u) => ({ userName: u.name, displayName: u.displayName, groups: [] }));
  return renderPicker({ appName, params, featured, everyone, error });
}

function errorPage(message: string): string {
  const esc = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p role="alert">${esc}</p></main></body></html>`;
}
