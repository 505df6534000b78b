// Dispatch of /oidc/*: discovery (both well-known names), JWKS, authorize and token.
import type { RawRequest } from '../http/pipeline';
import { json, type RawResult } from '../http/io';
import { authorize } from './authorize';
import type { OidcContext } from './context';
import { publicJwk } from './jwt';
import { tokenEndpoint } from './token-endpoint';

export function oidcHandler(ctx: OidcContext): (req: RawRequest) => Promise<RawResult> {
  return async (req) => {
    const { method, path } = req;
    if (
      method === 'GET' &&
      (path === '/oidc/.well-known/oauth-authorization-server' || path === '/oidc/.well-known/openid-configuration')
    ) {
      return json(200, discovery(ctx.issuer(), ctx.browserIssuer()));
    }
    if (method === 'GET' && path === '/oidc/v1/keys') return json(200, { keys: [publicJwk(ctx.signingKey)] });
    if ((method === 'GET' || method === 'POST') && path === '/oidc/v1/authorize') return authorize(ctx, req);
    if (method === 'POST' && path === '/oidc/v1/token') return tokenEndpoint(ctx, req);
    return json(404, { error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for '${method} ${path}'` });
  };
}

function discovery(issuer: string, browserIssuer: string) {
  return {
    issuer,
    authorization_endpoint: `${browserIssuer}/v1/authorize`,
    token_endpoint: `${issuer}/v1/token`,
    jwks_uri: `${issuer}/v1/keys`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['all-apis', 'offline_access', 'openid', 'email', 'profile', 'sql'],
    claims_supported: ['iss', 'sub', 'aud', 'iat', 'exp', 'email', 'name', 'preferred_username', 'nonce'],
  };
}
