import { describe, expect, it } from 'vitest';
import { brushWindow, bucketLabel, niceMax, stackTotals, tickIndices, tickLabel } from './chart-scale';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('niceMax', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [11, 20],
    [20, 20],
    [21, 50],
    [999, 1000],
    [1001, 2000],
  ])('%i → %i', (n, max) => {
    expect(niceMax(n)).toBe(max);
  });
});

describe('tickIndices', () => {
  it('labels midnights on a week of hours', () => {
    const axis = { start: Date.parse('2026-11-21T07:00:00Z'), size: HOUR, count: 169 };
    const ticks = tickIndices(axis);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.length).toBeLessThanOrEqual(7);
    for (const i of ticks) expect((axis.start + i * HOUR) % DAY).toBe(0);
  });
  it('spreads labels over daily axes and handles empty ones', () => {
    expect(tickIndices({ start: 0, size: DAY, count: 91 }, 6)).toEqual([0, 16, 32, 48, 64, 80]);
    expect(tickIndices({ start: 0, size: DAY, count: 0 })).toEqual([]);
  });
});

describe('labels', () => {
  it('are UTC', () => {
    expect(tickLabel(Date.parse('2026-11-27T14:00:00Z'), HOUR)).toBe('14:00');
    expect(tickLabel(Date.parse('2026-11-27T00:00:00Z'), HOUR)).toBe('27 Nov');
    expect(bucketLabel(Date.parse('2026-11-27T14:00:00Z'), HOUR)).toBe('27 Nov, 14:00–15:00 UTC');
    expect(bucketLabel(Date.parse('2026-11-27T00:00:00Z'), DAY)).toBe('27 Nov (UTC day)');
  });
});

describe('brushWindow', () => {
  const axis = { start: Date.parse('2026-11-27T00:00:00Z'), size: HOUR, count: 24 };
  it('covers whole buckets in either drag direction', () => {
    const w = brushWindow(axis, 5, 2, new Date('2026-11-28T00:00:00Z'));
    expect(w.from.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(w.to.toISOString()).toBe('2026-11-27T06:00:00.000Z');
  });
  it('stops at the end of the view', () => {
    expect(brushWindow(axis, 20, 30, new Date('2026-11-27T22:30:00Z')).to.toISOString()).toBe('2026-11-27T22:30:00.000Z');
  });
});

describe('stackTotals', () => {
  it('adds series bucket by bucket', () => {
    expect(stackTotals([{ counts: [1, 2, 0] }, { counts: [0, 3, 4] }], 3)).toEqual([1, 5, 4]);
  });
});
