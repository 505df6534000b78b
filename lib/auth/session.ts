// The signed-in person for this request, read from the encrypted cookie and kept valid (see session-token.ts), plus
// the page guards. Every page and route handler calls these itself; proxy.ts is only a convenience redirect.
import 'server-only';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getConfig, type AppConfig } from '../config';
import type { Role } from '../roles';
import type { WorkspaceSession } from '../databricks/get-workspace';
import { hasRole } from '../roles';
import { isSessionEnded } from './ended-sessions';
import { readSessionCookie, revalidate, type SessionToken } from './session-token';

export interface AuthContext extends WorkspaceSession {
  sid: string;
  userName: string;
  displayName: string;
  role: Role | null;
  /** No role because the workspace could not confirm it for too long (see ROLE_STALE_AFTER_S), not because of groups. */
  roleUnverified: boolean;
  /** Seconds since the workspace last confirmed the role. */
  roleUnconfirmedForS: number;
  /** The token after revalidation; differs from the cookie when it was refreshed during this request. */
  token: SessionToken;
  refreshed: boolean;
}

export type AuthedContext = AuthContext & { role: Role };

/** Null when there is no session, it was signed out, or its upstream token could not be refreshed. */
export async function authFromCookies(jar: ReadonlyArray<{ name: string; value: string }>, config: AppConfig): Promise<AuthContext | null> {
  const raw = await readSessionCookie(jar, config);
  if (!raw || (await isSessionEnded(raw.sid))) return null;
  const token = await revalidate(raw, config);
  if (token.error) return null;
  return {
    sid: token.sid,
    userName: token.userName,
    displayName: token.displayName,
    role: token.role,
    roleUnverified: token.roleUnverified === true,
    roleUnconfirmedForS: Math.max(0, Math.floor(Date.now() / 1000) - token.roleCheckedAt),
    accessToken: token.accessToken ?? null,
    token,
    refreshed: token.rev !== raw.rev,
  };
}

/**
 * The session for a server component. A server component cannot set cookies, so a token refreshed here lives on in
 * the in-process cache; route handlers (lib/api/route.ts) also write it back into the cookie.
 */
export const getAuth = cache(async (): Promise<AuthContext | null> => authFromCookies((await cookies()).getAll(), getConfig()));

/** For pages: anonymous → sign-in. */
export async function requireSession(): Promise<AuthContext> {
  const auth = await getAuth();
  if (!auth) redirect('/login');
  return auth;
}

/** For pages: anonymous → sign-in; below `role` → the 403 page (app/forbidden.tsx). */
export async function requireRole(role: Role): Promise<AuthedContext> {
  const auth = await requireSession();
  if (!hasRole(auth.role, role)) forbidden();
  return auth as AuthedContext;
}
