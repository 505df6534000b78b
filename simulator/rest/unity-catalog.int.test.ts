import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SqlUser, sqlSession } from '../sql/driver-testing';
import { type Harness, type JsonObject, personas, startHarness } from '../testing/harness';

const API = '/api/2.1/unity-catalog';

// Runs against the seeded demo estate (seed 42): grants, then metadata (catalogs, schemas, tables, functions, volumes).
describe('Unity Catalog REST and SQL are one state', () => {
  let h: Harness;
  let p: ReturnType<typeof personas>;
  let admin: SqlUser;
  let manager: SqlUser;
  let tokens: Record<'manager' | 'noRole' | 'analyst', string>;
  beforeAll(async () => {
    h = await startHarness();
    p = personas(h);
    tokens = {
      manager: (await h.login(p.manager.userName)).access_token,
      noRole: (await h.login(p.noRole.userName)).access_token,
      analyst: (await h.login(p.analyst.userName)).access_token,
    };
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

  /** Pages the way the SDKs do: max_results as given, then next_page_token until it is absent. */
  async function pages(token: string, path: string, field: string, maxResults: number) {
    const out: Array<JsonObject[]> = [];
    let pageToken: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const q = `max_results=${maxResults}${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ''}`;
      const res = await h.call<Record<string, unknown>>(token, 'GET', `${path}${sep}${q}`);
      expect(res.status).toBe(200);
      out.push((res.json[field] as JsonObject[] | undefined) ?? []);
      pageToken = res.json.next_page_token as string | undefined;
    } while (pageToken && out.length < 100);
    return out;
  }
  const names = (items: JsonObject[]) => items.map((i) => i.name);

  it('lists catalogs in pages as the SDKs read them, and only those one may use', async () => {
    const all = await h.call<{ catalogs: JsonObject[]; next_page_token?: string }>(h.admin, 'GET', `${API}/catalogs?max_results=0`);
    expect(all.json.next_page_token).toBeUndefined();
    expect(names(all.json.catalogs)).toEqual(['analytics', 'finance', 'hr', 'main', 'reference', 'sandbox', 'system']);
    expect(all.json.catalogs.find((c) => c.name === 'system')).toMatchObject({ catalog_type: 'SYSTEM_CATALOG', owner: 'System user' });
    expect(all.json.catalogs.find((c) => c.name === 'analytics')).toMatchObject({
      full_name: 'analytics',
      owner: 'data-platform',
      catalog_type: 'MANAGED_CATALOG',
      securable_type: 'CATALOG',
      created_at: expect.any(Number),
      created_by: expect.stringMatching(/@harborpine\.com$/),
    });
    expect((await pages(h.admin, `${API}/catalogs`, 'catalogs', 2)).flat()).toEqual(all.json.catalogs);

    // Sam (data-engineering, inside data-platform) owns analytics and reference and may use main and sandbox, not the rest:
    // pages are filtered after slicing, so some come back empty with a next_page_token.
    const mine = await pages(tokens.noRole, `${API}/catalogs`, 'catalogs', 1);
    expect(names(mine.flat())).toEqual(['analytics', 'main', 'reference', 'sandbox']);
    expect(mine.some((page) => page.length === 0)).toBe(true);
    expect((await h.call(tokens.noRole, 'GET', `${API}/catalogs/hr`)).status).toBe(403);
    expect((await h.call(tokens.noRole, 'GET', `${API}/catalogs/nope`)).json).toMatchObject({ error_code: 'CATALOG_DOES_NOT_EXIST' });
    expect((await h.call(h.admin, 'GET', `${API}/catalogs?max_results=-1`)).status).toBe(400);
  });

  it('lists and gets schemas the caller owns or may USE, and requires catalog_name', async () => {
    const all = await h.call<{ schemas: JsonObject[] }>(h.admin, 'GET', `${API}/schemas?catalog_name=analytics`);
    expect(all.json.schemas.map((s) => s.full_name)).toEqual(['analytics.bronze', 'analytics.gold', 'analytics.silver']);
    expect(all.json.schemas[0]).toMatchObject({
      name: 'bronze',
      catalog_name: 'analytics',
      owner: 'data-engineering',
      schema_id: expect.any(String),
    });
    // Priya (security-analysts) reaches gold only, through `account users`.
    expect((await h.call(tokens.analyst, 'GET', `${API}/schemas?catalog_name=analytics`)).json).toMatchObject({
      schemas: [expect.objectContaining({ full_name: 'analytics.gold' })],
    });
    expect((await h.call(tokens.analyst, 'GET', `${API}/schemas/analytics.silver`)).status).toBe(403);
    expect((await h.call(tokens.analyst, 'GET', `${API}/schemas/analytics.gold`)).json).toMatchObject({ owner: 'data-platform' });
    expect((await h.call(h.admin, 'GET', `${API}/schemas`)).status).toBe(400);
  });

  it('pages tables the same way and hides those one may not SELECT', async () => {
    const paged = (await pages(h.admin, `${API}/tables?catalog_name=analytics&schema_name=bronze`, 'tables', 3)).flat();
    expect(names(paged)).toEqual(['raw_claims', 'raw_customers', 'raw_payments', 'raw_web_logs']);
    expect(await h.call(tokens.analyst, 'GET', `${API}/tables?catalog_name=analytics&schema_name=bronze&max_results=0`)).toMatchObject({
      status: 200,
      json: {},
    });
  });

  it('serves functions with their body to whoever may execute them, while information_schema shows it to owners only', async () => {
    const list = await h.call<{ functions: JsonObject[] }>(
      tokens.noRole,
      'GET',
      `${API}/functions?catalog_name=main&schema_name=governance`,
    );
    expect(names(list.json.functions)).toEqual([
      'hr_only',
      'mask_card',
      'mask_email',
      'mask_iban',
      'mask_phone',
      'mask_salary',
      'mask_ssn',
      'region_filter',
    ]);
    const salary = await h.call(h.admin, 'GET', `${API}/functions/main.governance.mask_salary`);
    expect(salary.json).toMatchObject({
      full_name: 'main.governance.mask_salary',
      data_type: 'DECIMAL',
      full_data_type: 'decimal(12,2)',
      routine_body: 'SQL',
      routine_definition: "CASE WHEN is_account_group_member('security-managers') THEN salary ELSE NULL END",
      input_params: {
        parameters: [expect.objectContaining({ name: 'salary', type_name: 'DECIMAL', type_precision: 12, type_scale: 2, position: 0 })],
      },
      owner: expect.stringMatching(/@harborpine\.com$/),
    });
    const routines = await admin.q(
      "SELECT routine_name, routine_owner, routine_definition FROM system.information_schema.routines WHERE routine_name IN ('mask_email', 'mask_salary') ORDER BY 1",
    );
    expect(routines).toEqual([
      {
        routine_name: 'mask_email',
        routine_owner: 'admins',
        routine_definition: expect.stringContaining("is_account_group_member('security-analysts')"),
      },
      { routine_name: 'mask_salary', routine_owner: (salary.json as JsonObject).owner, routine_definition: null },
    ]);
    expect((await h.call(h.admin, 'GET', `${API}/functions/main.governance.nope`)).status).toBe(404);
    expect((await h.call(tokens.analyst, 'GET', `${API}/functions?catalog_name=hr&schema_name=people`)).status).toBe(403);
  });

  it('treats volumes as securables: listed, granted over REST and SQL, shown in SHOW GRANTS', async () => {
    const listed = await h.call<{ volumes: JsonObject[] }>(h.admin, 'GET', `${API}/volumes?catalog_name=analytics&schema_name=bronze`);
    expect(listed.json.volumes.map((v) => [v.name, v.volume_type])).toEqual([
      ['claim_documents', 'EXTERNAL'],
      ['landing', 'MANAGED'],
    ]);
    expect(listed.json.volumes[0]).toMatchObject({
      full_name: 'analytics.bronze.claim_documents',
      storage_location: 'abfss://claims-docs@hpdatalakeprod.dfs.core.windows.net/scans',
      owner: 'data-engineering',
    });
    expect(
      await admin.q(
        "SELECT volume_name, volume_type, volume_owner, storage_location FROM analytics.information_schema.volumes WHERE volume_schema = 'bronze' ORDER BY 1",
      ),
    ).toEqual(
      listed.json.volumes.map((v) => ({
        volume_name: v.name,
        volume_type: v.volume_type,
        volume_owner: v.owner,
        storage_location: v.storage_location,
      })),
    );
    // READ VOLUME reaches Priya through `account users`, but without USE SCHEMA on bronze she cannot see it.
    expect((await h.call(tokens.analyst, 'GET', `${API}/volumes/analytics.bronze.claim_documents`)).status).toBe(403);
    expect((await h.call(h.admin, 'GET', `${API}/permissions/volume/analytics.bronze.claim_documents`)).json).toEqual({
      privilege_assignments: [
        { principal: 'account users', privileges: ['READ_VOLUME'] },
        { principal: 'claims-analytics', privileges: ['READ_VOLUME'] },
      ],
    });
    const patched = await h.call(h.admin, 'PATCH', `${API}/permissions/volume/analytics.bronze.claim_documents`, {
      changes: [{ principal: 'account users', remove: ['READ_VOLUME'] }],
    });
    expect(patched.json).toEqual({ privilege_assignments: [{ principal: 'claims-analytics', privileges: ['READ_VOLUME'] }] });
    await admin.q('GRANT WRITE VOLUME ON VOLUME analytics.bronze.landing TO `data-engineering`');
    expect(await admin.q('SHOW GRANTS `data-engineering` ON VOLUME analytics.bronze.landing')).toEqual([
      { principal: 'data-engineering', actionType: 'OWN', objectType: 'VOLUME', objectKey: 'analytics.bronze.landing' },
      { principal: 'data-engineering', actionType: 'WRITE VOLUME', objectType: 'VOLUME', objectKey: 'analytics.bronze.landing' },
      // MANAGE on the schema reaches its volumes too.
      { principal: 'data-engineering', actionType: 'MANAGE', objectType: 'SCHEMA', objectKey: 'analytics.bronze' },
    ]);
    await expect(admin.q('GRANT SELECT ON VOLUME analytics.bronze.landing TO users')).rejects.toThrow(/not applicable to VOLUME/);
    const rows = await admin.q(
      "SELECT grantee, privilege_type, inherited_from FROM system.information_schema.volume_privileges WHERE volume_name = 'landing' ORDER BY 1, 2",
    );
    expect(rows).toContainEqual({ grantee: 'data-engineering', privilege_type: 'WRITE_VOLUME', inherited_from: 'NONE' });
  });
});
