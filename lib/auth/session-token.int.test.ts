// Signing in and keeping a session valid, against a started simulator: refresh with the refresh_token grant, role
// re-check from SCIM (and what a SCIM outage does to it), what happens when the identity provider refuses, and tying
// an OIDC sign-in to a workspace user with the service identity (by a verified e-mail address, or by an immutable id
// claim matched to SCIM externalId). The clock is passed in, so nothing waits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '@/testing/oauth-login';
import { appEnv, startTestSimulator, type TestSimulator } from '@/testing/simulator';
import { loadConfig, type AppConfig } from '../config';
import { staticCredentials } from '../databricks/credentials';
import { RestClient } from '../databricks/rest-client';
import { currentUser } from '@/lib/databricks/api/scim';
import { roleFromGroups } from '../roles';
import { oidcSignIn } from './oidc-identity';
import { ROLE_RECHECK_S, ROLE_RETRY_S, ROLE_RETRY_UNVERIFIED_S, ROLE_STALE_AFTER_S, revalidate, type SessionToken } from './session-token';

let sim: TestSimulator;
let config: AppConfig;
let byEmail: AppConfig;
let byOid: AppConfig;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-int-'));
const GROUPS = { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] };

beforeAll(async () => {
  sim = await startTestSimulator({ oauthTokenTtlSeconds: 60 });
  config = loadConfig({
    ...appEnv(sim.workspace, 'user', 'http://127.0.0.1:3999', dataDir),
    NEXTAUTH_SECRET: 'session-int-secret-session-int-secret-0',
  });
  const oidcEnv = {
    ...appEnv(sim.workspace, 'service', 'http://127.0.0.1:3999', dataDir),
    BRICKWATCH_OAUTH_CLIENT_ID: '',
    BRICKWATCH_OAUTH_CLIENT_SECRET: '',
    BRICKWATCH_OIDC_ISSUER: `${sim.workspace.host}/oidc`,
    BRICKWATCH_OIDC_CLIENT_ID: sim.workspace.oauth.clientId,
    BRICKWATCH_OIDC_CLIENT_SECRET: sim.workspace.oauth.clientSecret,
    NEXTAUTH_SECRET: 'session-int-secret-session-int-secret-0',
  };
  byEmail = loadConfig(oidcEnv);
  byOid = loadConfig({ ...oidcEnv, BRICKWATCH_OIDC_ID_CLAIM: 'oid' });
});
afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function sessionFor(role: 'admin' | 'analyst' | 'manager'): Promise<SessionToken> {
  const person = sim.workspace.people.find((p) => roleFromGroups(p.groups, GROUPS) === role)!;
  const t = await loginAs(sim.workspace, person.userName);
  return {
    sid: `sid-${role}-${Date.now()}`,
    rev: 0,
    userName: person.userName,
    displayName: person.displayName,
    role,
    provider: 'databricks',
    accessToken: t.accessToken,
    refreshToken: t.refreshToken ?? undefined,
    expiresAt: t.expiresAt,
    issuedAt: Math.floor(Date.now() / 1000),
    roleCheckedAt: Math.floor(Date.now() / 1000),
  };
}

const whoAmI = (token: string) => currentUser(new RestClient({ host: config.databricks.host, credentials: staticCredentials(token) }));

