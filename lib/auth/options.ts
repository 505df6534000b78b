// next-auth configuration: the Databricks OAuth provider (authorization code + PKCE against <host>/oidc), an optional
// generic OIDC provider for service mode, and the JWT callbacks that turn a sign-in into a SessionToken.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { AppConfig } from '../config';
import { discoveryUrl } from '../databricks/oauth';
import { log } from '../log';
import { endSession } from './ended-sessions';
import { resolveByUserName, resolvedPerson, resolveFromUserToken, type ResolvedPerson } from './identity';
import { parseSessionToken, revalidate, SESSION_MAX_AGE_S, type SessionToken } from './session-token';

interface OidcClaims {
  sub: string;
  email?: string;
  preferred_username?: string;
  name?: string;
}

type DatabricksProfile = ResolvedPerson & { id: string };

function databricksProvider(config: AppConfig, app: NonNullable<AppConfig['signIn']['databricks']>): OAuthConfig<DatabricksProfile> {
  return {
    id: 'databricks',
    name: 'Databricks',
    type: 'oauth',
    wellKnown: discoveryUrl(config.databricks.host),
    clientId: app.clientId,
    clientSecret: app.clientSecret ?? undefined,
    client: { token_endpoint_auth_method: app.clientSecret ? 'client_secret_basic' : 'none' },
    // offline_access: a refresh token, so an expired access token is renewed without sending the person away.
    authorization: { params: { scope: 'all-apis offline_access' } },
    checks: ['pkce', 'state'],
    // No `openid` scope, so no id_token: the person is whoever SCIM /Me says the access token belongs to.
    idToken: false,
    userinfo: {
      async request({ tokens }) {
        const person = await resolveFromUserToken(config, tokens.access_token!);
        return { ...person, id: person.userName, name: person.displayName, email: person.userName };
      },
    },
    profile: (p) => ({ id: p.userName, name: p.displayName, email: p.userName }),
  };
}

function oidcProvider(oidc: NonNullable<AppConfig['signIn']['oidc']>): OAuthConfig<OidcClaims> {
  return {
    id: 'oidc',
    name: oidc.name,
    type: 'oauth',
    wellKnown: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    checks: ['pkce', 'state'],
    idToken: true,
    profile(claims) {
      const email = claims.email ?? claims.preferred_username ?? claims.sub;
      return { id: claims.sub, name: claims.name ?? email, email };
    },
  };
}

/** Builds the SessionToken at sign-in. Tokens are kept only in user mode, where every call needs them. */
async function tokenAtSignIn(
  config: AppConfig,
  provider: string,
  account: { access_token?: string; refresh_token?: string; expires_at?: number },
  email: string | null | undefined,
  profile: unknown,
): Promise<SessionToken> {
  let person: ResolvedPerson;
  if (provider === 'databricks') {
    // The profile our userinfo.request() above produced from SCIM /Me.
    person = resolvedPerson.parse(profile);
  } else {
    if (!email) throw new Error('The identity provider did not send an email address');
    person = await resolveByUserName(config, email);
  }
  const keepTokens = config.identityMode === 'user';
  log.info('auth.signed_in', { user: person.userName, provider, role: person.role });
  return {
    sid: randomUUID(),
    rev: 0,
    userName: person.userName,
    displayName: person.displayName,
    role: person.role,
    provider: provider === 'databricks' ? 'databricks' : 'oidc',
    accessToken: keepTokens ? account.access_token : undefined,
    refreshToken: keepTokens ? account.refresh_token : undefined,
    expiresAt: keepTokens ? account.expires_at : undefined,
    issuedAt: keepTokens ? Math.floor(Date.now() / 1000) : undefined,
    roleCheckedAt: Math.floor(Date.now() / 1000),
  };
}

export function buildAuthOptions(config: AppConfig): AuthOptions {
  const providers: AuthOptions['providers'] = [];
  if (config.signIn.databricks) providers.push(databricksProvider(config, config.signIn.databricks));
  if (config.signIn.oidc) providers.push(oidcProvider(config.signIn.oidc));
  return {
    secret: config.auth.secret,
    providers,
    useSecureCookies: config.auth.secureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    logger: {
      error: (code, metadata) => log.error('next_auth.error', { code, metadata }),
      warn: (code) => log.warn('next_auth.warn', { code }),
      debug: () => undefined,
    },
    callbacks: {
      async jwt({ token, account, profile, user }) {
        if (account) return { ...(await tokenAtSignIn(config, account.provider, account, user?.email, profile)) };
        const current = parseSessionToken(token);
        // next-auth's own /api/auth/session goes through here too; keep what it writes as fresh as our reader does.
        return current ? { ...(await revalidate(current, config)) } : token;
      },
      // What /api/auth/session returns to the browser: a name and a role, never a token.
      async session({ session, token }) {
        const t = parseSessionToken(token);
        return {
          expires: session.expires,
          user: t ? { name: t.displayName, email: t.userName, role: t.role } : undefined,
        } as typeof session;
      },
      // Only same-origin callback URLs; next-auth's default also allows them, this makes it explicit.
      async redirect({ url, baseUrl }) {
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : baseUrl;
      },
    },
    events: {
      async signOut({ token }) {
        const t = parseSessionToken(token);
        if (t) {
          await endSession(t.sid);
          log.info('auth.signed_out', { user: t.userName });
        }
      },
    },
  };
}
