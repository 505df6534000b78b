// The crash reproductions of issue 10 against the production build: the app is killed with SIGKILL while a rotation
// step is in flight, restarted on the same store, and its own worker brings the rotation to rest without losing a
// working credential, leaving an orphan, or leaving a secret holding a revoked token. (`npm run test:chaos` runs fifty
// random ones.)
import { join } from 'node:path';
import { expect, test } from './support/test';
import { z } from 'zod';
import { readTruth, violations } from '../testing/rotation-invariants';
import { CrashApp, runCrash, type CrashEnv } from '../testing/rotation-crash';
import { personFor, simControl, workspace } from './support/fixtures';

test.describe.configure({ mode: 'serial' });

let env: CrashEnv;
let app: CrashApp;

const servicePrincipals = z.object({ Resources: z.array(z.object({ applicationId: z.string(), active: z.boolean().optional() })) });

test.beforeAll(async () => {
  const ws = workspace();
  const admin = { Authorization: `Bearer ${ws.adminToken}`, 'Content-Type': 'application/json' };
  const list = await fetch(`${ws.host}/api/2.0/preview/scim/v2/ServicePrincipals`, { headers: admin });
  const sp = servicePrincipals
    .parse(await list.json())
    .Resources.find((s) => s.active !== false && s.applicationId !== ws.servicePrincipal.applicationId)!;
  await fetch(`${ws.host}/api/2.0/secrets/scopes/create`, { method: 'POST', headers: admin, body: JSON.stringify({ scope: 'crash-e2e' }) });
  env = {
    sim: {
      workspace: ws,
      control: (method: string, path: string, body?: unknown) => simControl(ws, method, path, body),
    } as CrashEnv['sim'],
    truth: { host: ws.host, adminToken: ws.adminToken },
    sp,
    admin: personFor('admin').userName,
    logDir: join(__dirname, '..', 'test-results'),
    scope: 'crash-e2e',
  };
  app = new CrashApp(env);
  await app.start();
});
test.afterAll(async () => app?.stop());

test("killed after showing a value once, with the old token's revoke set to hang: nobody confirmed, so the new token is revoked and the old kept", async () => {
  test.setTimeout(120_000);
  const scenario = {
    step: 'DELETE /api/2.0/token-management/tokens/* -> hang',
    kill: true,
    at: 1_500,
    toSecret: false,
    choice: 'leave' as const,
  };
  const { record } = await runCrash(env, app, 1, scenario);
  expect(violations(record, await readTruth(env.truth, record.secret))).toEqual([]);
  expect(record.final).toMatchObject({ state: 'rolled_back', outcome: { oldToken: 'active', newToken: 'revoked' } });
});

test('killed while creating the new token: the restarted app finds the late token by its marker and revokes it', async () => {
  test.setTimeout(120_000);
  const scenario = {
    step: 'POST /api/2.0/token-management/on-behalf-of/tokens -> delay:1500',
    kill: true,
    at: 800,
    toSecret: true,
    choice: 'leave' as const,
  };
  const { record } = await runCrash(env, app, 3, scenario);
  expect(violations(record, await readTruth(env.truth, record.secret))).toEqual([]);
  expect(record.final?.state).toBe('rolled_back');
});

test('killed while the secret write is in flight: the write lands, and the restarted app finishes the rotation', async () => {
  test.setTimeout(120_000);
  const { record } = await runCrash(env, app, 2, {
    step: 'POST /api/2.0/secrets/put -> delay:2500',
    kill: true,
    at: 1_200,
    toSecret: true,
    choice: 'leave',
  });
  expect(violations(record, await readTruth(env.truth, record.secret))).toEqual([]);
  expect(record.final?.state).toBe('completed');
});
