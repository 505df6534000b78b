import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import { ApiError, type Principal, type RestResponse } from '../core/contract';
import { Router } from '../http/router';
import { type TestWarehouse, startTestWarehouse } from '../sql/test-server';
import { fixtureGroups, fixtureTokens, people, prepareFixture } from '../uc/test-fixture';
import { unityCatalogRoutes } from './unity-catalog';

describe('Unity Catalog REST and SQL are one state', () => {
  let w: TestWarehouse;
  let router: Router;
  const sql: Record<string, IDBSQLSession> = {};
  const q = async (who: string, text: string) => (await (await sql[who]!.executeStatement(text)).fetchAll()) as Array<Record<string, unknown>>;
  const call = async (who: Principal, method: string, path: string, body: unknown = {}): Promise<{ status: number; body: Record<string, unknown> }> => {
    const [p, qs] = path.split('?') as [string, string | undefined];
    const m = router.match(method, p);
    if (!m) throw new Error(`no route ${method} ${p}`);
    try {
      const res: RestResponse = await m.route.handler({
        method, path: p, params: m.params, query: new URLSearchParams(qs), body, principal: who,
        meta: { requestId: 'r1', sourceIp: '10.1.2.3', userAgent: 'rest-test' },
      } as never);
      return { status: res.status ?? 200, body: (res.body ?? {}) as Record<string, unknown> };
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, body: { error_code: err.errorCode, message: err.message } };
      throw err;
    }
  };
  beforeAll(async () => {
    w = await startTestWarehouse({ tokens: fixtureTokens, groups: fixtureGroups, prepare: prepareFixture });
    router = new Router();
    router.add(unityCatalogRoutes({ db: w.db, audit: w.audit, directory: w.directory }));
    for (const who of ['admin', 'cy', 'steward']) sql[who] = await (await w.client(`tok-${who}`)).openSession();
  });
  afterAll(() => w.close());

  it('grants over REST what SQL then enforces and shows, and SQL revokes what REST then no longer lists', async () => {
    const schemaGrant = await call(people.admin, 'PATCH', '/api/2.1/unity-catalog/permissions/schema/analytics.silver', {
      changes: [{ principal: 'cy@example.com', add: ['USE SCHEMA'] }],
    });
    expect(schemaGrant.status).toBe(200);
    expect(schemaGrant.body.privilege_assignments).toContainEqual({ principal: 'cy@example.com', privileges: ['USE_SCHEMA'] });
    await call(people.admin, 'PATCH', '/api/2.1/unity-catalog/permissions/table/analytics.silver.customers', {
      changes: [{ principal: 'cy@example.com', add: ['SELECT'] }],
    });
    expect(await q('cy', 'SELECT count(*) AS n FROM analytics.silver.customers')).toEqual([{ n: 3 }]);
    expect(await q('steward', 'SHOW GRANTS `cy@example.com` ON TABLE analytics.silver.customers')).toEqual([
      { principal: 'cy@example.com', actionType: 'SELECT', objectType: 'TABLE', objectKey: 'analytics.silver.customers' },
      { principal: 'cy@example.com', actionType: 'USE SCHEMA', objectType: 'SCHEMA', objectKey: 'analytics.silver' },
    ].slice(0, 1));
    await q('admin', 'REVOKE SELECT ON TABLE analytics.silver.customers FROM `cy@example.com`');
    const after = await call(people.steward, 'GET', '/api/2.1/unity-catalog/permissions/table/analytics.silver.customers');
    expect(after).toEqual({ status: 200, body: { privilege_assignments: [] } });
  });

  it('reports inherited grants with where they come from', async () => {
    const res = await call(people.admin, 'GET', '/api/2.1/unity-catalog/effective-permissions/table/analytics.silver.customers?principal=analysts');
    expect(res.body.privilege_assignments).toEqual([
      { principal: 'analysts', privileges: [{ privilege: 'SELECT', inherited_from_type: 'SCHEMA', inherited_from_name: 'analytics.silver' }] },
    ]);
  });

  it('refuses what Unity Catalog refuses, with REST error shapes, and audits the attempts', async () => {
    expect(await call(people.cy, 'PATCH', '/api/2.1/unity-catalog/permissions/catalog/analytics', { changes: [{ principal: 'cy@example.com', add: ['SELECT'] }] }))
      .toEqual({ status: 403, body: { error_code: 'PERMISSION_DENIED', message: "User does not have MANAGE on Catalog 'analytics'." } });
    expect((await call(people.admin, 'PATCH', '/api/2.1/unity-catalog/permissions/catalog/analytics', { changes: [{ principal: 'users', add: ['USAGE'] }] })).status).toBe(400);
    expect((await call(people.admin, 'GET', '/api/2.1/unity-catalog/permissions/catalog/nope')).body.error_code).toBe('CATALOG_DOES_NOT_EXIST');
    expect((await call(people.cy, 'GET', '/api/2.1/unity-catalog/permissions/catalog/analytics')).status).toBe(403);
    expect((await call(people.cy, 'GET', '/api/2.1/unity-catalog/permissions/catalog/analytics?principal=users')).body).toEqual({
      privilege_assignments: [{ principal: 'users', privileges: ['USE_CATALOG'] }],
    });
    expect((await call(people.admin, 'GET', '/api/2.1/unity-catalog/permissions/catalog/analytics?max_results=10')).status).toBe(400);
    await w.audit.flush();
    const rows = await q('admin', `SELECT response.status_code AS s, source_ip_address AS ip FROM system.access.audit
      WHERE action_name = 'updatePermissions' AND user_identity.email = 'cy@example.com'`);
    expect(rows).toEqual([{ s: 403, ip: '10.1.2.3' }]);
  });

  it('serves table metadata with masks and row filters set through SQL', async () => {
    await q('admin', 'ALTER TABLE analytics.silver.customers ALTER COLUMN ssn SET MASK analytics.silver.mask_ssn');
    await q('admin', 'ALTER TABLE analytics.silver.customers SET ROW FILTER analytics.silver.us_only ON (region)');
    const res = await call(people.steward, 'GET', '/api/2.1/unity-catalog/tables/analytics.silver.customers');
    expect(res.body).toMatchObject({ full_name: 'analytics.silver.customers', owner: 'data-platform', row_filter: { function_name: 'analytics.silver.us_only', input_column_names: ['region'] } });
    const ssn = (res.body.columns as Array<Record<string, unknown>>).find((c) => c.name === 'ssn');
    expect(ssn).toEqual({ name: 'ssn', type_text: 'string', type_name: 'STRING', position: 2, nullable: true, mask: { function_name: 'analytics.silver.mask_ssn', using_column_names: [] } });
    const list = await call(people.cy, 'GET', '/api/2.1/unity-catalog/tables?catalog_name=analytics&schema_name=silver');
    expect(list).toEqual({ status: 200, body: {} });
  });
});
