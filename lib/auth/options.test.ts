// The next-auth callbacks on their own: an OIDC sign-in that names no workspace user is turned away with its reason,
// and a signed-out session is refused by next-auth's own session endpoint as it is by pages and APIs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config';
import { endSession } from './ended-sessions';
import { buildAuthOptions } from './options';
import type { SessionToken } from './session-token';

const ORIGIN = 'http://localhost:3999';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-options-'));
const env = {
  // Nothing listens on port 9: a SCIM lookup here would fail, so a refusal proves none was tried.
  DATABRICKS_HOST: 'https://127.0.0.1:9',
  DATABRICKS_WAREHOUSE_ID: 'w1',
  BRICKWATCH_IDENTITY_MODE: 'service',
  DATABRICKS_CLIENT_ID: 'sp',
  DATABRICKS_CLIENT_SECRET: 'sp-secret',
  BRICKWATCH_OIDC_ISSUER: 'https://idp.example.com',
  BRICKWATCH_OIDC_CLIENT_ID: 'brickwatch',
  BRICKWATCH_OIDC_CLIENT_SECRET: 'idp-secret',
  NEXTAUTH_URL: ORIGIN,
  NEXTAUTH_SECRET: 'options-test-secret-options-test-secret',
  BRICKWATCH_DATA_DIR: dataDir,
};
// The ended-sessions store reads the process configuration.
Object.assign(process.env, env);
const options = buildAuthOptions(loadConfig(env));
const oidc = options.providers.find((p) => p.id === 'oidc') as OAuthConfig<Record<string, unknown> & { sub: string }>;

beforeAll(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// What next-auth's session endpoint passes: the decoded cookie only (its types insist on a user and an account).
const sessionJwt = (token: SessionToken) =>
  options.callbacks!.jwt!({ token: { ...token } } as unknown as Parameters<NonNullable<typeof options.callbacks>['jwt'] & object>[0]);

async function signInWith(claims: Record<string, unknown> & { sub: string }) {
  const user = await oidc.profile(claims, {});
  return options.callbacks!.signIn!({ user, account: { provider: 'oidc', type: 'oauth', providerAccountId: claims.sub }, profile: claims });
}

describe('OIDC sign-in', () => {
  it('turns away an unverified e-mail address before looking anyone up, with the reason on the sign-in page', async () => {
    const claims = { sub: 'x1', email: 'alex.morgan@harborpine.com', name: 'Mallory' };
    expect(await signInWith(claims)).toBe(`${ORIGIN}/login?error=EmailNotVerified`);
    expect(await signInWith({ ...claims, email_verified: false })).toBe(`${ORIGIN}/login?error=EmailNotVerified`);
  });

  it('turns away a token with no e-mail address instead of using sub as a user name', async () => {
    expect(await signInWith({ sub: 'alex.morgan@harborpine.com', preferred_username: 'alex.morgan@harborpine.com' })).toBe(
      `${ORIGIN}/login?error=NoEmail`,
    );
  });

  it('says so when the workspace cannot be asked', async () => {
    expect(await signInWith({ sub: 'x2', email: 'alex.morgan@harborpine.com', email_verified: true })).toBe(
      `${ORIGIN}/login?error=LookupFailed`,
    );
  });

  it('never makes a session out of a refused sign-in', async () => {
    const user = await oidc.profile({ sub: 'x3', email: 'alex.morgan@harborpine.com' }, {});
    await expect(
      options.callbacks!.jwt!({ token: {}, user, account: { provider: 'oidc', type: 'oauth', providerAccountId: 'x3' } }),
    ).rejects.toThrow(/refused/);
  });
});

describe('the session endpoint', () => {
  const now = Math.floor(Date.now() / 1000);
  const token = (sid: string): SessionToken => ({
    sid,
    rev: 0,
    userName: 'priya.shah@harborpine.com',
    displayName: 'Priya Shah',
    role: 'analyst',
    provider: 'oidc',
    roleCheckedAt: now,
  });

  it('keeps a live session and names its person and role', async () => {
    const t = await sessionJwt(token('sid-live-0001'));
    expect(t).toMatchObject({ sid: 'sid-live-0001', role: 'analyst' });
    const session = await options.callbacks!.session!({ session: { expires: 'x', user: {} }, token: t } as never);
    expect(session).toEqual({ expires: 'x', user: { name: 'Priya Shah', email: 'priya.shah@harborpine.com', role: 'analyst' } });
  });

  it('refuses a signed-out session, so next-auth answers with no user and clears the cookie', async () => {
    endSession('sid-ended-0001');
    await expect(sessionJwt(token('sid-ended-0001'))).rejects.toThrow(/signed_out/);
  });
});
