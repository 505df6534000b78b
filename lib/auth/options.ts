// next-auth configuration: the Databricks OAuth provider (authorization code + PKCE against <host>/oidc), an optional
// generic OIDC provider for service mode, and the JWT callbacks that turn a sign-in into a SessionToken.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { AppConfig } from '../config';
import { discoveryUrl } from '../databricks/oauth';
import { log } from '../log';
import { endSession, isSessionEnded } from './ended-sessions';
import { resolvedPerson, resolveFromUserToken, type ResolvedPerson } from './identity';
import { oidcSignIn, type OidcSignIn } from './oidc-identity';
import { parseSessionToken, revalidate, SESSION_MAX_AGE_S, type SessionToken } from './session-token';

type OidcClaims = Record<string, unknown> & { sub: string; name?: string };
/** What the OIDC provider's profile() hands to the callbacks as `user`: the claims already resolved to a person. */
type OidcUser = { id: string; name: string; email: string | null; signIn: OidcSignIn };

/**
 * Thrown by the jwt callback for a cookie the app would refuse (signed out, or its upstream token refused): next-auth
 * then answers /api/auth/session with no user and clears the cookie instead of re-issuing it.
 */
class SessionRefused extends Error {
  constructor(readonly reason: 'signed_out' | 'refresh_failed') {
    super(`session refused: ${reason}`);
    this.name = 'SessionRefused';
  }
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

function oidcProvider(config: AppConfig, oidc: NonNullable<AppConfig['signIn']['oidc']>): OAuthConfig<OidcClaims> {
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
    // The workspace user is found here (a refusal is carried to the signIn callback, which shows it): a throw would
    // make next-auth drop the sign-in without saying why.
    async profile(claims): Promise<OidcUser> {
      const signIn = await oidcSignIn(config, claims);
      const person = 'person' in signIn ? signIn.person : null;
      return { id: claims.sub, name: person?.displayName ?? '', email: person?.userName ?? null, signIn };
    },
  };
}

function oidcOutcome(user: unknown): OidcSignIn {
  const signIn = (user as Partial<OidcUser> | undefined)?.signIn;
  return signIn ?? { refused: 'LookupFailed' };
}

/** Builds the SessionToken at sign-in. Tokens are kept only in user mode, where every call needs them. */
function tokenAtSignIn(
  config: AppConfig,
  provider: string,
  account: { access_token?: string; refresh_token?: string; expires_at?: number },
  user: unknown,
  profile: unknown,
): SessionToken {
  let person: ResolvedPerson;
  let externalId: string | undefined;
  if (provider === 'databricks') {
    // The profile our userinfo.request() above produced from SCIM /Me.
    person = resolvedPerson.parse(profile);
  } else {
    const outcome = oidcOutcome(user);
    // The signIn callback has already turned a refusal away; this is the second lock on the same door.
    if ('refused' in outcome) throw new Error(`OIDC sign-in refused: ${outcome.refused}`);
    person = resolvedPerson.parse(outcome.person);
    externalId = outcome.externalId;
  }
  const keepTokens = config.identityMode === 'user';
  log.info('auth.signed_in', { user: person.userName, provider, role: person.role, matchedBy: externalId ? 'externalId' : 'userName' });
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
    ...(externalId ? { externalId } : {}),
  };
}

export function buildAuthOptions(config: AppConfig): AuthOptions {
  const providers: AuthOptions['providers'] = [];
  if (config.signIn.databricks) providers.push(databricksProvider(config, config.signIn.databricks));
  if (config.signIn.oidc) providers.push(oidcProvider(config, config.signIn.oidc));
  return {
    secret: config.auth.secret,
    providers,
    useSecureCookies: config.auth.secureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    logger: {
      error: (code, metadata) =>
        metadata instanceof SessionRefused
          ? log.info('auth.session_refused', { reason: metadata.reason })
          : log.error('next_auth.error', { code, metadata }),
      warn: (code) => log.warn('next_auth.warn', { code }),
      debug: () => undefined,
    },
    callbacks: {
      // An OIDC sign-in that names no workspace user is turned away here, with the reason on the sign-in page.
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        const outcome = oidcOutcome(user);
        return 'refused' in outcome ? `${config.auth.url}/login?error=${outcome.refused}` : true;
      },
      async jwt({ token, account, profile, user }) {
        if (account) return { ...tokenAtSignIn(config, account.provider, account, user, profile) };
        const current = parseSessionToken(token);
        if (!current) return token;
        // next-auth's own /api/auth/session goes through here too: it must refuse what pages and APIs refuse (a
        // signed-out copy of the cookie), and keep what it writes as fresh as our reader does.
        if (await isSessionEnded(current.sid)) throw new SessionRefused('signed_out');
        const next = await revalidate(current, config);
        if (next.error) throw new SessionRefused('refresh_failed');
        return { ...next };
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