describe('revalidate', () => {
  it('leaves a fresh session alone', async () => {
    const s = await sessionFor('analyst');
    expect(await revalidate(s, config)).toBe(s);
  });

  it('refreshes an access token about to expire, and the new one works upstream', async () => {
    const s = await sessionFor('analyst');
    // 10 s before expiry is inside the early-refresh margin (a quarter of a 60 s token, at most 60 s).
    const next = await revalidate(s, config, s.expiresAt! - 10);
    expect(next.rev).toBe(s.rev + 1);
    expect(next.accessToken).not.toBe(s.accessToken);
    expect(next.expiresAt).toBeGreaterThanOrEqual(s.expiresAt!);
    expect(next.error).toBeUndefined();
    expect((await whoAmI(next.accessToken!)).userName).toBe(s.userName);
    // A second request carrying the old cookie gets the refreshed token from the cache, not a second refresh.
    expect(await revalidate(s, config)).toEqual(next);
  });

  it('re-reads the role from the workspace after ROLE_RECHECK_S', async () => {
    const s = await sessionFor('manager');
    const stale: SessionToken = { ...s, sid: `${s.sid}-stale`, role: 'admin' };
    const next = await revalidate(stale, config, s.roleCheckedAt + ROLE_RECHECK_S);
    expect(next.role).toBe('manager');
  });

  it('ends the session when the identity provider refuses the refresh token', async () => {
    const s = await sessionFor('admin');
    const next = await revalidate({ ...s, sid: `${s.sid}-bad`, refreshToken: 'not-a-refresh-token' }, config, s.expiresAt!);
    expect(next.error).toBe('RefreshFailed');
  });

  it('keeps the role through a short SCIM outage, drops it after twice the re-check interval, and restores it by itself', async () => {
    const s = await sessionFor('admin');
    const t0 = s.roleCheckedAt;
    await sim.control('POST', '/faults', { spec: 'GET /api/2.0/preview/scim/v2/Me -> 500' });
    let dropped: SessionToken;
    try {
      const first = await revalidate({ ...s, sid: `${s.sid}-outage` }, config, t0 + ROLE_RECHECK_S);
      expect([first.role, first.roleUnverified, first.roleRetryAt]).toEqual(['admin', undefined, t0 + ROLE_RECHECK_S + ROLE_RETRY_S]);
      // Past the cap with still no answer: no role (a removed admin must not stay admin while SCIM is down).
      dropped = await revalidate(first, config, t0 + ROLE_STALE_AFTER_S);
      expect([dropped.role, dropped.roleUnverified, dropped.roleCheckedAt]).toEqual([null, true, t0]);
      // Retried sooner now, and still dropped while SCIM keeps failing.
      expect(dropped.roleRetryAt).toBe(t0 + ROLE_STALE_AFTER_S + ROLE_RETRY_UNVERIFIED_S);
      dropped = await revalidate(dropped, config, dropped.roleRetryAt!);
      expect(dropped.role).toBeNull();
    } finally {
      await sim.control('DELETE', '/faults');
    }
    const back = await revalidate(dropped, config, dropped.roleRetryAt!);
    expect([back.role, back.roleUnverified, back.roleCheckedAt]).toEqual(['admin', undefined, dropped.roleRetryAt]);
  });
});

const person = (role: 'admin' | 'manager') => sim.workspace.people.find((p) => roleFromGroups(p.groups, GROUPS) === role)!;

/** The externalId SCIM provisioning gave a seeded person (what Entra ID's oid claim carries for them). */
async function externalIdOf(userName: string): Promise<string> {
  const res = await fetch(`${sim.workspace.host}/api/2.0/preview/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, {
    headers: { Authorization: `Bearer ${sim.workspace.adminToken}` },
  });
  const body = (await res.json()) as { Resources: Array<{ externalId?: string }> };
  const id = body.Resources[0]?.externalId;
  if (!id) throw new Error(`${userName} has no externalId in the simulator`);
  return id;
}

describe('oidcSignIn', () => {
  it('finds the workspace user by a verified e-mail address and takes their role', async () => {
    const admin = person('admin');
    const result = await oidcSignIn(byEmail, { sub: 'idp-1', email: admin.userName, email_verified: true });
    expect(result).toEqual({ person: expect.objectContaining({ userName: admin.userName, role: 'admin' }) });
  });

  it("refuses the same e-mail address when the provider does not vouch for it (the admin's role is not inherited)", async () => {
    expect(await oidcSignIn(byEmail, { sub: 'idp-2', email: person('admin').userName })).toEqual({ refused: 'EmailNotVerified' });
  });

  it('finds the workspace user by the id claim matched to their externalId, whatever e-mail the token carries', async () => {
    const manager = person('manager');
    const oid = await externalIdOf(manager.userName);
    const result = await oidcSignIn(byOid, { sub: 'idp-3', oid, email: person('admin').userName, email_verified: true });
    expect(result).toEqual({ person: expect.objectContaining({ userName: manager.userName, role: 'manager' }), externalId: oid });
  });

  it('refuses an id nobody in the workspace is linked to, and one that matches only in a different case', async () => {
    expect(await oidcSignIn(byOid, { sub: 'idp-4', oid: '00000000-0000-4000-8000-000000000000' })).toEqual({
      refused: 'NoWorkspaceUser',
    });
    const oid = await externalIdOf(person('manager').userName);
    expect(await oidcSignIn(byOid, { sub: 'idp-5', oid: oid.toUpperCase() })).toEqual({ refused: 'NoWorkspaceUser' });
  });

  it('re-reads the role of an id-matched session by the same id', async () => {
    const manager = person('manager');
    const oid = await externalIdOf(manager.userName);
    const now = Math.floor(Date.now() / 1000);
    const token: SessionToken = {
      sid: 'sid-oidc-recheck-1',
      rev: 0,
      userName: manager.userName,
      displayName: manager.displayName,
      role: 'admin',
      provider: 'oidc',
      roleCheckedAt: now,
      externalId: oid,
    };
    expect((await revalidate(token, byOid, now + ROLE_RECHECK_S)).role).toBe('manager');
    const unlinked = { ...token, sid: 'sid-oidc-recheck-2', externalId: '00000000-0000-4000-8000-000000000001' };
    expect((await revalidate(unlinked, byOid, now + ROLE_RECHECK_S)).role).toBeNull();
  });
});
