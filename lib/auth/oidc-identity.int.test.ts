// Tying an OIDC sign-in to a workspace user against a started simulator, with the service identity: by a verified
// e-mail (userName), or by an immutable id claim matched to SCIM externalId; and the role re-read by the same key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startTestSimulator, type TestSimulator } from '@/scripts/test-support/simulator';
import { loadConfig, type AppConfig } from '../config';
import { roleFromGroups } from '../roles';
import { oidcSignIn } from './oidc-identity';
import { revalidate, ROLE_RECHECK_S, type SessionToken } from './session-token';

let sim: TestSimulator;
let byEmail: AppConfig;
let byOid: AppConfig;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-int-oidc-'));
const GROUPS = { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] };

beforeAll(async () => {
  sim = await startTestSimulator();
  const env = {
    ...appEnv(sim.workspace, 'service', 'http://127.0.0.1:3999', dataDir),
    BRICKWATCH_OAUTH_CLIENT_ID: '',
    BRICKWATCH_OAUTH_CLIENT_SECRET: '',
    BRICKWATCH_OIDC_ISSUER: `${sim.workspace.host}/oidc`,
    BRICKWATCH_OIDC_CLIENT_ID: sim.workspace.oauth.clientId,
    BRICKWATCH_OIDC_CLIENT_SECRET: sim.workspace.oauth.clientSecret,
    NEXTAUTH_SECRET: 'oidc-int-secret-oidc-int-secret-0123',
  };
  byEmail = loadConfig(env);
  byOid = loadConfig({ ...env, BRICKWATCH_OIDC_ID_CLAIM: 'oid' });
});
afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
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
