// POST /oidc/v1/token: authorization_code (+ PKCE verifier), refresh_token and client_credentials (service
// principals, HTTP Basic or client_secret_post). Errors are RFC 6749 §5.2 bodies.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { RawRequest } from '../http/pipeline';
import { json, type RawResult } from '../http/io';
import type { PrincipalRecord } from '../identity/store';
import { hashSecret, type OAuthClient } from './clients';
import { oauthAudit, type OidcContext } from './context';
import { signJwt } from './jwt';

const REFRESH_TTL_MS = 90 * 86_400_000;

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
  ) {
    super(description);
  }
}

export async function tokenEndpoint(ctx: OidcContext, req: RawRequest): Promise<RawResult> {
  const form = new URLSearchParams(req.body.toString('utf8'));
  const grant = form.get('grant_type') ?? '';
  let user: string | null = null;
  let clientId = '';
  try {
    const client = authenticateClient(ctx, req, form);
    clientId = client.clientId;
    const issue = async (p: PrincipalRecord, scope: string, refresh: string | null, nonce: string | null) => {
      user = p.name;
      return issueTokens(ctx, client, p, scope, refresh, nonce);
    };
    let body: Record<string, unknown>;
    if (grant === 'authorization_code') body = await codeGrant(ctx, client, form, issue);
    else if (grant === 'refresh_token') body = await refreshGrant(ctx, client, form, issue);
    else if (grant === 'client_credentials') body = await clientCredentials(ctx, client, form, issue);
    else throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant_type "${grant}".`);
    oauthAudit(ctx, req.meta, 'mintOAuthToken', user, { client_id: clientId, grant_type: grant }, 200);
    return json(200, body, { Pragma: 'no-cache' });
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    oauthAudit(ctx, req.meta, 'mintOAuthToken', user, { client_id: clientId, grant_type: grant }, e.status, e.message);
    return json(
      e.status,
      { error: e.code, error_description: e.message },
      e.status === 401 ? { 'WWW-Authenticate': 'Basic realm="oidc"' } : {},
    );
  }
}

function authenticateClient(ctx: OidcContext, req: RawRequest, form: URLSearchParams): OAuthClient {
  let id = form.get('client_id') ?? '';
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    id = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  const client = ctx.clients.get(id);
  if (!client || !ctx.clients.verifySecret(client, secret)) throw new OAuthError(401, 'invalid_client', 'Client authentication failed.');
  return client;
}

type Issue = (p: PrincipalRecord, scope: string, refresh: string | null, nonce: string | null) => Promise<Record<string, unknown>>;

async function codeGrant(ctx: OidcContext, client: OAuthClient, form: URLSearchParams, issue: Issue) {
  const grant = ctx.codes.take(form.get('code') ?? '');
  if (grant === 'used') throw new OAuthError(400, 'invalid_grant', 'The authorization code has already been used.');
  if (!grant) throw new OAuthError(400, 'invalid_grant', 'The authorization code is invalid or expired.');
  if (grant.clientId !== client.clientId)
    throw new OAuthError(400, 'invalid_grant', 'The authorization code was issued to another client.');
  if ((form.get('redirect_uri') ?? '') !== grant.redirectUri)
    throw new OAuthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
  const verifier = form.get('code_verifier') ?? '';
  if (!verifier) throw new OAuthError(400, 'invalid_request', 'code_verifier is required.');
  if (createHash('sha256').update(verifier).digest('base64url') !== grant.codeChallenge) {
    throw new OAuthError(400, 'invalid_grant', 'PKCE verification failed: code_verifier does not match code_challenge.');
  }
  const person = activePrincipal(ctx, grant.principalId);
  const refresh = grant.scope.split(' ').includes('offline_access') ? await newRefreshToken(ctx, client, person, grant.scope) : null;
  return issue(person, grant.scope, refresh, grant.nonce);
}

async function refreshGrant(ctx: OidcContext, client: OAuthClient, form: URLSearchParams, issue: Issue) {
  const token = form.get('refresh_token') ?? '';
  const row = await ctx.db.one<{ client_id: string; principal_id: string; scope: string; expires_at: bigint }>(
    'SELECT client_id, principal_id, scope, expires_at FROM ws.refresh_tokens WHERE token_hash = ?',
    [hashSecret(token)],
  );
  if (!row || Number(row.expires_at) <= Date.now()) throw new OAuthError(400, 'invalid_grant', 'The refresh token is invalid or expired.');
  if (row.client_id !== client.clientId) throw new OAuthError(400, 'invalid_grant', 'The refresh token was issued to another client.');
  // The refresh token stays valid until it expires and is returned again (no rotation), so concurrent refreshes are safe.
  return issue(activePrincipal(ctx, row.principal_id), row.scope, token, null);
}

async function clientCredentials(ctx: OidcContext, client: OAuthClient, form: URLSearchParams, issue: Issue) {
  if (client.kind !== 'service_principal' || !client.principalId) {
    throw new OAuthError(400, 'unauthorized_client', 'This client may not use the client_credentials grant.');
  }
  return issue(activePrincipal(ctx, client.principalId), form.get('scope') || 'all-apis', null, null);
}

function activePrincipal(ctx: OidcContext, id: string): PrincipalRecord {
  const p = ctx.identity.get(id);
  if (!p || !p.active) throw new OAuthError(400, 'invalid_grant', 'The principal is deactivated or no longer exists.');
  return p;
}

async function newRefreshToken(ctx: OidcContext, client: OAuthClient, p: PrincipalRecord, scope: string): Promise<string> {
  const token = `doau${randomBytes(32).toString('base64url')}`;
  const now = Date.now();
  await ctx.db.run('INSERT INTO ws.refresh_tokens VALUES (?, ?, ?, ?, ?, ?)', [
    hashSecret(token),
    client.clientId,
    p.id,
    scope,
    now,
    now + REFRESH_TTL_MS,
  ]);
  return token;
}

async function issueTokens(
  ctx: OidcContext,
  client: OAuthClient,
  p: PrincipalRecord,
  scope: string,
  refresh: string | null,
  nonce: string | null,
) {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + ctx.accessTokenTtlSeconds;
  const access = signJwt(ctx.signingKey, {
    iss: ctx.issuer(),
    aud: client.clientId,
    sub: p.id,
    client_id: client.clientId,
    scope,
    iat,
    exp,
    jti: randomUUID(),
    token_type: 'access_token',
  });
  const body: Record<string, unknown> = { access_token: access, token_type: 'Bearer', expires_in: ctx.accessTokenTtlSeconds, scope };
  if (refresh) body.refresh_token = refresh;
  if (scope.split(' ').includes('openid')) {
    body.id_token = signJwt(ctx.signingKey, {
      iss: ctx.issuer(),
      aud: client.clientId,
      sub: p.name,
      email: p.name,
      // A workspace user name is the address the account's own sign-in verified (README [U] table).
      email_verified: true,
      preferred_username: p.name,
      name: p.displayName,
      iat,
      exp,
      ...(nonce ? { nonce } : {}),
    });
  }
  return body;
}
