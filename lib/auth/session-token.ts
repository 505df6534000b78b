// The encrypted next-auth session cookie: what it holds, how it is read and re-written, and how it is kept valid.
// Databricks tokens live only here (httpOnly, encrypted with NEXTAUTH_SECRET); the browser never sees them.
import 'server-only';
import { createHash } from 'node:crypto';
import { decode, encode } from 'next-auth/jwt';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { createCoalescer } from '../databricks/coalesce';
import { isDatabricksError } from '../databricks/errors';
import { log } from '../log';
import { ROLES } from '../roles';
import { processSingleton } from '../singleton';
import { resolveByExternalId, resolveByUserName, resolveFromUserToken, type ResolvedPerson } from './identity';
import { refreshAccessToken } from './refresh';

export const SESSION_MAX_AGE_S = 12 * 60 * 60;
/** Re-read group membership this often, so removing someone from a group takes effect within minutes. */
export const ROLE_RECHECK_S = 15 * 60;
/**
 * A role not confirmed by the workspace for this long is dropped (fail closed): while SCIM cannot be read, a removed
 * admin must not stay an admin. It comes back by itself at the first re-check that succeeds.
 */
export const ROLE_STALE_AFTER_S = 2 * ROLE_RECHECK_S;
/** After a failed re-check, try again this soon; sooner once the role is dropped, so access returns quickly. */
export const ROLE_RETRY_S = 60;
export const ROLE_RETRY_UNVERIFIED_S = 10;
/** Refresh an upstream access token this long before it expires (less for short-lived tokens: a quarter of their life). */
export const REFRESH_EARLY_S = 60;

const sessionToken = z.object({
  sid: z.string().min(8),
  rev: z.number().int().nonnegative(),
  userName: z.string().min(1),
  displayName: z.string(),
  role: z.enum(ROLES).nullable(),
  provider: z.enum(['databricks', 'oidc']),
  /** User mode only: the person's Databricks OAuth tokens. */
  accessToken: z.string().optional(),
  refreshToken: z.string().optional(),
  /** Epoch seconds. */
  expiresAt: z.number().optional(),
  /** When the current access token was issued (epoch seconds), to size the early-refresh margin. */
  issuedAt: z.number().optional(),
  /** When the workspace last confirmed the role (epoch seconds). */
  roleCheckedAt: z.number(),
  /** After a failed re-check: when to try again. */
  roleRetryAt: z.number().optional(),
  /** The role was dropped because it could not be confirmed for ROLE_STALE_AFTER_S. */
  roleUnverified: z.literal(true).optional(),
  /** OIDC sign-ins matched by the identity provider's immutable id: the role is re-read by it too. */
  externalId: z.string().optional(),
  error: z.literal('RefreshFailed').optional(),
});
export type SessionToken = z.output<typeof sessionToken>;

export function parseSessionToken(raw: unknown): SessionToken | null {
  const parsed = sessionToken.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function sessionCookieName(config: AppConfig): string {
  return config.auth.secureCookies ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

interface CookieLike {
  name: string;
  value: string;
}

/** Joins next-auth's chunked cookie (`name`, or `name.0`, `name.1`, ...) and decrypts it. */
export async function readSessionCookie(cookies: readonly CookieLike[], config: AppConfig): Promise<SessionToken | null> {
  const name = sessionCookieName(config);
  const chunks = cookies.filter((c) => c.name === name || c.name.startsWith(`${name}.`));
  if (chunks.length === 0) return null;
  const value = chunks
    .sort((a, b) => Number(a.name.split('.').pop()) - Number(b.name.split('.').pop()))
    .map((c) => c.value)
    .join('');
  const key = createHash('sha256').update(config.auth.secret).update('\0').update(value).digest('base64url');
  const known = decoded.get(key);
  if (known && known.expS * 1000 > Date.now()) return known.token;
  if (known) decoded.delete(key);
  try {
    const payload = await decode({ token: value, secret: config.auth.secret });
    const token = parseSessionToken(payload);
    if (token && typeof payload?.exp === 'number') {
      if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value as string);
      decoded.set(key, { token, expS: payload.exp });
    }
    return token;
  } catch {
    return null; // wrong secret, tampered or expired: the same as no session
  }
}

// Decrypting the cookie derives its key (HKDF, on libuv's thread pool) on every request: under load each request then
// waits in line behind the others for the event loop. The same cookie always decrypts to the same token, so a cookie
// seen before is answered from here until its own expiry. Sign-out still applies at once (ended sessions are checked
// on every request), and a newer revision of the token wins through `latest` below. Keys are hashes, not cookies.
const DECODED_MAX = 5_000;
const decoded = processSingleton('session-decoded', () => new Map<string, { token: SessionToken; expS: number }>());

export interface CookieWrite {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; maxAge: number };
}

