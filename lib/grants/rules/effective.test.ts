import { describe, expect, it } from 'vitest';
import { buildPrincipalIndex } from '@/lib/principals/rules';
import { effectiveAccess, indexGrants, type DirectGrant, type ReadTarget } from './effective';

const index = buildPrincipalIndex({
  users: [
    { id: 'u1', name: 'ann@hp.com', displayName: 'Ann', active: true, kind: 'user' },
    { id: 'u2', name: 'bo@hp.com', displayName: 'Bo', active: true, kind: 'user' },
    { id: 'u3', name: 'cy@hp.com', displayName: 'Cy', active: false, kind: 'user' },
    { id: 's1', name: 'app-1', displayName: 'etl', active: true, kind: 'service_principal' },
  ],
  groups: [
    { id: 'g1', displayName: 'analysts', memberIds: ['u1', 'g2'] },
    { id: 'g2', displayName: 'juniors', memberIds: ['u2'] },
    { id: 'g3', displayName: 'engineers', memberIds: ['s1', 'u3'] },
  ],
});

const target: ReadTarget = {
  fullName: 'analytics.gold.sales',
  type: 'TABLE',
  owner: 'engineers',
  schemaOwner: null,
  catalogOwner: null,
};

const g = (principal: string, securable: string, privilege: string): DirectGrant => ({
  principal,
  securable,
  type: securable.split('.').length === 1 ? 'CATALOG' : securable.split('.').length === 2 ? 'SCHEMA' : 'TABLE',
  privilege,
});

