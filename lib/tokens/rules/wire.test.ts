import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_FILTERS } from '@/lib/tokens/contract';
import { queryTokens } from './query';
import { DAY_MS, type TokenRecord } from './types';
import { decodeTokenRows, encodeTokenRows, headOfWire } from './wire';

const NOW = Date.UTC(2026, 10, 28, 9);
const ana = { id: '1', kind: 'user' as const, name: 'ana@example.com', displayName: 'Ana', status: 'active' as const };
const bot = { id: '2', kind: 'service_principal' as const, name: 'app-1', displayName: 'etl', status: 'deactivated' as const };

const records: TokenRecord[] = [
  { tokenId: 'a', comment: 'x', creationTime: NOW - DAY_MS, expiryTime: null, lastUsedDay: null, createdBy: 'ana@example.com', owner: ana },
  {
    tokenId: 'b',
    comment: '',
    creationTime: NOW - 99 * DAY_MS,
    expiryTime: NOW + 5 * DAY_MS,
    lastUsedDay: NOW - 80 * DAY_MS,
    createdBy: null,
    owner: bot,
  },
  { tokenId: 'c', comment: 'y', creationTime: NOW - DAY_MS, expiryTime: null, lastUsedDay: NOW, createdBy: 'ana@example.com', owner: ana },
  {
    tokenId: 'd',
    comment: 'z',
    creationTime: NOW - 9 * DAY_MS,
    expiryTime: NOW - DAY_MS,
    lastUsedDay: NOW - 2 * DAY_MS,
    createdBy: 'bo@example.com',
    owner: ana,
  },
];

describe('token wire format', () => {
  const { rows } = queryTokens({ records, usage: null, maxLifetimeDays: 90, filters: DEFAULT_TOKEN_FILTERS, now: NOW });

  it('round-trips every field, including derived risk and days left', () => {
    expect(decodeTokenRows(encodeTokenRows(rows), NOW)).toEqual(rows);
  });

  it('keeps the first rows with only the owners, creators and reasons they use', () => {
    const wire = encodeTokenRows(rows);
    const head = headOfWire(wire, 1);
    expect(decodeTokenRows(head, NOW)).toEqual(rows.slice(0, 1));
    expect(head.owners).toHaveLength(1);
    expect(head.reasons.length).toBeLessThan(wire.reasons.length);
    expect(decodeTokenRows(headOfWire(wire, 3), NOW)).toEqual(rows.slice(0, 3));
    expect(headOfWire(wire, rows.length)).toBe(wire);
  });

  it('stores each owner, creator and reason once', () => {
    const wire = encodeTokenRows(rows);
    expect(wire.owners).toHaveLength(2);
    expect(wire.owners).toEqual(expect.arrayContaining([ana, bot]));
    expect(wire.creators.sort()).toEqual(['ana@example.com', 'bo@example.com']);
    expect(wire.reasons.filter((r) => r.code === 'no_expiry')).toHaveLength(1);
  });
});
