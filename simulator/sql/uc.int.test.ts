import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, personas, startHarness } from '../testing/harness';
import { type SqlUser, sqlSession } from './driver-testing';

// Runs against the seeded demo estate (seed 42): catalogs, grants, masks and filters of simulator/seed/catalog*.ts.
describe('Unity Catalog through SQL', () => {
  let h: Harness;
  let p: ReturnType<typeof personas>;
  const as: Record<'admin' | 'analyst' | 'manager' | 'noRole', SqlUser> = {} as never;
  const since = new Date();
  beforeAll(async () => {
    h = await startHarness();
    p = personas(h);
    as.admin = await sqlSession(h, h.admin);
    for (const who of ['analyst', 'manager', 'noRole'] as const)
      as[who] = await sqlSession(h, (await h.login(p[who].userName)).access_token);
  });
  afterAll(() => h.close());

  it('needs USE CATALOG, USE SCHEMA and SELECT to read, and says which is missing', async () => {
    expect(await as.noRole.q('SELECT count(*) AS n FROM analytics.bronze.raw_customers')).toEqual([{ n: 300 }]);
    await expect(as.manager.q('SELECT * FROM analytics.bronze.raw_web_logs')).rejects.toThrow(
      "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have USE SCHEMA on Schema 'analytics.bronze'. SQLSTATE: 42501",
    );
    await expect(as.noRole.q('SELECT * FROM analytics.silver.nope')).rejects.toThrow(
      /^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `analytics`.`silver`.`nope` cannot be found/,
    );
    await expect(as.noRole.q("SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow(/UNRESOLVED_ROUTINE/);
  });

  it('grants through SQL to back-quoted people, applies masks and row filters per reader, and revokes', async () => {
    for (const who of [p.analyst, p.manager, p.admin])
      await as.admin.q(`GRANT USE SCHEMA, SELECT ON SCHEMA analytics.silver TO \`${who.userName}\``);
    const email = 'SELECT email FROM analytics.silver.customers ORDER BY customer_id LIMIT 1';
    const [raw] = await as.analyst.q(email);
    const [masked] = await as.manager.q(email);
    expect(String(raw?.email)).toMatch(/^[a-z'.]+\d+@customers\.example\.net$/);
    expect(masked?.email).toBe(String(raw?.email).replace(/^[^@]+/, '****'));
    const regions = 'SELECT DISTINCT region FROM analytics.silver.policies ORDER BY 1';
    expect(await as.manager.q(regions)).toEqual([{ region: 'US-East' }, { region: 'US-West' }]);
    expect((await as.admin.q(regions)).length).toBe(4);
    await as.admin.q(`REVOKE SELECT ON SCHEMA analytics.silver FROM \`${p.manager.userName}\``);
    await expect(as.manager.q(email)).rejects.toThrow(/does not have SELECT on Table 'analytics.silver.customers'/);
  });

  it('rejects legacy USAGE, unknown principals and grants by people without MANAGE — and audits every attempt', async () => {
    await expect(as.admin.q('GRANT USAGE ON CATALOG analytics TO users')).rejects.toThrow(
      /^\[INVALID_PRIVILEGE\] USAGE is a legacy Hive metastore privilege/,
    );
    await expect(as.admin.q('GRANT SELECT ON CATALOG analytics TO `nobody@harborpine.com`')).rejects.toThrow(
      /^\[PRINCIPAL_DOES_NOT_EXIST\]/,
    );
    await expect(as.noRole.q(`GRANT SELECT ON CATALOG finance TO \`${p.noRole.userName}\``)).rejects.toThrow(
      /^\[INSUFFICIENT_PERMISSIONS\] User does not have MANAGE on Catalog 'finance'/,
    );
    // The sink writes in batches every 50 ms; poll rather than sleep a fixed time.
    const audit = () =>
      as.admin.q(
        `SELECT user_identity.email AS who, request_params['securable_full_name'] AS obj, request_params.changes AS changes,
        response.status_code AS status, event_time, event_date FROM system.access.audit
      WHERE event_date >= current_date() - 1 AND event_time >= :since AND service_name = 'unityCatalog' AND action_name = 'updatePermissions'`,
        { since },
      );
    let rows = await audit();
    for (let i = 0; i < 50 && rows.length < 7; i++) rows = await audit();
    expect(rows.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 400, 403, 404]);
    expect(rows).toContainEqual(
      expect.objectContaining({
        who: p.noRole.userName,
        obj: 'finance',
        status: 403,
        changes: `[{"principal":"${p.noRole.userName}","add":["SELECT"]}]`,
      }),
    );
    expect(rows[0]).toMatchObject({ event_time: expect.any(Date), event_date: expect.any(Date) });
  });

  it('shows direct, inherited and owner grants only to those allowed to see them', async () => {
    const rows = await as.admin.q('SHOW GRANTS ON TABLE analytics.silver.customers');
    expect(rows).toContainEqual({
      principal: 'data-platform',
      actionType: 'OWN',
      objectType: 'TABLE',
      objectKey: 'analytics.silver.customers',
    });
    expect(rows).toContainEqual({ principal: 'analytics', actionType: 'SELECT', objectType: 'SCHEMA', objectKey: 'analytics.silver' });
    expect(rows.some((r) => r.actionType === 'USE CATALOG' || r.actionType === 'USE SCHEMA')).toBe(false);
    await expect(as.manager.q('SHOW GRANTS ON SCHEMA analytics.silver')).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
    expect(await as.manager.q('SHOW GRANTS `security-managers` ON CATALOG hr')).toEqual([
      { principal: 'security-managers', actionType: 'USE CATALOG', objectType: 'CATALOG', objectKey: 'hr' },
    ]);
    // data-engineering owns analytics.bronze and sits inside data-platform (owner of `analytics`): its members see every grant there.
    const own = await as.noRole.q('SHOW GRANTS `data-engineering` ON SCHEMA analytics.bronze');
    expect(own.map((r) => r.actionType).sort()).toEqual(['CREATE TABLE', 'MANAGE', 'MODIFY', 'OWN', 'SELECT', 'USE SCHEMA']);
  });

  it('serves information_schema limited to what the caller may see', async () => {
    const masks = await as.admin.q(
      "SELECT column_name, mask_catalog, mask_schema, mask_name, mask_col_usage FROM system.information_schema.column_masks WHERE table_name = 'customers' ORDER BY 1",
    );
    expect(masks).toEqual(
      ['email', 'phone', 'ssn'].map((c) => ({
        column_name: c,
        mask_catalog: 'main',
        mask_schema: 'governance',
        mask_name: `main.governance.mask_${c}`,
        mask_col_usage: null,
      })),
    );
    // USE SCHEMA alone does not make the tables of a schema visible.
    const filters = await as.manager.q(
      'SELECT table_name, filter_name, filter_col_usage FROM analytics.information_schema.row_filters ORDER BY 1',
    );
    expect(filters).toEqual([]);
    expect(
      await as.admin.q('SELECT table_name, filter_name, filter_col_usage FROM analytics.information_schema.row_filters ORDER BY 1'),
    ).toEqual([
      { table_name: 'claims', filter_name: 'main.governance.region_filter', filter_col_usage: 'region' },
      { table_name: 'policies', filter_name: 'main.governance.region_filter', filter_col_usage: 'region' },
    ]);
    const mine = await as.manager.q('SELECT DISTINCT grantee FROM system.information_schema.table_privileges');
    const myNames = new Set([p.manager.userName, ...p.manager.groups, 'users', 'account users']);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => myNames.has(String(r.grantee)))).toBe(true);
    const inherited = await as.admin.q(
      "SELECT privilege_type, inherited_from FROM system.information_schema.table_privileges WHERE table_catalog = 'analytics' AND table_name = 'customers' AND grantee = 'analytics'",
    );
    expect(inherited).toEqual([{ privilege_type: 'SELECT', inherited_from: 'analytics.silver' }]);
    const tables = await as.noRole.q(
      "SELECT DISTINCT table_catalog || '.' || table_schema AS s FROM system.information_schema.tables ORDER BY 1",
    );
    expect(tables.map((r) => r.s)).toContain('analytics.bronze');
    expect(tables.map((r) => r.s)).not.toContain('hr.people');
  });

  it('creates SQL functions for masks and refuses masks that cannot apply', async () => {
    await expect(as.noRole.q('CREATE FUNCTION main.governance.nothing(x STRING) RETURN x')).rejects.toThrow(
      /does not have CREATE FUNCTION on schema 'main.governance'/,
    );
    await as.admin.q(
      `CREATE OR REPLACE FUNCTION main.governance.mask_region(r STRING) RETURNS STRING RETURN CASE WHEN current_user() = '${p.analyst.userName}' THEN r ELSE 'XX' END`,
    );
    await as.admin.q('ALTER TABLE analytics.silver.customers ALTER COLUMN region SET MASK main.governance.mask_region');
    expect(await as.analyst.q("SELECT DISTINCT region FROM analytics.silver.customers WHERE region = 'US-East'")).toEqual([
      { region: 'US-East' },
    ]);
    expect(await as.admin.q('SELECT DISTINCT region FROM analytics.silver.customers')).toEqual([{ region: 'XX' }]);
    await expect(as.admin.q('ALTER TABLE analytics.silver.customers ALTER COLUMN region SET MASK main.governance.nope')).rejects.toThrow(
      /ROUTINE_NOT_FOUND/,
    );
    await expect(
      as.admin.q('ALTER TABLE analytics.silver.customers ALTER COLUMN region SET MASK main.governance.mask_ssn USING COLUMNS (email)'),
    ).rejects.toThrow(/takes 1 argument/);
    await as.admin.q('ALTER TABLE analytics.silver.customers ALTER COLUMN region DROP MASK');
    expect((await as.admin.q('SELECT DISTINCT region FROM analytics.silver.customers')).length).toBe(4);
  });
});
