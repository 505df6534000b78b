import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_TABLE } from '../audit/schema';
import { SimDb } from '../core/db';
import { sqlSession } from '../sql/driver-testing';
import { personas, startHarness, type Harness } from '../testing/harness';

interface Row {
  email: string | null;
  service_name: string;
  action_name: string;
  params: string;
  status: number;
  error: string | null;
  ip: string;
  agent: string;
  request_id: string;
}

// Drives calls through a running simulator, stops it, then reads what landed in system.access.audit.
const stateDir = mkdtempSync(join(tmpdir(), 'sim-core-audit-'));
let rows: Row[] = [];
let h: Harness;
let names: ReturnType<typeof personas>;
const secretValue = 'never-in-audit-7f3a';
/** Request ids the simulator answered with (X-Request-Id, RequestInfo.request_id), by call. */
const answered: Record<string, string> = {};
let servedIds: string[] = [];

beforeAll(async () => {
  h = await startHarness({ stateDir });
  names = personas(h);
  // The seeded 90-day history lives in the same table: only what this test does is looked at.
  const since = new Date().toISOString();
  const ua = { 'User-Agent': 'audit-test/1.0' };
  const analyst = (await h.login(names.analyst.userName)).access_token;
  await h.call(h.admin, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'audited' }, ua);
  await h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: 'audited', key: 'k', string_value: secretValue }, ua);
  await h.call(analyst, 'GET', '/api/2.0/secrets/get?scope=audited&key=k', undefined, ua);
  const created = await h.call<{ token_value: string; token_info: { token_id: string } }>(
    h.admin,
    'POST',
    '/api/2.0/token/create',
    { lifetime_seconds: 600 },
    ua,
  );
  for (let i = 0; i < 3; i++) await h.call(created.json.token_value, 'GET', '/api/2.0/token/list', undefined, ua);
  await h.call('dapi00000000000000000000000000000000', 'GET', '/api/2.0/token/list', undefined, ua);
  const conf = await h.call(h.admin, 'PATCH', '/api/2.0/workspace-conf', { maxTokenLifetimeDays: '60', enableDcs: 'false' }, ua);
  answered.conf = conf.res.headers.get('x-request-id') ?? '';
  const denied = await h.call<{ details: Array<{ request_id: string }> }>(analyst, 'GET', '/api/2.0/secrets/get?scope=audited&key=k');
  answered.denied = denied.json.details[0]?.request_id ?? '';
  const sql = await sqlSession(h, h.admin);
  await sql.q(`GRANT SELECT ON SCHEMA analytics.silver TO \`${names.manager.userName}\``);
  await sql.session.close();
  servedIds = (
    await h.call<{ requests: Array<{ requestId: string }> }>(h.admin, 'GET', '/__simulator/requests?limit=100000')
  ).json.requests.map((r) => r.requestId);
  await h.call(h.admin, 'POST', '/api/2.0/token/delete', { token_id: created.json.token_info.token_id }, ua);
  await h.sim.stop();
  const db = await SimDb.open(join(stateDir, 'workspace.duckdb'));
  rows = await db.all<Row>(
    `SELECT user_identity.email AS email, service_name, action_name, CAST(to_json(request_params) AS VARCHAR) AS params,
    response.status_code AS status, response.error_message AS error, source_ip_address AS ip, user_agent AS agent, request_id
    FROM ${AUDIT_TABLE}
    WHERE event_time >= CAST(CAST(? AS TIMESTAMPTZ) AS TIMESTAMP) ORDER BY event_time`,
    [since],
  );
  db.close();
});
afterAll(async () => {
  await h?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const find = (service: string, action: string) => rows.filter((r) => r.service_name === service && r.action_name === action);

describe('audit events from REST calls', () => {
  it('records mutating calls and secret reads with the reference names, caller, IP and user agent', () => {
    expect(find('secrets', 'createScope')[0]).toMatchObject({
      email: names.admin.userName,
      status: 200,
      ip: '127.0.0.1',
      agent: 'audit-test/1.0',
    });
    expect(JSON.parse(find('secrets', 'putSecret')[0]?.params ?? '{}')).toEqual({ scope: 'audited', key: 'k' });
    expect(find('secrets', 'getSecret')[0]).toMatchObject({ email: names.analyst.userName, status: 403 });
    const conf = find('workspace', 'workspaceConfEdit').map((r) => JSON.parse(r.params));
    expect(conf).toEqual(
      expect.arrayContaining([
        { workspaceConfKeys: 'maxTokenLifetimeDays', workspaceConfValues: '60' },
        { workspaceConfKeys: 'enableDcs', workspaceConfValues: 'false' },
      ]),
    );
  });

  it('links token creation, use and revocation by tokenHash, with at most one tokenLogin per token and minute', () => {
    const generated = JSON.parse(find('accounts', 'generateDbToken')[0]?.params ?? '{}') as {
      tokenHash: string;
      tokenExpirationTime: string;
    };
    expect(generated.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(generated.tokenExpirationTime)).toBeGreaterThan(Date.now());
    const logins = find('accounts', 'tokenLogin').filter(
      (r) => (JSON.parse(r.params) as { tokenId: string }).tokenId === generated.tokenHash,
    );
    expect(logins).toHaveLength(1);
    expect(logins[0]?.status).toBe(200);
    expect(find('accounts', 'tokenLogin').some((r) => r.status === 403)).toBe(true);
    expect(JSON.parse(find('accounts', 'revokeDbToken')[0]?.params ?? '{}')).toEqual({ tokenHash: generated.tokenHash });
    expect(find('accounts', 'mintOAuthToken').length).toBeGreaterThan(0);
  });

  // Databricks documents request_id as the audit log's own id (examples `ServiceMain-…`), never as the REST
  // response's request id (a UUID), so the simulator gives no match a real workspace would not give.
  it('records its own request_id, shared by the events of one call, never the id the REST response carried', () => {
    for (const r of rows) expect(r.request_id).toMatch(/^ServiceMain-[0-9a-f]{16}$/);
    const conf = find('workspace', 'workspaceConfEdit');
    expect(conf).toHaveLength(2);
    expect(conf[0]?.request_id).toBe(conf[1]?.request_id);
    expect(new Set(rows.map((r) => r.request_id)).size).toBeGreaterThan(rows.length / 2);
    expect(answered.conf).toMatch(/^[0-9a-f-]{36}$/);
    expect(answered.denied).toMatch(/^[0-9a-f-]{36}$/);
    const recorded = new Set(rows.map((r) => r.request_id));
    for (const id of [answered.conf, answered.denied, ...servedIds]) expect(recorded.has(id as string)).toBe(false);
    expect(find('secrets', 'getSecret').some((r) => r.status === 403 && r.email === names.analyst.userName)).toBe(true);
  });

  it('records GRANT through the SQL warehouse (which has no REST request id) with a request_id of its own', () => {
    const grant = find('unityCatalog', 'updatePermissions').find((r) => r.params.includes(names.manager.userName));
    expect(grant).toMatchObject({ email: names.admin.userName, status: 200 });
    expect(grant?.request_id).toMatch(/^ServiceMain-[0-9a-f]{16}$/);
    expect(servedIds).not.toContain(grant?.request_id);
  });

  it('never writes a secret or token value into the audit table', () => {
    const all = JSON.stringify(rows);
    expect(all).not.toContain(secretValue);
    expect(all).not.toMatch(/dapi[0-9a-f]{32}/);
  });
});
