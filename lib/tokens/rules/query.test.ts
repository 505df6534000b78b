import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_FILTERS } from '@/lib/tokens/contract';
import { assessTokens, queryTokens, selectTokens } from './query';
import { DAY_MS, type TokenRecord } from './types';

const NOW = Date.UTC(2026, 10, 28);

function record(id: string, over: Partial<TokenRecord> = {}): TokenRecord {
  return {
    tokenId: id,
    comment: '',
    creationTime: NOW - 5 * DAY_MS,
    expiryTime: NOW + 45 * DAY_MS,
    lastUsedDay: NOW - DAY_MS,
    createdBy: 'a@example.com',
    owner: { id: '1', kind: 'user', name: 'a@example.com', displayName: 'A', status: 'active' },
    ...over,
  };
}

describe('queryTokens', () => {
  const records = [
    record('healthy'),
    record('forever', { expiryTime: null }),
    record('soon', { expiryTime: NOW + 2 * DAY_MS + 1 }),
    record('shared'),
  ];
  const usage = new Map([['shared', { distinctIps: 12, distinctClients: 1 }]]);

  it('assesses every token, summarises all of them and returns only the matching ones, sorted', () => {
    const result = queryTokens({
      records,
      usage,
      maxLifetimeDays: 90,
      filters: { ...DEFAULT_TOKEN_FILTERS, risk: ['medium'], sort: 'expiry', dir: 'asc' },
      now: NOW,
    });
    expect(result.total).toBe(4);
    expect(result.summary.byRisk).toEqual({ high: 1, medium: 2, low: 1 });
    expect(result.rows.map((r) => [r.tokenId, r.risk, r.daysLeft])).toEqual([
      ['soon', 'medium', 3],
      ['shared', 'medium', 45],
    ]);
    expect(result.rows[1]?.reasons.map((r) => r.code)).toEqual(['possibly_shared']);
  });

  it('does not flag sharing when usage could not be collected', () => {
    const result = queryTokens({ records, usage: null, maxLifetimeDays: 90, filters: DEFAULT_TOKEN_FILTERS, now: NOW });
    expect(result.summary.byReason.possibly_shared).toBeUndefined();
    expect(result.rows.find((r) => r.tokenId === 'forever')?.daysLeft).toBeNull();
    expect(result.rows[0]?.tokenId).toBe('forever');
  });
});

describe('assessTokens and selectTokens', () => {
  it('assess once, select many views without disturbing the assessed rows', () => {
    const records = ['c', 'a', 'b'].map((id, i) => record(id, { expiryTime: NOW + (i + 40) * DAY_MS }));
    const assessed = assessTokens({ records, usage: null, maxLifetimeDays: 90, now: NOW });
    expect(selectTokens(assessed.rows, { ...DEFAULT_TOKEN_FILTERS, sort: 'expiry', dir: 'desc' }, NOW).map((r) => r.tokenId)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(selectTokens(assessed.rows, { ...DEFAULT_TOKEN_FILTERS, sort: 'expiry', dir: 'asc' }, NOW).map((r) => r.tokenId)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(assessed.rows.map((r) => r.tokenId)).toEqual(['c', 'a', 'b']);
    expect(assessed.summary.total).toBe(3);
  });
});
