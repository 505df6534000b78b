import { describe, expect, it } from 'vitest';
import { AUDIT_CATEGORY_IDS } from './categories';
import { axisOf, bucketIndexOf, denseCounts, stackByCategory } from './series';

const window = { from: new Date('2026-11-27T10:30:00Z'), to: new Date('2026-11-27T14:00:00Z'), bucket: 'hour' as const };

describe('axisOf', () => {
  it('starts at the bucket containing from', () => {
    expect(axisOf(window)).toEqual({ start: Date.parse('2026-11-27T10:00:00Z'), size: 3_600_000, count: 4 });
  });
});

describe('denseCounts', () => {
  it('zero-fills missing buckets and ignores rows outside the axis', () => {
    const axis = axisOf(window);
    const counts = denseCounts(axis, [
      { bucket: new Date('2026-11-27T12:00:00Z'), count: 5 },
      { bucket: new Date('2026-11-27T10:00:00Z'), count: 2 },
      { bucket: new Date('2026-11-27T14:00:00Z'), count: 99 },
      { bucket: new Date('2026-11-27T09:00:00Z'), count: 99 },
    ]);
    expect(counts).toEqual([2, 0, 5, 0]);
    expect(bucketIndexOf(axis, new Date('2026-11-27T13:59:59.999Z'))).toBe(3);
  });
});

describe('stackByCategory', () => {
  it('returns every category in a fixed order with totals', () => {
    const stacked = stackByCategory(window, [
      { bucket: new Date('2026-11-27T11:00:00Z'), category: 'signin', count: 7 },
      { bucket: new Date('2026-11-27T13:00:00Z'), category: 'signin', count: 1 },
      { bucket: new Date('2026-11-27T13:00:00Z'), category: 'secrets', count: 3 },
    ]);
    expect(stacked.series.map((s) => s.category)).toEqual([...AUDIT_CATEGORY_IDS]);
    expect(stacked.series.find((s) => s.category === 'signin')).toEqual({ category: 'signin', counts: [0, 7, 0, 1], total: 8 });
    expect(stacked.series.find((s) => s.category === 'tokens')?.counts).toEqual([0, 0, 0, 0]);
    expect(stacked.total).toBe(11);
  });
});
