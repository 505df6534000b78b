// Turns the warehouse's sparse aggregates (only buckets that have events) into dense, zero-filled series with a
// compact wire shape: bucket start + size + one number per bucket, rather than one object per point.
import { AUDIT_CATEGORY_IDS, type AuditCategory } from './categories';
import { bucketMs, bucketStarts, floorToBucket, type TimeWindow } from './range';

export interface BucketAxis {
  /** Epoch ms of the first bucket (may precede the window's `from` when it starts mid-bucket). */
  start: number;
  size: number;
  count: number;
}

export interface CategoryCount {
  bucket: Date;
  category: AuditCategory;
  count: number;
}

export interface StackedSeries {
  axis: BucketAxis;
  /** Every category, in AUDIT_CATEGORY_IDS order, including those with no events (all zeros). */
  series: Array<{ category: AuditCategory; counts: number[]; total: number }>;
  total: number;
}

export function axisOf(window: Pick<TimeWindow, 'from' | 'to' | 'bucket'>): BucketAxis {
  const starts = bucketStarts(window);
  return { start: starts[0] ?? floorToBucket(window.from.getTime(), window.bucket), size: bucketMs(window.bucket), count: starts.length };
}

/** Index of the bucket containing `at`, or -1 when it falls outside the axis. */
export function bucketIndexOf(axis: BucketAxis, at: Date): number {
  const i = Math.floor((at.getTime() - axis.start) / axis.size);
  return i >= 0 && i < axis.count ? i : -1;
}

export function denseCounts(axis: BucketAxis, rows: ReadonlyArray<{ bucket: Date; count: number }>): number[] {
  const counts = new Array<number>(axis.count).fill(0);
  for (const row of rows) {
    const i = bucketIndexOf(axis, row.bucket);
    if (i >= 0) counts[i]! += row.count;
  }
  return counts;
}

export function stackByCategory(window: Pick<TimeWindow, 'from' | 'to' | 'bucket'>, rows: readonly CategoryCount[]): StackedSeries {
  const axis = axisOf(window);
  const series = AUDIT_CATEGORY_IDS.map((category) => {
    const counts = denseCounts(
      axis,
      rows.filter((r) => r.category === category),
    );
    return { category, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  return { axis, series, total: series.reduce((a, s) => a + s.total, 0) };
}
