// Who Brickwatch is when it calls Databricks. `user` mode: the signed-in person's OAuth access token (kept fresh by
// lib/auth). `service` mode: a PAT, or a service principal's OAuth M2M token that is cached and renewed here.
import 'server-only';
import type { ServiceAuth } from '../config';
import { processSingleton } from '../singleton';
import { requestToken } from './oauth';
import type { Credentials } from './rest-client';

export function staticCredentials(token: string): Credentials {
  return { token: async () => token };
}

/** Renew this long before expiry, so a token never expires in flight. */
const EARLY_RENEWAL_S = 120;

export function m2mCredentials(host: string, clientId: string, clientSecret: string, now = () => Date.now()): Credentials {
  let current: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return {
    async token() {
      if (current && current.expiresAt - EARLY_RENEWAL_S > now() / 1000) return current.token;
      // Concurrent callers share one token request.
      pending ??= requestToken(host, { clientId, clientSecret }, { grant_type: 'client_credentials', scope: 'all-apis' })
        .then((t) => {
          current = { token: t.accessToken, expiresAt: t.expiresAt };
          return t.accessToken;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    invalidate() {
      current = null;
    },
  };
}

/** A service identity's credentials, one per process (the M2M token cache must be shared by every request). */
export function serviceCredentials(host: string, auth: ServiceAuth): Credentials {
  return processSingleton(`service-credentials:${host}:${auth.kind === 'pat' ? 'pat' : auth.clientId}`, () =>
    auth.kind === 'pat' ? staticCredentials(auth.token) : m2mCredentials(host, auth.clientId, auth.clientSecret),
  );
}
