import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type JsonObject, personas, startHarness } from '../testing/harness';
import { type Row, type SqlUser, sqlSession } from './driver-testing';

// What the Grants and Data-protection screens read and do, through the real driver, against the demo estate (seed 42).
describe('Unity Catalog governance through SQL', () => {
  let h: Harness;
  let p: ReturnType<typeof personas>;
  let admin: SqlUser;
  let analyst: SqlUser;
  let noRole: SqlUser;
  let claimsMember: { userName: string; sql: SqlUser };
  beforeAll(async () => {
    h = await startHarness();
    p = personas(h);
    admin = await sqlSession(h, h.admin);
    analyst = await sqlSession(h, (await h.login(p.analyst.userName)).access_token);
    noRole = await sqlSession(h, (await h.login(p.noRole.userName)).access_token);
    const userName = await activeMember('claims-analytics');
    claimsMember = { userName, sql: await sqlSession(h, (await h.login(userName)).access_token) };
  });
  afterAll(() => h.close());

  async function activeMember(group: string): Promise<string> {
    const groups = await h.call<{ Resources: Array<{ members: Array<{ value: string; $ref: string }> }> }>(
      h.admin,
      'GET',
      `/api/2.0/preview/scim/v2/Groups?filter=${encodeURIComponent(`displayName eq "${group}"`)}`,
    );
    for (const m of groups.json.Resources[0]?.members ?? []) {
      if (!m.$ref.startsWith('Users/')) continue;
      const user = await h.call<JsonObject>(h.admin, 'GET', `/api/2.0/preview/scim/v2/Users/${m.value}`);
      const mine = (user.json.groups as Array<{ display: string }> | undefined)?.map((g) => g.display) ?? [];
      // Someone who is only in this group among the ones that matter here (not an admin, not data-platform).
      if (user.json.active && !mine.some((g) => ['admins', 'data-platform', 'security-analysts'].includes(g)))
        return String(user.json.userName);
    }
    throw new Error(`no plain active member of ${group}`);
  }

  const pollLineage = async (who: string, table: string, since: Date): Promise<Row[]> => {
    const q = () =>
      admin.q(
        `SELECT created_by, source_table_full_name, source_type, target_table_full_name, entity_type, statement_id, event_date
         FROM system.access.table_lineage
         WHERE event_date >= date_sub(current_date(), 1) AND event_time >= :since AND created_by = :who AND source_table_full_name = :t`,
        { since, who, t: table },
      );
    let rows = await q();
    // The lineage sink writes in batches every 50 ms; poll rather than sleep a fixed time.
    for (let i = 0; i < 50 && rows.length === 0; i++) rows = await q();
    return rows;
  };

  it('serves column_masks and row_filters with both the documented and the live column names', async () => {
    const [mask] = await admin.q(
      "SELECT * FROM system.information_schema.column_masks WHERE table_name = 'customers' AND column_name = 'email'",
    );
    expect(mask).toEqual({
      table_catalog: 'analytics',
      table_schema: 'silver',
      table_name: 'customers',
      column_name: 'email',
      mask_name: 'main.governance.mask_email',
      using_columns: null,
      catalog_name: 'analytics',
      schema_name: 'silver',
      mask_catalog: 'main',
      mask_schema: 'governance',
      mask_col_usage: null,
    });
    const [filter] = await admin.q("SELECT * FROM analytics.information_schema.row_filters WHERE table_name = 'policies'");
    expect(filter).toEqual({
      table_catalog: 'analytics',
      table_schema: 'silver',
      table_name: 'policies',
      filter_name: 'main.governance.region_filter',
      target_columns: 'region',
      catalog_name: 'analytics',
      schema_name: 'silver',
      filter_catalog: 'main',
      filter_schema: 'governance',
      filter_col_usage: 'region',
    });
    // The dbt adapter's own query.
    expect(
      await admin.q(
        "SELECT column_name, mask_name, using_columns FROM `system`.`information_schema`.`column_masks` WHERE table_catalog = 'finance' AND table_schema = 'ledger' AND table_name = 'card_payments'",
      ),
    ).toEqual([{ column_name: 'card_number', mask_name: 'main.governance.mask_card', using_columns: null }]);
  });

  it('finds sensitive columns by bound name patterns, by pii tags and by type, with near misses told apart', async () => {
    const byName = await analyst.q(
      `SELECT table_catalog || '.' || table_schema || '.' || table_name AS t, column_name, data_type
       FROM system.information_schema.columns WHERE lower(column_name) RLIKE :pattern OR column_name LIKE :like ORDER BY 1, 2`,
      { pattern: '(email|phone|ssn|card_number|iban)', like: '%birth%' },
    );
    const gold = byName.filter((r) => String(r.t).startsWith('analytics.gold.'));
    expect(gold).toEqual([
      { t: 'analytics.gold.customer_360', column_name: 'email', data_type: 'STRING' },
      // Near misses: counts, rates and campaign names whose names say email or phone.
      { t: 'analytics.gold.marketing_engagement', column_name: 'email_open_rate', data_type: 'DOUBLE' },
      { t: 'analytics.gold.marketing_engagement', column_name: 'email_sent_count', data_type: 'INT' },
      { t: 'analytics.gold.marketing_engagement', column_name: 'last_email_campaign', data_type: 'STRING' },
      { t: 'analytics.gold.marketing_engagement', column_name: 'phone_calls_count', data_type: 'INT' },
    ]);
    // Priya sees only the tables she may see: gold through account users, not the bronze customer master or hr.
    expect(byName.some((r) => r.t === 'analytics.bronze.raw_customers' || String(r.t).startsWith('hr.'))).toBe(false);
    const tagged = await admin.q(
      "SELECT table_name, column_name, tag_value FROM system.information_schema.column_tags WHERE tag_name = 'pii' AND tag_value = :v ORDER BY 1",
      { v: 'card_number' },
    );
    expect(tagged).toEqual([
      { table_name: 'card_payments', column_name: 'card_number', tag_value: 'card_number' },
      { table_name: 'raw_payments', column_name: 'card_number', tag_value: 'card_number' },
    ]);
    const unmaskedCards = await admin.q(`
      SELECT c.table_catalog || '.' || c.table_schema || '.' || c.table_name AS t FROM system.information_schema.columns c
      LEFT JOIN system.information_schema.column_masks m USING (table_catalog, table_schema, table_name, column_name)
      WHERE c.column_name = 'card_number' AND m.mask_name IS NULL`);
    expect(unmaskedCards).toEqual([{ t: 'analytics.bronze.raw_payments' }]);
  });

  it('describes functions, their parameters and who may execute them', async () => {
    const [routine] = await admin.q("SELECT * FROM system.information_schema.routines WHERE routine_name = 'mask_email'");
    expect(routine).toMatchObject({
      specific_catalog: 'main',
      specific_schema: 'governance',
      specific_name: 'mask_email',
      routine_catalog: 'main',
      routine_schema: 'governance',
      routine_name: 'mask_email',
      routine_owner: 'admins',
      routine_type: 'FUNCTION',
      data_type: 'STRING',
      full_data_type: 'string',
      routine_body: 'SQL',
      routine_definition: expect.stringContaining('regexp_replace'),
      is_deterministic: 'NO',
      security_type: 'DEFINER',
      created: expect.any(Date),
    });
    expect(Object.keys(routine ?? {})).toHaveLength(34);
    expect(
      await admin.q(
        "SELECT parameter_name, data_type, ordinal_position FROM system.information_schema.parameters WHERE specific_name = 'mask_salary'",
      ),
    ).toEqual([{ parameter_name: 'salary', data_type: 'DECIMAL', ordinal_position: 1 }]);
    expect(
      await noRole.q(
        "SELECT grantee, privilege_type, inherited_from FROM system.information_schema.routine_privileges WHERE routine_name = 'mask_ssn'",
      ),
    ).toEqual([{ grantee: 'account users', privilege_type: 'EXECUTE', inherited_from: 'main.governance' }]);
  });

  it('answers SHOW TABLES with database, tableName and isTemporary', async () => {
    expect(await noRole.q('SHOW TABLES IN analytics.gold')).toEqual([
      { database: 'gold', tableName: 'claims_daily', isTemporary: false },
      { database: 'gold', tableName: 'customer_360', isTemporary: false },
      { database: 'gold', tableName: 'marketing_engagement', isTemporary: false },
      { database: 'gold', tableName: 'premium_by_region', isTemporary: false },
    ]);
  });

  it('applies a mask and a row filter through SQL: group members read raw values, others masked or filtered', async () => {
    await admin.q(`CREATE OR REPLACE FUNCTION main.governance.mask_address(address STRING)
      RETURN CASE WHEN is_account_group_member('claims-analytics') THEN address ELSE concat('*** ', split_part(address, ', ', 2)) END`);
    await admin.q('ALTER TABLE analytics.silver.customers ALTER COLUMN address SET MASK main.governance.mask_address');
    const sql = 'SELECT address FROM analytics.silver.customers ORDER BY customer_id LIMIT 3';
    const since = new Date();
    const raw = await claimsMember.sql.q(sql);
    const masked = await noRole.q(sql);
    expect(raw.every((r) => /^\d+ \w+ \w+, \w+$/.test(String(r.address)))).toBe(true);
    expect(masked).toEqual(raw.map((r) => ({ address: `*** ${String(r.address).split(', ')[1]}` })));
    expect(await admin.q("SELECT mask_name FROM system.information_schema.column_masks WHERE column_name = 'address'")).toEqual([
      { mask_name: 'main.governance.mask_address' },
    ]);

    await admin.q(
      "CREATE OR REPLACE FUNCTION main.governance.claims_team_only(r STRING) RETURN is_account_group_member('claims-analytics') OR r = 'APAC'",
    );
    await admin.q('ALTER TABLE analytics.silver.customers SET ROW FILTER main.governance.claims_team_only ON (region)');
    const regions = 'SELECT DISTINCT region FROM analytics.silver.customers ORDER BY 1';
    expect((await claimsMember.sql.q(regions)).length).toBe(4);
    expect(await noRole.q(regions)).toEqual([{ region: 'APAC' }]);
    expect(
      await admin.q("SELECT target_columns, filter_col_usage FROM system.information_schema.row_filters WHERE table_name = 'customers'"),
    ).toEqual([{ target_columns: 'region', filter_col_usage: 'region' }]);
    // Neither function declared RETURNS: the type is derived from the body, as on Databricks.
    expect(
      await admin.q(
        "SELECT routine_name, data_type FROM main.information_schema.routines WHERE routine_name IN ('claims_team_only', 'mask_address') ORDER BY 1",
      ),
    ).toEqual([
      { routine_name: 'claims_team_only', data_type: 'BOOLEAN' },
      { routine_name: 'mask_address', data_type: 'STRING' },
    ]);
    await admin.q('ALTER TABLE analytics.silver.customers DROP ROW FILTER');
    await admin.q('ALTER TABLE analytics.silver.customers ALTER COLUMN address DROP MASK');
    expect((await noRole.q(regions)).length).toBe(4);
    expect((await noRole.q(sql))[0]).toEqual(raw[0]);

    // Each read was recorded for its reader, as a query outside any notebook, job or dashboard.
    const lineage = await pollLineage(claimsMember.userName, 'analytics.silver.customers', since);
    expect(lineage[0]).toMatchObject({
      created_by: claimsMember.userName,
      source_type: 'TABLE',
      target_table_full_name: null,
      entity_type: null,
      statement_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('keeps table_lineage to those granted it, and shows unused grants next to used ones', async () => {
    await expect(noRole.q('SELECT count(*) FROM system.access.table_lineage')).rejects.toThrow(
      /\[INSUFFICIENT_PERMISSIONS\] .*USE CATALOG on Catalog 'system'/,
    );
    // For each direct SELECT or MODIFY grant on gold: did the grantee (or a member, for groups) use it in 30 days?
    const usage = await admin.q(`
      WITH grants AS (
        SELECT grantee, privilege_type, table_catalog || '.' || table_schema || '.' || table_name AS t
        FROM system.information_schema.table_privileges
        WHERE table_catalog = 'analytics' AND table_schema = 'gold' AND privilege_type IN ('SELECT', 'MODIFY') AND table_name = 'premium_by_region'),
      used AS (
        SELECT created_by, source_table_full_name AS t, 'SELECT' AS privilege_type FROM system.access.table_lineage
        WHERE event_date >= date_sub(current_date(), 30) AND source_table_full_name IS NOT NULL
        UNION ALL
        SELECT created_by, target_table_full_name, 'MODIFY' FROM system.access.table_lineage
        WHERE event_date >= date_sub(current_date(), 30) AND target_table_full_name IS NOT NULL)
      SELECT g.grantee, g.privilege_type, count(u.t) AS uses
      FROM grants g LEFT JOIN used u ON u.t = g.t AND u.privilege_type = g.privilege_type AND u.created_by = g.grantee
      GROUP BY ALL ORDER BY 1, 2`);
    const powerbi = usage.filter((r) => /^[0-9a-f-]{36}$/.test(String(r.grantee)));
    expect(powerbi).toEqual([
      { grantee: powerbi[0]?.grantee, privilege_type: 'MODIFY', uses: 0 },
      { grantee: powerbi[0]?.grantee, privilege_type: 'SELECT', uses: expect.any(Number) },
    ]);
    expect(Number(powerbi[1]?.uses)).toBeGreaterThan(50);
  });
});
