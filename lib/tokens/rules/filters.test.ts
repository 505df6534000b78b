import { describe, expect, it } from 'vitest';
import { ownerKey, sortTokenRows, tokenMatcher } from './filters';
import {
  DEFAULT_TOKEN_FILTERS,
  parseTokenFilters,
  searchParamsRecord,
  tokenFiltersToSearchParams,
  tokenFiltersSchema,
  type TokenFilters,
} from '@/lib/tokens/contract';
import { DAY_MS, type TokenRow } from './types';

const NOW = Date.UTC(2026, 10, 28);

function row(id: string, over: Partial<TokenRow> = {}): TokenRow {
  return {
    tokenId: id,
    comment: 'nightly etl',
    creationTime: NOW - 10 * DAY_MS,
    expiryTime: NOW + 60 * DAY_MS,
    lastUsedDay: NOW - DAY_MS,
    createdBy: 'ana@example.com',
    owner: { id: '1', kind: 'user', name: 'ana@example.com', displayName: 'Ana Ruiz', status: 'active' },
    risk: 'low',
    reasons: [],
    daysLeft: 60,
    ...over,
  };
}

const filters = (over: Partial<TokenFilters>): TokenFilters => ({ ...DEFAULT_TOKEN_FILTERS, ...over });
const ids = (rows: TokenRow[], f: Partial<TokenFilters>) => rows.filter(tokenMatcher(filters(f), NOW)).map((r) => r.tokenId);

describe('parseTokenFilters', () => {
  it('defaults to risk, highest first', () => {
    expect(parseTokenFilters(new URLSearchParams(''))).toEqual({ success: true, data: { sort: 'risk', dir: 'desc' } });
  });

  it('parses every filter from a URL', () => {
    const p = new URLSearchParams(
      'risk=high,medium&ownerType=service_principal&owner=etl&expiry=30d&unused=60&q=%20deploy%20&sort=expiry&dir=asc',
    );
    expect(parseTokenFilters(p).data).toEqual({
      risk: ['high', 'medium'],
      ownerType: 'service_principal',
      owner: 'etl',
      expiry: '30d',
      unused: 60,
      q: 'deploy',
      sort: 'expiry',
      dir: 'asc',
    });
  });

  it('accepts Next searchParams records with repeated keys and ignores blanks', () => {
    expect(parseTokenFilters({ risk: ['high', 'low'], q: '', owner: undefined }).data).toEqual({
      risk: ['high', 'low'],
      sort: 'risk',
      dir: 'desc',
    });
  });

  it.each([
    ['risk=severe', 'risk takes a comma-separated list of high, medium, low'],
    ['risk=,', 'risk takes a comma-separated list of high, medium, low'],
    ['ownerType=robot', 'ownerType must be one of user, service_principal, unknown'],
    ['expiry=tomorrow', 'expiry must be one of never, expired, 7d, 30d, 90d'],
    ['unused=ten', 'unused must be a number of days'],
    ['unused=0', 'unused must be at least 1 day'],
    ['unused=2.5', 'unused must be a whole number of days'],
    ['sort=colour', 'sort must be one of risk, expiry, lastUsed, created, owner'],
    ['dir=up', 'dir must be asc or desc'],
    [`q=${'x'.repeat(201)}`, 'search text is at most 200 characters'],
  ])('rejects %s with an actionable message', (qs, message) => {
    const r = parseTokenFilters(new URLSearchParams(qs));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
    expect(r.error?.issues[0]?.path).toEqual([qs.split('=')[0]]);
  });
});

describe('tokenFiltersToSearchParams', () => {
  it('round-trips and omits defaults, in a stable order', () => {
    const f = filters({ risk: ['low', 'high'], unused: 30, q: 'ci' });
    const qs = tokenFiltersToSearchParams(f).toString();
    expect(qs).toBe('risk=high%2Clow&unused=30&q=ci');
    expect(parseTokenFilters(new URLSearchParams(qs)).data).toEqual({ ...f, risk: ['high', 'low'] });
    expect(tokenFiltersToSearchParams(DEFAULT_TOKEN_FILTERS).toString()).toBe('');
  });
});

describe('searchParamsRecord', () => {
  it('joins repeats with commas', () => {
    expect(searchParamsRecord(new URLSearchParams('risk=high&risk=low&q=a'))).toEqual({ risk: 'high,low', q: 'a' });
  });
});