describe('effective read access', () => {
  it('needs USE CATALOG, USE SCHEMA and SELECT together, each possibly from a different group', () => {
    const grants = indexGrants([
      g('users', 'analytics', 'USE_CATALOG'),
      g('analysts', 'analytics.gold', 'USE SCHEMA'),
      g('juniors', 'analytics.gold', 'SELECT'),
      g('ann@hp.com', 'analytics.gold.sales', 'SELECT'),
    ]);
    const readers = effectiveAccess(index).readers(target, grants);
    expect(readers.map((r) => r.principal.name)).toEqual(['ann@hp.com', 'bo@hp.com']);
    const bo = readers.find((r) => r.principal.name === 'bo@hp.com')!;
    // Bo reads through juniors, nested in analysts for USE SCHEMA; the route names the SELECT grant and the path.
    expect(bo.via).toEqual([{ kind: 'grant', grantee: 'juniors', securable: 'analytics.gold', privilege: 'SELECT', groups: ['juniors'] }]);
    expect(readers.find((r) => r.principal.name === 'ann@hp.com')!.via[0]).toMatchObject({ grantee: 'ann@hp.com', groups: [] });
  });

  it('does not count SELECT without USE SCHEMA, nor MANAGE as reading', () => {
    const grants = indexGrants([
      g('users', 'analytics', 'USE CATALOG'),
      g('ann@hp.com', 'analytics.gold.sales', 'SELECT'),
      g('bo@hp.com', 'analytics', 'USE SCHEMA'),
      g('bo@hp.com', 'analytics.gold.sales', 'MANAGE'),
    ]);
    expect(effectiveAccess(index).readers(target, grants)).toEqual([]);
  });

  it('lets ALL PRIVILEGES stand for each condition and USE SCHEMA on the catalog reach the schema', () => {
    const grants = indexGrants([g('analysts', 'analytics', 'ALL PRIVILEGES'), g('juniors', 'analytics', 'USE_SCHEMA')]);
    const readers = effectiveAccess(index).readers(target, grants);
    expect(readers.map((r) => r.principal.name)).toEqual(['ann@hp.com', 'bo@hp.com']);
    expect(readers[1]!.via[0]).toMatchObject({ grantee: 'analysts', privilege: 'ALL PRIVILEGES', groups: ['analysts', 'juniors'] });
  });

  it('gives owners everything below what they own, but not the USE CATALOG above it', () => {
    const ownsTable = effectiveAccess(index).readers(target, indexGrants([g('engineers', 'analytics.gold', 'USE SCHEMA')]));
    expect(ownsTable).toEqual([]);
    const withCatalog = effectiveAccess(index).readers(
      target,
      indexGrants([g('engineers', 'analytics', 'USE CATALOG'), g('engineers', 'analytics.gold', 'USE SCHEMA')]),
    );
    // The deactivated member is still listed (a screen marks it), the service principal reads as owner.
    expect(withCatalog.map((r) => [r.principal.name, r.principal.status, r.via[0]!.kind])).toEqual([
      ['app-1', 'active', 'owner'],
      ['cy@hp.com', 'deactivated', 'owner'],
    ]);
    const catalogOwner = effectiveAccess(index).readers({ ...target, owner: null, catalogOwner: 'bo@hp.com' }, indexGrants([]));
    expect(catalogOwner.map((r) => r.principal.name)).toEqual(['bo@hp.com']);
  });

  it('leaves out names nobody in the directory has', () => {
    const grants = indexGrants([
      g('gone@hp.com', 'analytics', 'ALL PRIVILEGES'),
      g('users', 'analytics', 'USE CATALOG'),
      g('users', 'analytics.gold', 'USE SCHEMA'),
    ]);
    expect(effectiveAccess(index).readers({ ...target, owner: null }, grants)).toEqual([]);
  });

  it('answers for one principal with every route, or null', () => {
    const grants = indexGrants([
      g('users', 'analytics', 'USE CATALOG'),
      g('users', 'analytics.gold', 'USE SCHEMA'),
      g('analysts', 'analytics.gold', 'SELECT'),
      g('bo@hp.com', 'analytics.gold.sales', 'SELECT'),
    ]);
    const access = effectiveAccess(index);
    expect(access.routesFor('bo@hp.com', target, grants)?.map((r) => r.grantee)).toEqual(['bo@hp.com', 'analysts']);
    expect(access.routesFor('app-1', { ...target, owner: null }, grants)).toBeNull();
    expect(access.routesFor('app-1', target, grants)?.map((r) => r.kind)).toEqual(['owner']);
  });

  it('reads volumes with READ VOLUME', () => {
    const grants = indexGrants([
      g('users', 'analytics', 'USE CATALOG'),
      g('users', 'analytics.gold', 'USE SCHEMA'),
      g('users', 'analytics.gold', 'SELECT'),
      { principal: 'juniors', securable: 'analytics.gold.files', type: 'VOLUME', privilege: 'READ_VOLUME' },
    ]);
    const readers = effectiveAccess(index).readers({ ...target, fullName: 'analytics.gold.files', type: 'VOLUME', owner: null }, grants);
    expect(readers.map((r) => r.principal.name)).toEqual(['bo@hp.com']);
  });

  it('answers each object of a schema on its own, with what the schema passes down shared', () => {
    const grants = indexGrants([
      g('users', 'analytics', 'USE CATALOG'),
      g('users', 'analytics.gold', 'USE SCHEMA'),
      g('juniors', 'analytics.gold', 'SELECT'),
      g('ann@hp.com', 'analytics.gold.sales', 'SELECT'),
    ]);
    const access = effectiveAccess(index);
    const sales = access.readers({ ...target, owner: null }, grants);
    const other = access.readers({ ...target, fullName: 'analytics.gold.other', owner: null }, grants);
    expect(sales.map((r) => r.principal.name)).toEqual(['ann@hp.com', 'bo@hp.com']);
    expect(other.map((r) => r.principal.name)).toEqual(['bo@hp.com']);
    const ownedByEngineers = access.readers({ ...target, fullName: 'analytics.gold.third' }, grants);
    expect(ownedByEngineers.map((r) => r.principal.name)).toEqual(['app-1', 'bo@hp.com', 'cy@hp.com']);
  });
});
