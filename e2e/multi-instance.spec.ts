// Two instances on one Postgres behave as one: two `next start` processes sharing a database, a session secret and
// the action log's key, behind no proxy, hit alternately. A rotation open on one is a 409 on the other (also when both
// start at the same moment), a sign-out on one is honoured by the other, and the action log has one chain.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { startTestPostgres, type TestPostgres } from '../testing/postgres-server';
import { startApp, type AppServer } from '../testing/app-server';
import { personFor, workspace } from './support/fixtures';
import { signInByApi } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

const ws = workspace();
let postgres: TestPostgres;
let a: AppServer;
let b: AppServer;
let onA: APIRequestContext;
let onB: APIRequestContext;

async function simApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ws.host}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ws.adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A token of a service principal Brickwatch may rotate on its behalf, made for this test. */
async function rotatableToken(comment: string): Promise<string> {
  const sps = await simApi<{ Resources: Array<{ applicationId: string; active?: boolean }> }>(
    'GET',
    '/api/2.0/preview/scim/v2/ServicePrincipals',
  );
  const sp = sps.Resources.find((s) => s.active !== false && s.applicationId !== ws.servicePrincipal.applicationId)!;
  const created = await simApi<{ token_info: { token_id: string } }>('POST', '/api/2.0/token-management/on-behalf-of/tokens', {
    application_id: sp.applicationId,
    lifetime_seconds: 20 * 86_400,
    comment,
  });
  return created.token_info.token_id;
}

const rotate = (on: APIRequestContext, app: AppServer, tokenId: string) =>
  on.post(`/api/tokens/${tokenId}/rotate`, { data: { delivery: { kind: 'reveal' } }, headers: { Origin: app.url } });

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(120_000);
  postgres = await startTestPostgres();
  const shared = {
    BRICKWATCH_DATABASE_URL: postgres.url,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    BRICKWATCH_ACTION_LOG_KEY: randomBytes(32).toString('base64'),
  };
  const logDir = join(__dirname, '..', 'test-results');
  const start = (name: string) =>
    startApp({ workspace: ws, mode: 'service', logFile: join(logDir, `e2e-instance-${name}.log`), extraEnv: shared });
  [a, b] = await Promise.all([start('a'), start('b')]);
  onA = await playwright.request.newContext({ baseURL: a.url });
  await signInByApi(onA, personFor('admin').userName);
  // The same cookies (cookies do not care about ports): the person's browser, as a load balancer would spread it.
  onB = await playwright.request.newContext({ baseURL: b.url, storageState: await onA.storageState() });
});

test.afterAll(async () => {
  await onA?.dispose();
  await onB?.dispose();
  await Promise.all([a?.stop(), b?.stop()]);
  await postgres?.stop();
});

test('a rotation open on one instance is a 409 on the other, also when both start at once', async () => {
  const first = await rotatableToken(`multi-instance first ${Date.now().toString(36)}`);
  const started = await rotate(onA, a, first);
  expect(started.status()).toBe(200);
  expect(((await started.json()) as { rotation: { state: string } }).rotation.state).toBe('awaiting_confirmation');
  const repeated = await rotate(onB, b, first);
  expect(repeated.status()).toBe(409);
  expect(((await repeated.json()) as { error: { code: string } }).error.code).toBe('ROTATION_NEEDS_ATTENTION');

  const second = await rotatableToken(`multi-instance race ${Date.now().toString(36)}`);
  const race = await Promise.all([rotate(onA, a, second), rotate(onB, b, second)]);
  expect(race.map((r) => r.status()).sort()).toEqual([200, 409]);
});

test('the action log has one chain, whichever instance wrote and whichever verifies', async () => {
  const [fromA, fromB] = await Promise.all([onA.get('/api/activity?verify=full'), onB.get('/api/activity?verify=full')]);
  type Activity = { entries: Array<{ seq: number; requestId: string | null }>; chain: { ok: boolean; rows: number } };
  const [logA, logB] = [(await fromA.json()) as Activity, (await fromB.json()) as Activity];
  expect(logA.chain).toMatchObject({ ok: true });
  expect(logB.chain).toMatchObject({ ok: true, rows: logA.chain.rows });
  // Both rotations and both refusals: written by two processes, one gap-free sequence.
  expect(logA.chain.rows).toBeGreaterThanOrEqual(4);
  expect(logA.entries.map((e) => e.seq)).toEqual(Array.from({ length: logA.chain.rows }, (_, i) => logA.chain.rows - i));
  expect(logB.entries).toEqual(logA.entries);
});

test('the weekly schedule makes last week’s report once, though both instances started at the same moment', async () => {
  type List = { reports: Array<{ id: string; week: string; trigger: string }> };
  const scheduled = async (on: APIRequestContext) =>
    ((await (await on.get('/api/reports')).json()) as List).reports.filter((r) => r.trigger === 'schedule');
  // Each instance ticks at start; the report appears once the one that claimed the week has made it.
  await expect.poll(async () => (await scheduled(onA)).length, { timeout: 60_000 }).toBe(1);
  const [fromA, fromB] = await Promise.all([scheduled(onA), scheduled(onB)]);
  expect(fromB).toEqual(fromA);
});

test('signing out on one instance ends the session on the other', async () => {
  expect((await onB.get('/api/activity')).status()).toBe(200);
  const { csrfToken } = (await (await onA.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const out = await onA.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/' }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);
  // B still holds the cookie as it was before the sign-out: only the shared store can tell it the session ended.
  expect((await onB.get('/api/activity')).status()).toBe(401);
  expect(await (await onB.get('/api/auth/session')).json()).toEqual({});
});
