// Signs a seeded person in at the simulator's OAuth endpoints the way a browser would (authorization code + PKCE,
// login_hint skips the picker) and returns their tokens. For integration tests of what happens after sign-in.
import { createHash, randomBytes } from 'node:crypto';
import type { WorkspaceFile } from '../simulator/core/contract';

export interface PersonTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number;
}

export async function loginAs(workspace: WorkspaceFile, userName: string): Promise<PersonTokens> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = 'http://127.0.0.1:3999/api/auth/callback/databricks';
  const q = new URLSearchParams({
    client_id: workspace.oauth.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'all-apis offline_access',
    state: 'st',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    login_hint: userName,
  });
  const authorize = await fetch(`${workspace.host}/oidc/v1/authorize?${q}`, { redirect: 'manual' });
  const code = new URL(authorize.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`no authorization code for ${userName} (HTTP ${authorize.status})`);
  const basic = Buffer.from(`${workspace.oauth.clientId}:${workspace.oauth.clientSecret}`).toString('base64');
  const res = await fetch(`${workspace.host}/oidc/v1/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri }),
  });
  const t = (await res.json()) as { access_token: string; refresh_token?: string; expires_in: number };
  if (!res.ok) throw new Error(`token exchange failed: ${JSON.stringify(t)}`);
  return { accessToken: t.access_token, refreshToken: t.refresh_token ?? null, expiresAt: Math.floor(Date.now() / 1000) + t.expires_in };
}
