import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import { fixtureGroups, fixtureTokens, prepareFixture } from '../uc/test-fixture';
import { type TestWarehouse, startTestWarehouse } from './test-server';

describe('Unity Catalog through SQL', () => {
  let w: TestWarehouse;
  const sessions: Record<string, IDBSQLSession> = {};
  const q = async (who: string, sql: string, namedParameters?: Record<string, string>) => {
    const op = await sessions[who]!.executeStatement(sql, namedParameters ? { namedParameters } : {});
    return (await op.fetchAll()) as Array<Record<string, unknown>>;
  };
  beforeAll(async () => {
    w = await startTestWarehouse({ tokens: fixtureTokens, groups: fixtureGroups, prepare: prepareFixture });
    for (const who of ['admin', 'ana', 'bo', 'cy', 'steward']) sessions[who] = await (await w.client(`tok-${who}`)).openSession();
  });
  afterAll(() => w.close());

  it('lets readers with USE CATALOG, USE SCHEMA and SELECT read, and tells others what is missing', async () => {
    expect(await q('bo', 'SELECT id FROM analytics.silver.customers ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    await expect(q('cy', 'SELECT id FROM analytics.silver.customers')).rejects.toThrow(
      "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have USE SCHEMA on Schema 'analytics.silver'. SQLSTATE: 42501",
    );
    await expect(q('cy', 'SELECT count(*) FROM analytics.silver.empty_events')).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
    await expect(q('bo', 'SELECT * FROM analytics.silver.nope')).rejects.toThrow(/^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `analytics`.`silver`.`nope` cannot be found/);
    await expect(q('bo', "SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow(/UNRESOLVED_ROUTINE/);
  });

  it('grants and revokes through SQL with back-quoted principals, and rejects what Unity Catalog rejects', async () => {
    await expect(q('admin', 'GRANT USE SCHEMA, SELECT ON TABLE analytics.silver.customers TO `cy@example.com`')).rejects.toThrow(/^\[INVALID_PRIVILEGE\] Privilege USE SCHEMA is not applicable to TABLE/);
    await q('admin', 'GRANT USE SCHEMA ON SCHEMA analytics.silver TO `cy@example.com`');
    await q('admin', 'GRANT SELECT ON analytics.silver.customers TO `cy@example.com`');
    expect(await q('cy', 'SELECT count(*) AS n FROM analytics.silver.customers')).toEqual([{ n: 3 }]);
    await q('admin', 'REVOKE SELECT ON TABLE analytics.silver.customers FROM `cy@example.com`');
    await q('admin', 'REVOKE SELECT ON TABLE analytics.silver.customers FROM `cy@example.com`');
    await expect(q('cy', 'SELECT count(*) FROM analytics.silver.customers')).rejects.toThrow(/does not have SELECT on Table 'analytics.silver.customers'/);
    await expect(q('admin', 'GRANT USAGE ON CATALOG analytics TO users')).rejects.toThrow(/^\[INVALID_PRIVILEGE\] USAGE is a legacy Hive metastore privilege/);
    await expect(q('admin', 'GRANT SELECT ON CATALOG analytics TO `nobody@example.com`')).rejects.toThrow(/^\[PRINCIPAL_DOES_NOT_EXIST\]/);
    await expect(q('bo', 'GRANT SELECT ON CATALOG analytics TO `bo@example.com`')).rejects.toThrow(/^\[INSUFFICIENT_PERMISSIONS\] User does not have MANAGE on Catalog 'analytics'/);
    await w.audit.flush();
    const audit = await q('admin', `SELECT user_identity.email AS who, request_params['securable_full_name'] AS obj, request_params.changes AS changes,
      response.status_code AS status FROM system.access.audit WHERE service_name = 'unityCatalog' AND action_name = 'updatePermissions' ORDER BY event_time`);
    expect(audit).toContainEqual({ who: 'admin@example.com', obj: 'analytics.silver.customers', changes: '[{"principal":"cy@example.com","add":["SELECT"]}]', status: 200 });
    expect(audit).toContainEqual({ who: 'bo@example.com', obj: 'analytics', changes: '[{"principal":"bo@example.com","add":["SELECT"]}]', status: 403 });
    expect(audit.filter((r) => r.status === 400 || r.status === 404)).toHaveLength(3);
    expect(audit.filter((r) => r.status === 200)).toHaveLength(4);
    const [typed] = await q('admin', "SELECT event_time, event_date, user_identity, request_params FROM system.access.audit WHERE action_name = 'updatePermissions' LIMIT 1");
    expect(typed).toMatchObject({ event_time: expect.any(Date), event_date: expect.any(Date), user_identity: { email: 'admin@example.com', subject_name: null } });
    expect(Object.keys(typed?.request_params as object).sort()).toEqual(['changes', 'metastore_id', 'securable_full_name', 'securable_type']);
  });

  it('shows direct, inherited and owner grants, only to those allowed to see them', async () => {
    const rows = await q('steward', 'SHOW GRANTS ON TABLE analytics.silver.customers');
    expect(rows).toEqual(expect.arrayContaining([
      { principal: 'data-platform', actionType: 'OWN', objectType: 'TABLE', objectKey: 'analytics.silver.customers' },
      { principal: 'analysts', actionType: 'SELECT', objectType: 'SCHEMA', objectKey: 'analytics.silver' },
      { principal: 'users', actionType: 'USE CATALOG', objectType: 'CATALOG', objectKey: 'analytics' },
    ].slice(0, 2)));
    expect(rows.some((r) => r.actionType === 'USE CATALOG')).toBe(false);
    expect(await q('bo', 'SHOW GRANTS `analysts` ON SCHEMA analytics.silver')).toEqual([
      { principal: 'analysts', actionType: 'SELECT', objectType: 'SCHEMA', objectKey: 'analytics.silver' },
      { principal: 'analysts', actionType: 'USE SCHEMA', objectType: 'SCHEMA', objectKey: 'analytics.silver' },
    ]);
    await expect(q('bo', 'SHOW GRANTS ON SCHEMA analytics.silver')).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
  });

  it('applies column masks and row filters per caller, and lists them in information_schema', async () => {
    await q('steward', 'ALTER TABLE analytics.silver.customers ALTER COLUMN ssn SET MASK analytics.silver.mask_ssn');
    await q('admin', 'ALTER TABLE analytics.silver.customers SET ROW FILTER analytics.silver.us_only ON (region)');
    expect(await q('ana', 'SELECT id, ssn FROM analytics.silver.customers ORDER BY id')).toEqual([{ id: 1, ssn: '111-11-1111' }, { id: 3, ssn: '333-33-3333' }]);
    expect(await q('bo', 'SELECT id, ssn FROM analytics.silver.customers ORDER BY id')).toEqual([{ id: 1, ssn: '***-**-****' }, { id: 3, ssn: '***-**-****' }]);
    expect(await q('admin', 'SELECT id FROM analytics.silver.customers ORDER BY id').catch((e: Error) => e.message)).toMatch(/USE SCHEMA/);
    const masks = await q('bo', 'SELECT table_name, column_name, mask_catalog, mask_schema, mask_name, mask_col_usage FROM system.information_schema.column_masks');
    expect(masks).toEqual([{ table_name: 'customers', column_name: 'ssn', mask_catalog: 'analytics', mask_schema: 'silver', mask_name: 'mask_ssn', mask_col_usage: null }]);
    const filters = await q('bo', 'SELECT table_name, filter_name, filter_col_usage FROM analytics.information_schema.row_filters');
    expect(filters).toEqual([{ table_name: 'customers', filter_name: 'us_only', filter_col_usage: 'region' }]);
    await expect(q('bo', 'ALTER TABLE analytics.silver.customers DROP ROW FILTER')).rejects.toThrow(/MANAGE/);
    await q('steward', 'ALTER TABLE analytics.silver.customers DROP ROW FILTER');
    await q('steward', 'ALTER TABLE analytics.silver.customers ALTER COLUMN ssn DROP MASK');
    expect(await q('bo', 'SELECT count(*) AS n, max(ssn) AS s FROM analytics.silver.customers')).toEqual([{ n: 3, s: '333-33-3333' }]);
  });

  it('limits information_schema privilege rows to what the caller may see', async () => {
    const mine = await q('bo', "SELECT DISTINCT grantee FROM system.information_schema.table_privileges WHERE table_name = 'customers'");
    expect(mine.map((r) => r.grantee).sort()).toEqual(['analysts']);
    const all = await q('admin', `SELECT grantee, privilege_type, inherited_from FROM system.information_schema.table_privileges
      WHERE table_name = 'customers' ORDER BY grantee, privilege_type`);
    expect(all).toContainEqual({ grantee: 'analysts', privilege_type: 'SELECT', inherited_from: 'analytics.silver' });
    expect(all.some((r) => r.privilege_type === 'USE_CATALOG')).toBe(false);
    const tables = "SELECT table_catalog || '.' || table_schema || '.' || table_name AS t FROM system.information_schema.tables WHERE table_catalog = 'analytics' ORDER BY 1";
    expect(await q('bo', tables)).toEqual([{ t: 'analytics.silver.customers' }, { t: 'analytics.silver.empty_events' }]);
    expect(await q('cy', tables)).toEqual([]);
    const columns = await q('bo', "SELECT column_name, data_type, full_data_type, ordinal_position FROM analytics.information_schema.columns WHERE table_name = 'customers' AND column_name IN ('id', 'signed_up') ORDER BY 4");
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'BIGINT', full_data_type: 'bigint', ordinal_position: 1 },
      { column_name: 'signed_up', data_type: 'DATE', full_data_type: 'date', ordinal_position: 5 },
    ]);
    const catalogs = await q('cy', 'SELECT catalog_name, privilege_type, inherited_from FROM system.information_schema.catalog_privileges');
    expect(catalogs).toEqual([{ catalog_name: 'analytics', privilege_type: 'USE_CATALOG', inherited_from: 'NONE' }]);
  });

  it('creates SQL functions for masks and refuses masks that cannot apply', async () => {
    const create = "CREATE FUNCTION analytics.silver.nothing(x STRING) RETURN x";
    await expect(q('steward', create)).rejects.toThrow(/does not have CREATE FUNCTION on schema 'analytics.silver'/);
    await q('steward', 'GRANT CREATE FUNCTION ON SCHEMA analytics.silver TO stewards');
    await q('steward', "CREATE OR REPLACE FUNCTION analytics.silver.mask_email(email STRING) RETURNS STRING RETURN CASE WHEN current_user() = 'ana@example.com' THEN email ELSE regexp_replace(email, '^[^@]+', '***') END");
    await q('admin', 'ALTER TABLE analytics.silver.customers ALTER COLUMN email SET MASK analytics.silver.mask_email');
    expect(await q('ana', 'SELECT email FROM analytics.silver.customers WHERE id = 1')).toEqual([{ email: 'a@x.com' }]);
    expect(await q('bo', 'SELECT email FROM analytics.silver.customers WHERE id = 1')).toEqual([{ email: '***@x.com' }]);
    await expect(q('admin', 'ALTER TABLE analytics.silver.customers ALTER COLUMN email SET MASK analytics.silver.nope')).rejects.toThrow(/ROUTINE_NOT_FOUND/);
    await expect(q('admin', 'ALTER TABLE analytics.silver.customers ALTER COLUMN email SET MASK analytics.silver.mask_ssn USING COLUMNS (region)')).rejects.toThrow(/takes 1 argument/);
  });
});