export function serializeCookie(c: CookieWrite): string {
  return [
    `${c.name}=${c.value}`,
    `Path=${c.options.path}`,
    `Max-Age=${c.options.maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(c.options.secure ? ['Secure'] : []),
  ].join('; ');
}

// Same limit next-auth uses (4096 minus the estimated size of the attributes).
const CHUNK_SIZE = 4096 - 163;

/** The Set-Cookie writes for a token, chunked like next-auth does, clearing chunks the new value no longer uses. */
export async function sessionCookieWrites(token: SessionToken, config: AppConfig, existing: readonly CookieLike[]): Promise<CookieWrite[]> {
  const name = sessionCookieName(config);
  const value = await encode({ token, secret: config.auth.secret, maxAge: SESSION_MAX_AGE_S });
  const options = { httpOnly: true, sameSite: 'lax', path: '/', secure: config.auth.secureCookies, maxAge: SESSION_MAX_AGE_S } as const;
  const parts =
    value.length <= CHUNK_SIZE
      ? [{ name, value }]
      : Array.from({ length: Math.ceil(value.length / CHUNK_SIZE) }, (_, i) => ({
          name: `${name}.${i}`,
          value: value.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE),
        }));
  const writes: CookieWrite[] = parts.map((p) => ({ ...p, options }));
  for (const c of existing) {
    if ((c.name === name || c.name.startsWith(`${name}.`)) && !parts.some((p) => p.name === c.name))
      writes.push({ name: c.name, value: '', options: { ...options, maxAge: 0 } });
  }
  return writes;
}

// The newest revalidated token per session id. Cookies written by a server component cannot be persisted, so this
// cache is what lets the next request use a refreshed token (and a rotated refresh token) without re-signing in.
const latest = processSingleton('session-latest', () => new Map<string, SessionToken>());
const inflight = processSingleton('session-revalidate', () => createCoalescer());

export function forgetSession(sid: string): void {
  latest.delete(sid);
  // Its cookies' decrypted tokens too: an ended session's tokens should not stay in memory until they expire.
  for (const [key, entry] of decoded) if (entry.token.sid === sid) decoded.delete(key);
}

function remember(token: SessionToken): void {
  latest.set(token.sid, token);
  if (latest.size > 5_000) {
    const oldest = latest.keys().next().value;
    if (oldest !== undefined) latest.delete(oldest);
  }
}

function upstreamExpiring(t: SessionToken, nowS: number): boolean {
  if (t.provider !== 'databricks' || t.accessToken === undefined) return false;
  const expiresAt = t.expiresAt ?? 0;
  const lifetime = expiresAt - (t.issuedAt ?? expiresAt - 3600);
  return expiresAt - Math.min(REFRESH_EARLY_S, Math.floor(lifetime / 4)) <= nowS;
}

function roleDue(t: SessionToken, nowS: number): boolean {
  return nowS >= (t.roleRetryAt ?? t.roleCheckedAt + ROLE_RECHECK_S);
}

function roleTooOld(t: SessionToken, nowS: number): boolean {
  return !t.roleUnverified && nowS - t.roleCheckedAt >= ROLE_STALE_AFTER_S;
}

function needsWork(t: SessionToken, nowS: number): boolean {
  if (t.error) return false;
  return upstreamExpiring(t, nowS) || roleDue(t, nowS) || roleTooOld(t, nowS);
}

/** Drops a role the workspace has not confirmed for ROLE_STALE_AFTER_S. */
function capRole(t: SessionToken, nowS: number): SessionToken {
  if (!roleTooOld(t, nowS)) return t;
  log.warn('auth.role_unverified', {
    user: t.userName,
    droppedRole: t.role,
    lastConfirmedAt: new Date(t.roleCheckedAt * 1000).toISOString(),
    unconfirmedForS: nowS - t.roleCheckedAt,
  });
  return { ...t, role: null, roleUnverified: true };
}

/**
 * Returns a token that is usable now: the upstream access token refreshed when it is about to expire (user mode),
 * and the role re-read from the person's groups every ROLE_RECHECK_S. A refused refresh marks the session ended;
 * a transient failure keeps the old token so the next request tries again. A role that could not be re-read for
 * ROLE_STALE_AFTER_S is dropped until a re-check succeeds.
 */
export async function revalidate(token: SessionToken, config: AppConfig, nowS = Math.floor(Date.now() / 1000)): Promise<SessionToken> {
  const cached = latest.get(token.sid);
  const current = cached && cached.rev > token.rev ? cached : token;
  if (!needsWork(current, nowS)) return current;
  return inflight(`${current.sid}:${current.rev}`, async () => {
    const next = await revalidateNow(current, config, nowS);
    remember(next);
    return next;
  });
}

async function revalidateNow(t: SessionToken, config: AppConfig, nowS: number): Promise<SessionToken> {
  let next: SessionToken = { ...t, rev: t.rev + 1 };
  if (upstreamExpiring(t, nowS)) {
    if (!t.refreshToken || !config.signIn.databricks) return { ...next, error: 'RefreshFailed' };
    try {
      const issued = await refreshAccessToken(config, t.refreshToken);
      next = {
        ...next,
        accessToken: issued.accessToken,
        refreshToken: issued.refreshToken ?? t.refreshToken,
        expiresAt: issued.expiresAt,
        issuedAt: Math.floor(Date.now() / 1000),
      };
      log.info('auth.token_refreshed', { user: t.userName, expiresAt: issued.expiresAt });
    } catch (e) {
      const refused = isDatabricksError(e) && e.status >= 400 && e.status < 500;
      log.warn('auth.token_refresh_failed', { user: t.userName, refused, error: e });
      if (refused) return { ...next, error: 'RefreshFailed' };
      // The role cannot be re-read without a working token either: the staleness cap still applies.
      const capped = capRole(t, nowS);
      return capped === t ? t : { ...capped, rev: t.rev + 1 };
    }
  }
  if (roleDue(t, nowS) || roleTooOld(t, nowS) || next.accessToken !== t.accessToken) {
    try {
      const person = await currentPerson(next, config);
      if (person.role !== t.role) log.info('auth.role_changed', { user: t.userName, from: t.role, to: person.role });
      if (t.roleUnverified) log.info('auth.role_confirmed_again', { user: t.userName, role: person.role });
      next = {
        ...next,
        role: person.role,
        displayName: person.displayName,
        roleCheckedAt: nowS,
        roleRetryAt: undefined,
        roleUnverified: undefined,
      };
    } catch (e) {
      log.warn('auth.role_recheck_failed', { user: t.userName, lastConfirmedAt: new Date(t.roleCheckedAt * 1000).toISOString(), error: e });
      next = { ...next, roleRetryAt: nowS + (t.roleUnverified || roleTooOld(t, nowS) ? ROLE_RETRY_UNVERIFIED_S : ROLE_RETRY_S) };
    }
  }
  return capRole(next, nowS);
}

async function currentPerson(t: SessionToken, config: AppConfig): Promise<ResolvedPerson> {
  if (config.identityMode === 'user' && t.accessToken) return resolveFromUserToken(config, t.accessToken);
  if (t.externalId === undefined) return resolveByUserName(config, t.userName);
  const found = await resolveByExternalId(config, t.externalId);
  // No longer (or no longer uniquely) linked to a workspace user: a definite answer, and it is "no role".
  return typeof found === 'string' ? { userName: t.userName, displayName: t.displayName, groups: [], role: null } : found;
}