describe('tokenMatcher', () => {
  const sp = { id: '2', kind: 'service_principal' as const, name: 'app-uuid', displayName: 'etl-bot', status: 'active' as const };
  const rows = [
    row('a', { risk: 'high', expiryTime: null, daysLeft: null }),
    row('b', { risk: 'medium', owner: sp, expiryTime: NOW + 5 * DAY_MS, comment: 'Deploy key' }),
    row('c', { expiryTime: NOW - DAY_MS, lastUsedDay: NOW - 90 * DAY_MS }),
    row('d', { expiryTime: NOW + 20 * DAY_MS, lastUsedDay: null, creationTime: NOW - 45 * DAY_MS }),
    row('e', { owner: { id: '9', kind: 'unknown', name: null, displayName: null, status: 'deleted' }, expiryTime: NOW + 80 * DAY_MS }),
  ];

  it('passes everything with no filters', () => {
    expect(ids(rows, {})).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('filters by risk set', () => {
    expect(ids(rows, { risk: ['high', 'medium'] })).toEqual(['a', 'b']);
  });
  it('filters by owner type', () => {
    expect(ids(rows, { ownerType: 'service_principal' })).toEqual(['b']);
    expect(ids(rows, { ownerType: 'unknown' })).toEqual(['e']);
  });
  it('filters by owner key, case-insensitively, including gone owners by #id', () => {
    expect(ids(rows, { owner: 'APP-UUID' })).toEqual(['b']);
    expect(ids(rows, { owner: '#9' })).toEqual(['e']);
    expect(ownerKey(rows[4]!.owner)).toBe('#9');
  });
  it.each([
    ['never', ['a']],
    ['expired', ['c']],
    ['7d', ['b']],
    ['30d', ['b', 'd']],
    ['90d', ['b', 'd', 'e']],
  ] as const)('filters the expiry window %s', (expiry, expected) => {
    expect(ids(rows, { expiry })).toEqual(expected);
  });
  it('filters unused for N days, counting unused tokens from their creation', () => {
    expect(ids(rows, { unused: 40 })).toEqual(['c', 'd']);
    expect(ids(rows, { unused: 60 })).toEqual(['c']);
  });
  it('searches comment, owner, creator and id, case-insensitively', () => {
    expect(ids(rows, { q: 'deploy' })).toEqual(['b']);
    expect(ids(rows, { q: 'ETL-BOT' })).toEqual(['b']);
    expect(ids(rows, { q: 'ana@' })).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('combines filters with AND', () => {
    expect(ids(rows, { risk: ['medium'], expiry: '90d', q: 'nightly' })).toEqual([]);
  });
});

describe('sortTokenRows', () => {
  const rows = () => [
    row('x1', {
      risk: 'medium',
      reasons: [{ code: 'unused', level: 'medium', text: '' }],
      expiryTime: NOW + 9 * DAY_MS,
      lastUsedDay: null,
    }),
    row('x2', {
      risk: 'high',
      reasons: [{ code: 'no_expiry', level: 'high', text: '' }],
      expiryTime: null,
      creationTime: NOW - 99 * DAY_MS,
    }),
    row('x3', {
      risk: 'low',
      expiryTime: NOW + 3 * DAY_MS,
      owner: { id: '5', kind: 'user', name: 'zed@example.com', displayName: 'Zed', status: 'active' },
    }),
    row('x0', { risk: 'medium', reasons: [], expiryTime: NOW + 9 * DAY_MS }),
  ];
  const order = (sort: TokenFilters['sort'], dir: 'asc' | 'desc') => sortTokenRows(rows(), sort, dir).map((r) => r.tokenId);

  it('sorts by risk, then by number of reasons, ties by id', () => {
    expect(order('risk', 'desc')).toEqual(['x2', 'x1', 'x0', 'x3']);
    expect(order('risk', 'asc')).toEqual(['x3', 'x0', 'x1', 'x2']);
  });
  it('puts never-expiring tokens last when sorting by soonest expiry', () => {
    expect(order('expiry', 'asc')).toEqual(['x3', 'x0', 'x1', 'x2']);
  });
  it('puts never-used tokens first when sorting by oldest use', () => {
    expect(order('lastUsed', 'asc')[0]).toBe('x1');
  });
  it('sorts by creation and by owner display name', () => {
    expect(order('created', 'asc')[0]).toBe('x2');
    expect(order('owner', 'desc')[0]).toBe('x3');
  });
});

describe('tokenFiltersSchema as the route wrapper uses it', () => {
  it('accepts arrays for repeated keys and ignores blank values', () => {
    expect(tokenFiltersSchema.parse({ risk: ['high', 'medium'], owner: '', unused: '' })).toEqual({
      risk: ['high', 'medium'],
      sort: 'risk',
      dir: 'desc',
    });
  });
});
