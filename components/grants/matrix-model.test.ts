import { describe, expect, it } from 'vitest';
import type { MatrixResponse } from '@/lib/grants/contract';
import { buildMatrix, cellText, matrixCsv } from './matrix-model';

const p = (name: string, kind: 'user' | 'group' | 'service_principal' = 'group') => ({
  name,
  kind,
  displayName: name,
  status: 'active' as const,
});
const s = (
  fullName: string,
  type: MatrixResponse['securables'][number]['type'],
  owner: string | null = null,
  objects: number | null = null,
) => ({
  fullName,
  type,
  owner,
  parent: fullName.includes('.') ? fullName.slice(0, fullName.lastIndexOf('.')) : null,
  objects,
});
const response = (over: Partial<MatrixResponse>): MatrixResponse => ({
  view: 'summary',
  notices: [],
  principals: [],
  securables: [],
  grants: [],
  childGrants: [],
  statements: 1,
  truncated: false,
  readAt: 0,
  ...over,
});

const summary = response({
  principals: [p('ann@hp.com', 'user'), p('analysts'), p('app-1', 'service_principal'), p('eng')],
  securables: [
    s('sales', 'CATALOG', 'eng'),
    s('sales.gold', 'SCHEMA', 'eng', 2),
    s('sales.raw', 'SCHEMA', 'eng', 0),
    s('hr', 'CATALOG', 'eng'),
  ],
  grants: [
    { principal: 'analysts', securable: 'sales', privilege: 'USE CATALOG', inheritedFrom: null },
    { principal: 'analysts', securable: 'sales.gold', privilege: 'SELECT', inheritedFrom: null },
  ],
  childGrants: [{ principal: 'ann@hp.com', securable: 'sales.gold', privilege: 'SELECT', objects: 1 }],
});
const gold = response({
  view: 'catalog',
  principals: [p('analysts'), p('ann@hp.com', 'user')],
  securables: [
    s('sales', 'CATALOG', 'eng'),
    s('sales.gold', 'SCHEMA', 'eng'),
    s('sales.gold.orders', 'TABLE', 'ann@hp.com'),
    s('sales.gold.v', 'VIEW'),
  ],
  grants: [
    { principal: 'analysts', securable: 'sales.gold.orders', privilege: 'SELECT', inheritedFrom: 'sales.gold' },
    { principal: 'ann@hp.com', securable: 'sales.gold.v', privilege: 'SELECT', inheritedFrom: null },
  ],
});

describe('the matrix model', () => {
  it('puts groups first, then service principals, then people', () => {
    expect(buildMatrix(summary, new Map(), new Set(), new Set()).principals.map((x) => x.name)).toEqual([
      'analysts',
      'eng',
      'app-1',
      'ann@hp.com',
    ]);
  });

  it('draws catalogs and schemas as a tree; a schema with objects opens by fetching them', () => {
    const closed = buildMatrix(summary, new Map(), new Set(), new Set());
    expect(closed.rows.map((r) => [r.securable.fullName, r.depth, r.expandable, r.expanded])).toEqual([
      ['hr', 0, false, false],
      ['sales', 0, true, true],
      ['sales.gold', 1, true, false],
      ['sales.raw', 1, false, false],
    ]);
    const loading = buildMatrix(summary, new Map([['sales.gold', 'loading']]), new Set(), new Set(['sales.gold']));
    expect(loading.rows[2]).toMatchObject({ expanded: true, loading: true });
    const open = buildMatrix(summary, new Map([['sales.gold', gold]]), new Set(), new Set(['sales.gold']));
    expect(open.rows.map((r) => [r.securable.fullName, r.depth])).toEqual([
      ['hr', 0],
      ['sales', 0],
      ['sales.gold', 1],
      ['sales.gold.orders', 2],
      ['sales.gold.v', 2],
      ['sales.raw', 1],
    ]);
    const folded = buildMatrix(summary, new Map([['sales.gold', gold]]), new Set(['sales']), new Set(['sales.gold']));
    expect(folded.rows.map((r) => r.securable.fullName)).toEqual(['hr', 'sales']);
  });

  it('tells direct, inherited, owned and inside apart in each cell', () => {
    const m = buildMatrix(summary, new Map([['sales.gold', gold]]), new Set(), new Set(['sales.gold']));
    expect(m.cell('sales.gold', 'analysts')).toEqual({ direct: ['SELECT'], inherited: [], owner: false, inside: [] });
    expect(m.cell('sales.gold.orders', 'analysts')?.inherited).toEqual([{ privilege: 'SELECT', from: 'sales.gold' }]);
    expect(m.cell('sales.gold.orders', 'ann@hp.com')?.owner).toBe(true);
    expect(cellText(m.cell('sales.gold', 'ann@hp.com'))).toBe('SELECT on 1 inside');
    expect(cellText(m.cell('sales', 'eng'))).toBe('OWNER');
  });

  it('searches by name, keeping the ancestors of what matches', () => {
    const m = buildMatrix(summary, new Map([['sales.gold', gold]]), new Set(), new Set(['sales.gold']), 'orders');
    expect(m.rows.map((r) => r.securable.fullName)).toEqual(['sales', 'sales.gold', 'sales.gold.orders']);
  });

  it('exports what is shown as CSV', () => {
    const csv = matrixCsv(buildMatrix(summary, new Map(), new Set(['sales']), new Set()));
    expect(csv.split('\r\n')).toEqual([
      'securable,type,owner,analysts,eng,app-1,ann@hp.com',
      'hr,CATALOG,eng,,OWNER,,',
      'sales,CATALOG,eng,USE CATALOG,OWNER,,',
      '',
    ]);
  });
});
