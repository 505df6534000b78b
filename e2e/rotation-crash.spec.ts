// The crash reproductions of issue 10 against the production build: the app is killed with SIGKILL while a rotation
// step is in flight, restarted on the same store, and its own worker brings the rotation to rest without losing a
// working credential, leaving an orphan, or leaving a secret holding a revoked token. (`npm run test:chaos` runs fifty
// random ones.)
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { staticCredentials } from '../lib/databricks/credentials';
import { RestClient } from '../lib/databricks/rest-client';
import { readTruth, violations } from '../testing/rotation-chaos';
import { CrashApp, runCrash, type CrashEnv } from '../testing/rotation-crash';
import { personFor, simControl, workspace } from './support/fixtures';

test.describe.configure({ mode: 'serial' });

let env: CrashEnv;
let app: CrashApp;

const servicePrincipals = z.object({ Resources: z.array(z.object({ applicationId: z.string(), active: z.boolean().optional() })) });

test.beforeAll(async () => {
  const ws = workspace();
  const setup = new RestClient({ host: ws.host, credentials: staticCredentials(ws.adminToken) });
  const { Resources } = await setup.get('/api/2.0/preview/scim/v2/ServicePrincipals', servicePrincipals);
  const sp = Resources.find((s) => s.active !== false && s.applicationId !== ws.servicePrincipal.applicationId)!;
  await setup.call('POST', '/api/2.0/secrets/scopes/create', z.unknown(), { body: { scope: 'crash-e2e' } });
  env = {
    sim: {
      workspace: ws,
      control: (method: string, path: string, body?: unknown) => simControl(ws, method, path, body),
    } as CrashEnv['sim'],
    setup,
    sp,
    admin: personFor('admin').userName,
    logDir: join(__dirname, '..', 'test-results'),
    scope: 'crash-e2e',
  };
  app = new CrashApp(env);
  await app.start();
});
test.afterAll(async () => app?.stop());

test('killed while showing a value once (its revoke would hang): the value never reached the admin, so the new token is revoked and the old kept', async () => {
  test.setTimeout(120_000);
  const { record } = await runCrash(env, app, 1, {
    step: 'POST /api/2.0/token-management/on-behalf-of/tokens -> delay:1500',
    kill: true,
    at: 1_000,
    toSecret: false,
    choice: 'confirm',
  });
  expect(violations(record, await readTruth(env.setup, record.secret))).toEqual([]);
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
  expect(violations(record, await readTruth(env.setup, record.secret))).toEqual([]);
  expect(record.final?.state).toBe('completed');
});
