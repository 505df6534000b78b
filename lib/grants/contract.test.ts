import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  applyBody,
  grantsHref,
  GRANTS_URL,
  legacyGrantsTab,
  matrixQuerySchema,
  scriptQuerySchema,
  whoCanReadQuerySchema,
} from './contract';

const issue = (schema: z.ZodMiniType, value: unknown) => {
  const r = z.safeParse(schema, value);
  return r.success ? null : `${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`;
};

describe('the grants contract', () => {
  it('reads matrix filters, privileges in either spelling, and needs a catalog for a schema', () => {
    expect(z.parse(matrixQuerySchema, { catalog: 'analytics', privilege: 'use_catalog', principalType: 'group' })).toEqual({
      catalog: 'analytics',
      privilege: 'USE CATALOG',
      principalType: 'group',
    });
    expect(z.parse(matrixQuerySchema, { catalog: '', principal: '  ' })).toEqual({});
    expect(issue(matrixQuerySchema, { schema: 'gold' })).toBe('schema: schema needs catalog too');
    expect(issue(matrixQuerySchema, { catalog: 'a.b' })).toMatch(/^catalog: catalog must be one name/);
    expect(issue(matrixQuerySchema, { privilege: 'SELEKT' })).toMatch(/^privilege: privilege must be one of ALL PRIVILEGES/);
  });

  it('takes a GRANT or REVOKE as parts, never SQL', () => {
    expect(
      z.parse(applyBody, {
        action: 'GRANT',
        privileges: ['select', 'USE_SCHEMA'],
        securableType: 'SCHEMA',
        securable: 'a.b',
        principal: 'x y',
      }),
    ).toEqual({ action: 'GRANT', privileges: ['SELECT', 'USE SCHEMA'], securableType: 'SCHEMA', securable: 'a.b', principal: 'x y' });
    expect(issue(applyBody, { action: 'DROP', privileges: ['SELECT'], securableType: 'TABLE', securable: 'a.b.c', principal: 'p' })).toBe(
      'action: action must be GRANT or REVOKE',
    );
    expect(issue(applyBody, { action: 'GRANT', privileges: [], securableType: 'TABLE', securable: 'a.b.c', principal: 'p' })).toBe(
      'privileges: choose at least one privilege',
    );
    expect(
      issue(applyBody, {
        action: 'GRANT',
        privileges: ['SELECT'],
        securableType: 'TABLE',
        securable: 'a.b.c; DROP TABLE x',
        principal: 'p',
      }),
    ).toMatch(/^securable: securable must be a full name/);
    expect(
      issue(applyBody, { action: 'GRANT', privileges: ['SELECT'], securableType: 'TABLE', securable: 'a.b.c', principal: 'p\n' }),
    ).toBeNull();
    expect(
      issue(applyBody, { action: 'GRANT', privileges: ['SELECT'], securableType: 'TABLE', securable: 'a.b.c', principal: 'p\u0000q' }),
    ).toMatch(/control characters/);
  });

  it('asks who can read only tables, views and volumes; scripts by kind of finding', () => {
    expect(issue(whoCanReadQuerySchema, { securable: 'analytics.gold' })).toMatch(/^securable: securable must be a table, view or volume/);
    expect(z.parse(scriptQuerySchema, { format: 'terraform', code: 'no_recorded_use,legacy_usage' })).toEqual({
      format: 'terraform',
      days: 90,
      code: ['no_recorded_use', 'legacy_usage'],
    });
    expect(issue(scriptQuerySchema, { code: 'everything' })).toMatch(/code takes a comma-separated list of/);
  });

  it('keeps a stale or hand-edited page URL usable, field by field', () => {
    const s = GRANTS_URL.parse(new URLSearchParams('tab=findings&catalog=a.b&privilege=select&days=3'));
    expect(s).toEqual({
      catalog: undefined,
      privilege: 'SELECT',
      days: 90,
      schema: undefined,
      principal: undefined,
      principalType: undefined,
      detail: undefined,
      readable: undefined,
      reader: undefined,
      code: undefined,
    });
    expect(GRANTS_URL.serialize({ ...s, catalog: 'sales' }).toString()).toBe('catalog=sales&privilege=SELECT');
  });

  it('gives each tab its route, carrying the filters the tabs share, and sends old ?tab= links there', () => {
    const s = GRANTS_URL.parse(new URLSearchParams('catalog=sales&days=30'));
    expect(grantsHref('findings', s)).toBe('/grants/findings?catalog=sales&days=30');
    expect(grantsHref('access', { ...s, readable: 'sales.crm.customers' })).toBe(
      '/grants/access?catalog=sales&readable=sales.crm.customers&days=30',
    );
    expect(grantsHref('matrix', GRANTS_URL.parse(new URLSearchParams()))).toBe('/grants');
    expect(legacyGrantsTab({ tab: 'findings', code: 'legacy_usage' })).toBe('findings');
    expect(legacyGrantsTab({ tab: 'access' })).toBe('access');
    expect(legacyGrantsTab({ tab: 'matrix' })).toBeNull();
    expect(legacyGrantsTab({ tab: ['access', 'findings'] })).toBeNull();
  });
});
