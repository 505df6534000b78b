import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type JsonObject } from '../testing/harness';

// Clients (the dashboard, Terraform) send writes in parallel. DuckDB's optimistic concurrency rejects a second
// writer of the same row ("Conflict on tuple deletion"), and read-modify-write paths lose updates, unless the
// simulator applies writes one at a time.
const N = 10;
const stateDir = mkdtempSync(join(tmpdir(), 'sim-concurrent-'));
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ stateDir });
});
afterAll(async () => {
  await h?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const all = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

interface Logged {
  seq: number;
  method: string;
  path: string;
  query: string;
  status: number;
}

/** SCIM ids and userNames of `n` active people. */
async function somePeople(n: number): Promise<Array<{ id: string; userName: string }>> {
  const res = await h.call<{ Resources: Array<{ id: string; userName: string; active: boolean }> }>(
    h.admin,
    'GET',
    '/api/2.0/preview/scim/v2/Users?count=200',
  );
  return res.json.Resources.filter((u) => u.active).slice(0, n);
}

/** The marker (?attempt=i) of the request of `path` that the simulator finished last. */
async function servedLast(path: string): Promise<number> {
  const log = await h.call<{ requests: Logged[] }>(h.admin, 'GET', `/__simulator/requests?method=PATCH&path_prefix=${path}`);
  const last = log.json.requests
    .filter((r) => r.query.startsWith('attempt='))
    .sort((a, b) => a.seq - b.seq)
    .at(-1);
  return Number(new URLSearchParams(last?.query ?? '').get('attempt'));
}

describe('concurrent writes', () => {
  it('PATCH workspace-conf: every call succeeds, the last one served wins, and memory matches what was stored', async () => {
    await h.call(h.admin, 'DELETE', '/__simulator/requests');
    const values = Array.from({ length: N }, (_, i) => String(10 + i));
    const res = await all(N, (i) =>
      h.call(h.admin, 'PATCH', `/api/2.0/workspace-conf?attempt=${i}`, {
        maxTokenLifetimeDays: values[i],
        enableDcs: i % 2 ? 'true' : 'false',
      }),
    );
    expect(res.map((r) => r.status)).toEqual(Array(N).fill(200));
    const last = await servedLast('/api/2.0/workspace-conf');
    const read = async () => (await h.call(h.admin, 'GET', '/api/2.0/workspace-conf?keys=maxTokenLifetimeDays,enableDcs')).json;
    const expected = { maxTokenLifetimeDays: values[last], enableDcs: last % 2 ? 'true' : 'false' };
    expect(await read()).toEqual(expected);

    // What a restart reads back from the database is what the running simulator answered.
    await h.close();
    h = await startHarness({ stateDir });
    expect(await read()).toEqual(expected);
  });

  it('PATCH permissions with different principals: none of the entries is lost', async () => {
    const people = await somePeople(N);
    const id = 'tokens';
    const res = await all(people.length, (i) =>
      h.call(h.admin, 'PATCH', `/api/2.0/permissions/authorization/${id}`, {
        access_control_list: [{ user_name: people[i]?.userName, permission_level: 'CAN_USE' }],
      }),
    );
    expect(res.map((r) => r.status)).toEqual(Array(people.length).fill(200));
    const acl = (
      await h.call<{ access_control_list: Array<{ user_name?: string }> }>(h.admin, 'GET', `/api/2.0/permissions/authorization/${id}`)
    ).json.access_control_list;
    for (const p of people) expect(acl.map((e) => e.user_name)).toContain(p.userName);
  });

  it('secrets: parallel puts of one key all succeed and leave one value; parallel ACL puts all land', async () => {
    expect((await h.call(h.admin, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'race' })).status).toBe(200);
    const puts = await all(N, (i) => h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: 'race', key: 'k', string_value: `v${i}` }));
    expect(puts.map((r) => r.status)).toEqual(Array(N).fill(200));
    const listed = await h.call<{ secrets: unknown[] }>(h.admin, 'GET', '/api/2.0/secrets/list?scope=race');
    expect(listed.json.secrets).toHaveLength(1);

    const people = await somePeople(N);
    const acls = await all(people.length, (i) =>
      h.call(h.admin, 'POST', '/api/2.0/secrets/acls/put', { scope: 'race', principal: people[i]?.userName, permission: 'READ' }),
    );
    expect(acls.map((r) => r.status)).toEqual(Array(people.length).fill(200));
    const entries = await h.call<{ items: unknown[] }>(h.admin, 'GET', '/api/2.0/secrets/acls/list?scope=race');
    expect(entries.json.items.length).toBeGreaterThanOrEqual(people.length);
  });

  it('parallel creates of one secret scope: exactly one succeeds, the rest are told it exists', async () => {
    const res = await all(N, () => h.call(h.admin, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'race-once' }));
    expect(res.filter((r) => r.status === 200)).toHaveLength(1);
    expect(res.filter((r) => r.status === 400).map((r) => (r.json as JsonObject).error_code)).toEqual(
      Array(N - 1).fill('RESOURCE_ALREADY_EXISTS'),
    );
  });

  it('SCIM PATCH of one group from many callers keeps every new member', async () => {
    const people = await somePeople(N);
    const found = await h.call<{ Resources: Array<{ id: string }> }>(
      h.admin,
      'GET',
      `/api/2.0/preview/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "security-managers"')}`,
    );
    const group = found.json.Resources[0]?.id;
    const res = await all(people.length, (i) =>
      h.call(h.admin, 'PATCH', `/api/2.0/preview/scim/v2/Groups/${group}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'add', path: 'members', value: [{ value: people[i]?.id }] }],
      }),
    );
    expect(res.map((r) => r.status)).toEqual(Array(people.length).fill(200));
    const after = await h.call<{ members?: Array<{ value: string }> }>(h.admin, 'GET', `/api/2.0/preview/scim/v2/Groups/${group}`);
    for (const p of people) expect(after.json.members?.map((m) => m.value)).toContain(p.id);
  });

  it('a new token used by many parallel calls on its first day: every call authenticates', async () => {
    const created = await h.call<{ token_value: string }>(h.admin, 'POST', '/api/2.0/token/create', { lifetime_seconds: 3600 });
    const res = await all(N, () => h.call(created.json.token_value, 'GET', '/api/2.0/token/list'));
    expect(res.map((r) => r.status)).toEqual(Array(N).fill(200));
  });
});
