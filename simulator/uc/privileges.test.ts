import { describe, expect, it } from 'vitest';
import { type Grant, PrivilegeModel, type Securable, normalizePrivilege, privilegeProblem, sqlPrivilege } from './privileges';

const catalog: Securable = { type: 'catalog', fullName: 'analytics', kind: 'catalog' };
const schema: Securable = { type: 'schema', fullName: 'analytics.silver', kind: 'schema' };
const table: Securable = { type: 'table', fullName: 'analytics.silver.customers', kind: 'table' };
const view: Securable = { type: 'table', fullName: 'analytics.silver.v', kind: 'view' };

const g = (securableType: Grant['securableType'], fullName: string, principal: string, privilege: string): Grant => ({
  securableType,
  fullName,
  principal,
  privilege,
});

const owners = new Map([
  ['catalog:analytics', 'data-platform'],
  ['schema:analytics.silver', 'data-platform'],
  ['table:analytics.silver.customers', 'ana@example.com'],
]);

describe('privilege names', () => {
  it('normalises SQL and REST spellings to one form and back', () => {
    expect(normalizePrivilege('use  catalog')).toBe('USE_CATALOG');
    expect(normalizePrivilege('ALL_PRIVILEGES')).toBe('ALL_PRIVILEGES');
    expect(sqlPrivilege('ALL_PRIVILEGES')).toBe('ALL PRIVILEGES');
  });

  it('rejects USAGE as legacy, unknown names, and privileges that do not fit the object', () => {
    expect(privilegeProblem('USAGE', 'catalog')).toMatch(/legacy Hive metastore privilege/);
    expect(privilegeProblem('FLY', 'table')).toMatch(/Unknown privilege FLY/);
    expect(privilegeProblem('USE_CATALOG', 'table')).toMatch(/not applicable to TABLE/);
    expect(privilegeProblem('MODIFY', 'view')).toMatch(/not applicable to VIEW/);
    expect(privilegeProblem('SELECT', 'catalog')).toBeNull();
  });
});

describe('PrivilegeModel', () => {
  it('needs USE CATALOG, USE SCHEMA and SELECT to read a table, in that order', () => {
    const me = new Set(['bo@example.com', 'users']);
    const steps: Grant[] = [];
    const missing = () => new PrivilegeModel(steps, owners).missingForUse(table, me, 'SELECT');
    expect(missing()).toEqual({ privilege: 'USE_CATALOG', on: catalog });
    steps.push(g('catalog', 'analytics', 'users', 'USE_CATALOG'));
    expect(missing()).toEqual({ privilege: 'USE_SCHEMA', on: schema });
    steps.push(g('schema', 'analytics.silver', 'bo@example.com', 'USE_SCHEMA'));
    expect(missing()).toEqual({ privilege: 'SELECT', on: table });
    steps.push(g('catalog', 'analytics', 'users', 'SELECT'));
    expect(missing()).toBeNull();
  });

  it('inherits only privileges grantable on the descendant and names where they came from', () => {
    const model = new PrivilegeModel(
      [
        g('catalog', 'analytics', 'users', 'USE_CATALOG'),
        g('catalog', 'analytics', 'users', 'SELECT'),
        g('table', table.fullName, 'users', 'MODIFY'),
      ],
      owners,
    );
    expect(model.effective(table)).toEqual([
      { principal: 'users', privilege: 'MODIFY' },
      { principal: 'users', privilege: 'SELECT', inheritedFrom: { type: 'catalog', fullName: 'analytics' } },
    ]);
    expect(model.has(schema, new Set(['users']), 'USE_CATALOG')).toBe(false);
  });

  it('expands ALL PRIVILEGES to everything but MANAGE', () => {
    const model = new PrivilegeModel([g('catalog', 'analytics', 'account users', 'ALL_PRIVILEGES')], owners);
    const everyone = new Set(['account users']);
    expect(model.missingForUse(table, everyone, 'SELECT')).toBeNull();
    expect(model.has(table, everyone, 'MODIFY')).toBe(true);
    expect(model.has(view, everyone, 'MODIFY')).toBe(false);
    expect(model.has(table, everyone, 'MANAGE')).toBe(false);
    expect(model.canManage(table, everyone, false)).toBe(false);
  });

  it('lets owners, metastore admins and MANAGE holders with USE rights manage grants', () => {
    const model = new PrivilegeModel(
      [g('schema', schema.fullName, 'stewards', 'MANAGE'), g('catalog', 'analytics', 'stewards', 'USE_CATALOG')],
      owners,
    );
    expect(model.canManage(table, new Set(['ana@example.com']), false)).toBe(true);
    expect(model.canManage(table, new Set(['data-platform']), false)).toBe(true);
    expect(model.canManage(table, new Set(['nobody']), true)).toBe(true);
    expect(model.canManage(table, new Set(['stewards']), false)).toBe(false);
    const withUseSchema = new PrivilegeModel(
      [...model.direct(schema), ...model.direct(catalog), g('schema', schema.fullName, 'stewards', 'USE_SCHEMA')],
      owners,
    );
    expect(withUseSchema.canManage(table, new Set(['stewards']), false)).toBe(true);
    expect(withUseSchema.canManage(catalog, new Set(['stewards']), false)).toBe(false);
  });

  it('gives owners everything below what they own, USE steps included', () => {
    const model = new PrivilegeModel([], owners);
    expect(model.missingForUse(table, new Set(['data-platform']), 'SELECT')).toBeNull();
    expect(model.missingForUse(table, new Set(['ana@example.com']), 'SELECT')).toEqual({ privilege: 'USE_CATALOG', on: catalog });
  });
});
