import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_TABLE } from '../audit/schema';
import { SimDb } from '../core/db';
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
}

// Drives calls through a running simulator, stops it, then reads what landed in system.access.audit.
const stateDir = mkdtempSync(join(tmpdir(), 'sim-core-audit-'));
let rows: Row[] = [];
let h: Harness;
let names: ReturnType<typeof personas>;
const secretValue = 'never-in-audit-7f3a';

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
  await h.call(h.admin, 'PATCH', '/api/2.0/workspace-conf', { maxTokenLifetimeDays: '60', enableDcs: 'false' }, ua);
  await h.call(h.admin, 'POST', '/api/2.0/token/delete', { token_id: created.json.token_info.token_id }, ua);
  await h.sim.stop();
  const db = await SimDb.open(join(stateDir, 'workspace.duckdb'));
  rows = await db.all<Row>(
    `SELECT user_identity.email AS email, service_name, action_name, CAST(to_json(request_params) AS VARCHAR) AS params,
    response.status_code AS status, response.error_message AS error, source_ip_address AS ip, user_agent AS agent FROM ${AUDIT_TABLE}
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

  it('never writes a secret or token value into the audit table', () => {
    const all = JSON.stringify(rows);
    expect(all).not.toContain(secretValue);
    expect(all).not.toMatch(/dapi[0-9a-f]{32}/);
  });
});
