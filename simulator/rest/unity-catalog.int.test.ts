import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SqlUser, sqlSession } from '../sql/driver-testing';
import { type Harness, personas, startHarness } from '../testing/harness';

const API = '/api/2.1/unity-catalog';

// Runs against the seeded demo estate (seed 42).
describe('Unity Catalog REST and SQL are one state', () => {
  let h: Harness;
  let p: ReturnType<typeof personas>;
  let admin: SqlUser;
  let manager: SqlUser;
  let tokens: Record<'manager' | 'noRole', string>;
  beforeAll(async () => {
    h = await startHarness();
    p = personas(h);
    tokens = { manager: (await h.login(p.manager.userName)).access_token, noRole: (await h.login(p.noRole.userName)).access_token };
    admin = await sqlSession(h, h.admin);
    manager = await sqlSession(h, tokens.manager);
  });
  afterAll(() => h.close());

  it('grants over REST what SQL then enforces and shows, and SQL revokes what REST then no longer lists', async () => {
    const who = p.manager.userName;
    expect(
      (await h.call(h.admin, 'PATCH', `${API}/permissions/catalog/finance`, { changes: [{ principal: who, add: ['USE CATALOG'] }] }))
        .status,
    ).toBe(200);
    await h.call(h.admin, 'PATCH', `${API}/permissions/schema/finance.ledger`, { changes: [{ principal: who, add: ['USE_SCHEMA'] }] });
    const patched = await h.call<{ privilege_assignments: unknown[] }>(
      h.admin,
      'PATCH',
      `${API}/permissions/table/finance.ledger.vendors`,
      { changes: [{ principal: who, add: ['SELECT'] }] },
    );
    expect(patched.json.privilege_assignments).toContainEqual({ principal: who, privileges: ['SELECT'] });
    expect(await manager.q('SELECT count(*) AS n FROM finance.ledger.vendors')).toEqual([{ n: 60 }]);
    expect(await admin.q(`SHOW GRANTS \`${who}\` ON TABLE finance.ledger.vendors`)).toEqual([
      { principal: who, actionType: 'SELECT', objectType: 'TABLE', objectKey: 'finance.ledger.vendors' },
    ]);
    await admin.q(`REVOKE SELECT ON TABLE finance.ledger.vendors FROM \`${who}\``);
    const after = await h.call<{ privilege_assignments: Array<{ principal: string }> }>(
      h.admin,
      'GET',
      `${API}/permissions/table/finance.ledger.vendors`,
    );
    expect(after.status).toBe(200);
    expect(after.json.privilege_assignments.map((a) => a.principal)).not.toContain(who);
    await expect(manager.q('SELECT count(*) FROM finance.ledger.vendors')).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
  });

  it('reports inherited grants with where they come from', async () => {
    const res = await h.call(h.admin, 'GET', `${API}/effective-permissions/table/analytics.silver.customers?principal=analytics`);
    expect(res.json).toEqual({
      privilege_assignments: [
        {
          principal: 'analytics',
          privileges: [{ privilege: 'SELECT', inherited_from_type: 'SCHEMA', inherited_from_name: 'analytics.silver' }],
        },
      ],
    });
  });

  it('refuses what Unity Catalog refuses, with REST error shapes, and audits the attempts', async () => {
    const denied = await h.call(tokens.noRole, 'PATCH', `${API}/permissions/catalog/hr`, {
      changes: [{ principal: p.noRole.userName, add: ['SELECT'] }],
    });
    expect(denied).toMatchObject({
      status: 403,
      json: { error_code: 'PERMISSION_DENIED', message: "User does not have MANAGE on Catalog 'hr'." },
    });
    expect(
      (await h.call(h.admin, 'PATCH', `${API}/permissions/catalog/analytics`, { changes: [{ principal: 'users', add: ['USAGE'] }] }))
        .status,
    ).toBe(400);
    expect((await h.call(h.admin, 'GET', `${API}/permissions/catalog/nope`)).json).toMatchObject({ error_code: 'CATALOG_DOES_NOT_EXIST' });
    expect((await h.call(tokens.noRole, 'GET', `${API}/permissions/catalog/hr`)).status).toBe(403);
    expect((await h.call(tokens.noRole, 'GET', `${API}/permissions/schema/analytics.bronze?principal=data-engineering`)).json).toEqual({
      privilege_assignments: [{ principal: 'data-engineering', privileges: ['CREATE_TABLE', 'MANAGE', 'MODIFY', 'SELECT', 'USE_SCHEMA'] }],
    });
    expect((await h.call(h.admin, 'GET', `${API}/permissions/catalog/analytics?max_results=10`)).status).toBe(400);
    const audit = () =>
      admin.q(
        `SELECT response.status_code AS s FROM system.access.audit WHERE event_date = current_date()
      AND action_name = 'updatePermissions' AND user_identity.email = :who`,
        { who: p.noRole.userName },
      );
    let rows = await audit();
    for (let i = 0; i < 50 && rows.length < 1; i++) rows = await audit();
    expect(rows).toEqual([{ s: 403 }]);
  });

  it('serves table metadata with masks and row filters', async () => {
    const customers = await h.call<{ owner: string; columns: Array<Record<string, unknown>> }>(
      h.admin,
      'GET',
      `${API}/tables/analytics.silver.customers`,
    );
    expect(customers.json.owner).toBe('data-platform');
    expect(customers.json.columns.find((c) => c.name === 'email')).toEqual({
      name: 'email',
      type_text: 'string',
      type_name: 'STRING',
      position: 2,
      nullable: true,
      mask: { function_name: 'main.governance.mask_email', using_column_names: [] },
    });
    const policies = await h.call(h.admin, 'GET', `${API}/tables/analytics.silver.policies`);
    expect(policies.json).toMatchObject({ row_filter: { function_name: 'main.governance.region_filter', input_column_names: ['region'] } });
    const list = await h.call<{ tables?: Array<{ name: string }> }>(
      tokens.noRole,
      'GET',
      `${API}/tables?catalog_name=analytics&schema_name=bronze`,
    );
    expect(list.json.tables?.map((t) => t.name)).toEqual(['raw_claims', 'raw_customers', 'raw_payments', 'raw_web_logs']);
    expect((await h.call(tokens.noRole, 'GET', `${API}/tables?catalog_name=hr&schema_name=people`)).json).toEqual({});
  });
});
