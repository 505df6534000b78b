// lib/databricks against a started simulator: real HTTPS, real OAuth, real error bodies, real faults.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appEnv, startTestSimulator, type TestSimulator } from '@/testing/simulator';
import { loginAs } from '@/testing/oauth-login';
import { resolveByUserName, resolveFromUserToken } from '../auth/identity';
import { loadConfig, type AppConfig } from '../config';
import type { Role } from '../roles';
import { roleFromGroups } from '../roles';
import { createLogger } from '../log';
import { DatabricksError } from './errors';
import { getWorkspace } from './get-workspace';
import { RestClient } from './rest-client';
import { staticCredentials } from './credentials';
import { currentUser, findUserByUserName } from '@/lib/databricks/api/scim';
import { emptyResponse } from './schemas';
import { checkRest } from '@/lib/overview/server/health';
import { loadPrincipals } from '@/lib/principals/server/load';

let sim: TestSimulator;
let service: AppConfig;
let user: AppConfig;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-int-'));
const quiet = createLogger({}, () => {}, 'error');
const SECRET = 'integration-secret-integration-secret-01';

interface Logged {
  method: string;
  path: string;
  status: number;
}
async function requests(pathPrefix: string): Promise<Logged[]> {
  const r = await sim.control<{ requests: Logged[] }>('GET', `/requests?path_prefix=${encodeURIComponent(pathPrefix)}`);
  return r.requests;
}

beforeAll(async () => {
  sim = await startTestSimulator();
  service = loadConfig({ ...appEnv(sim.workspace, 'service', 'http://127.0.0.1:3999', dataDir), NEXTAUTH_SECRET: SECRET });
  user = loadConfig({ ...appEnv(sim.workspace, 'user', 'http://127.0.0.1:3999', dataDir), NEXTAUTH_SECRET: SECRET });
});
afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await sim.control('DELETE', '/faults');
  await sim.control('DELETE', '/requests');
});

const DEFAULT_GROUPS = { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] };
const person = (role: Role | null) => sim.workspace.people.find((p) => roleFromGroups(p.groups, DEFAULT_GROUPS) === role)!;

