// TEST ONLY: a small Unity Catalog estate for warehouse and REST tests, and the people who use it.
import type { Principal } from '../core/contract';
import type { SimDb } from '../core/db';
import { addCatalog, addFunction, addGrant, addSchema, addTable, finishCatalog } from './builder';

const person = (id: string, name: string, groups: string[], isAdmin = false): Principal => ({
  kind: 'user', id, name, displayName: name.split('@')[0] as string, active: true, groups: ['users', ...groups], isAdmin,
});

export const people = {
  admin: person('1', 'admin@example.com', ['admins'], true),
  ana: person('2', 'ana@example.com', ['hr', 'analysts']),
  bo: person('3', 'bo@example.com', ['analysts']),
  cy: person('4', 'cy@example.com', []),
  steward: person('5', 'steward@example.com', ['stewards']),
};

export const fixtureTokens = Object.fromEntries(Object.entries(people).map(([k, p]) => [`tok-${k}`, p]));
export const fixtureGroups = ['admins', 'hr', 'analysts', 'stewards', 'data-platform'];

export async function prepareFixture(db: SimDb): Promise<void> {
  await addCatalog(db, 'analytics', 'data-platform');
  await addCatalog(db, 'main', 'admins');
  await addSchema(db, 'main', 'default', 'admins');
  await addSchema(db, 'analytics', 'silver', 'data-platform');
  await addTable(db, {
    catalog: 'analytics', schema: 'silver', name: 'customers', owner: 'data-platform',
    columns: [['id', 'BIGINT'], ['email', 'STRING'], ['ssn', 'STRING'], ['region', 'STRING'], ['signed_up', 'DATE']],
    rowsSql: `SELECT * FROM (VALUES (1, 'a@x.com', '111-11-1111', 'US', DATE '2026-01-01'), (2, 'b@x.com', '222-22-2222', 'EU', DATE '2026-02-01'),
      (3, 'c@x.com', '333-33-3333', 'US', DATE '2026-03-01'))`,
  });
  await addTable(db, {
    catalog: 'analytics', schema: 'silver', name: 'empty_events', owner: 'data-platform', columns: [['id', 'BIGINT']],
  });
  await addFunction(db, 'analytics.silver.mask_ssn', [{ name: 'ssn', type: 'STRING' }], 'STRING',
    "CASE WHEN is_account_group_member('hr') THEN ssn ELSE '***-**-****' END", 'data-platform');
  await addFunction(db, 'analytics.silver.us_only', [{ name: 'region', type: 'STRING' }], 'BOOLEAN',
    "is_account_group_member('admins') OR region = 'US'", 'data-platform');
  await addGrant(db, 'catalog', 'analytics', 'users', 'USE_CATALOG', 'admin@example.com');
  await addGrant(db, 'schema', 'analytics.silver', 'analysts', 'USE_SCHEMA', 'admin@example.com');
  await addGrant(db, 'schema', 'analytics.silver', 'analysts', 'SELECT', 'admin@example.com');
  await addGrant(db, 'schema', 'analytics.silver', 'stewards', 'MANAGE', 'admin@example.com');
  await addGrant(db, 'schema', 'analytics.silver', 'stewards', 'USE_SCHEMA', 'admin@example.com');
  await addGrant(db, 'function', 'analytics.silver.mask_ssn', 'stewards', 'EXECUTE', 'admin@example.com');
  await addGrant(db, 'catalog', 'system', 'admins', 'USE_CATALOG', 'System user');
  await addGrant(db, 'schema', 'system.access', 'admins', 'USE_SCHEMA', 'System user');
  await addGrant(db, 'table', 'system.access.audit', 'admins', 'SELECT', 'System user');
  finishCatalog(db);
}