describe('identity modes', () => {
  it('service mode acts as the service principal with one cached M2M token', async () => {
    const ws = getWorkspace({ userName: 'someone@example.com', accessToken: null }, service);
    expect(ws.actingAs).toEqual({ kind: 'service-principal', name: sim.workspace.servicePrincipal.applicationId });
    const me = await currentUser(ws.rest);
    expect(me.userName).toBe(sim.workspace.servicePrincipal.applicationId);
    await currentUser(getWorkspace({ userName: 'other@example.com', accessToken: null }, service).rest);
    expect((await requests('/oidc/v1/token')).filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it("user mode acts with the person's own token, and SCIM /Me gives their groups and role", async () => {
    const analyst = person('analyst');
    const tokens = await loginAs(sim.workspace, analyst.userName);
    const ws = getWorkspace({ userName: analyst.userName, accessToken: tokens.accessToken }, user);
    expect(ws.actingAs).toEqual({ kind: 'user', name: analyst.userName });
    expect(await checkRest(ws)).toMatchObject({ ok: true, identity: expect.stringContaining(analyst.userName) });
    expect(await resolveFromUserToken(user, tokens.accessToken)).toMatchObject({ userName: analyst.userName, role: 'analyst' });
  });

  it('looks people up by userName with the service identity (service mode role resolution)', async () => {
    expect((await resolveByUserName(service, person('admin').userName)).role).toBe('admin');
    expect((await resolveByUserName(service, person('manager').userName)).role).toBe('manager');
    expect((await resolveByUserName(service, person(null).userName)).role).toBeNull();
    expect(await findUserByUserName(getWorkspace({ userName: 'x', accessToken: null }, service).rest, 'nobody@nowhere.example')).toBeNull();
  });
});

describe('errors and resilience against the simulator', () => {
  const rest = () =>
    new RestClient({ host: sim.sim.url, credentials: staticCredentials(sim.workspace.adminToken), log: quiet, retryBudgetMs: 4_000 });

  it('parses a Databricks error body into a typed error', async () => {
    const e = await rest()
      .get('/api/2.0/secrets/list', emptyResponse, { query: { scope: 'no-such-scope-xyz' } })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DatabricksError);
    expect(e).toMatchObject({ status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' });
    expect((e as DatabricksError).message).toMatch(/no-such-scope-xyz/);
  });

  it('reports a rejected token as a 401/403 with the reason', async () => {
    const bad = new RestClient({ host: sim.sim.url, credentials: staticCredentials('dapi00000000000000000000000000000000'), log: quiet });
    const e = (await currentUser(bad).catch((x: unknown) => x)) as DatabricksError;
    expect([401, 403]).toContain(e.status);
    expect(e.message.length).toBeGreaterThan(0);
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    await sim.control('POST', '/faults', { spec: 'GET /api/2.0/preview/scim/v2/Me -> 429 retry-after=1 times=1' });
    const me = await currentUser(rest());
    expect(me.userName).toBeTruthy();
    expect((await requests('/api/2.0/preview/scim/v2/Me')).map((r) => r.status)).toEqual([429, 200]);
  });

  it('retries a GET through 503s but never a POST', async () => {
    await sim.control('POST', '/faults', { spec: 'GET /api/2.0/token/list -> 503 times=2; POST /api/2.0/token/create -> 503 times=1' });
    await rest().get('/api/2.0/token/list', emptyResponse);
    expect((await requests('/api/2.0/token/list')).map((r) => r.status)).toEqual([503, 503, 200]);
    const e = await rest()
      .post('/api/2.0/token/create', emptyResponse, { body: { comment: 'must not be retried', lifetime_seconds: 600 } })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 503 });
    expect(await requests('/api/2.0/token/create')).toHaveLength(1);
  });

  it('gives up on a hung call at its timeout without retrying it', async () => {
    await sim.control('POST', '/faults', { spec: 'GET /api/2.0/preview/scim/v2/Me -> hang times=1' });
    const client = new RestClient({
      host: sim.sim.url,
      credentials: staticCredentials(sim.workspace.adminToken),
      log: quiet,
      timeoutMs: 600,
    });
    expect(await currentUser(client).catch((x: unknown) => x)).toMatchObject({ errorCode: 'TIMEOUT' });
    expect((await currentUser(client)).userName).toBeTruthy();
  });

  it('shows the real reason in the health check when the upstream fails', async () => {
    // Under /scim/v2 errors come in the SCIM shape, which (like the Go SDK) becomes SCIM_<status>.
    await sim.control('POST', '/faults', { spec: 'GET /api/2.0/preview/scim/v2/Me -> 403:PERMISSION_DENIED' });
    const health = await checkRest(getWorkspace({ userName: 'x', accessToken: null }, service));
    expect(health).toMatchObject({ ok: false, errorCode: 'SCIM_403' });
    expect(health.ok ? '' : health.error).toMatch(/^HTTP 403 SCIM_403: \S/);
  });
});

describe('principals from SCIM', () => {
  it('resolves the names grants use and expands groups, in a fixed number of directory reads', async () => {
    const ws = getWorkspace({ userName: 'someone@example.com', accessToken: null }, service);
    const index = await loadPrincipals(ws);
    const admin = person('admin');
    expect(index.resolve(admin.userName)).toMatchObject({ kind: 'user', displayName: admin.displayName, status: 'active' });
    expect(index.resolve(sim.workspace.servicePrincipal.applicationId)).toMatchObject({ kind: 'service_principal', status: 'active' });
    expect(index.members('admins').map((m) => m.principal.name)).toContain(admin.userName);
    expect(index.groupsOf(admin.userName)).toEqual(expect.arrayContaining(['admins', 'users', 'account users']));
    expect(index.resolve('nobody-by-that-name@example.com').status).toBe('deleted');
    const scim = (await requests('/api/2.0/preview/scim/v2/')).filter((r) => r.method === 'GET');
    expect(new Set(scim.map((r) => r.path))).toEqual(
      new Set(['/api/2.0/preview/scim/v2/Users', '/api/2.0/preview/scim/v2/ServicePrincipals', '/api/2.0/preview/scim/v2/Groups']),
    );
    // Built once per directory read: a second call reads nothing.
    await loadPrincipals(ws);
    expect((await requests('/api/2.0/preview/scim/v2/')).length).toBe(scim.length);
  });
});
