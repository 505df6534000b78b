// Pure geometry for the hand-rolled SVG charts: nice axis maxima, tick placement, UTC labels and turning a
// brushed bucket range back into a time window.
import type { BucketAxis } from '@/lib/audit/rules/series';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Smallest 1, 2 or 5 × 10^k at or above n (at least 1), so gridlines land on round numbers. */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}

/** Bucket indices to label: about `maxTicks` of them, on midnight boundaries for hourly axes longer than a day. */
export function tickIndices(axis: BucketAxis, maxTicks = 6): number[] {
  if (axis.count === 0) return [];
  const hourly = axis.size === HOUR;
  const candidates: number[] = [];
  if (hourly && axis.count > 36) {
    for (let i = 0; i < axis.count; i++) if ((axis.start + i * axis.size) % DAY === 0) candidates.push(i);
  } else {
    for (let i = 0; i < axis.count; i++) candidates.push(i);
  }
  const every = Math.max(1, Math.ceil(candidates.length / maxTicks));
  return candidates.filter((_, k) => k % every === 0);
}

const dayFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' });

/** Short axis label in UTC: "27 Nov" for days and midnights, "14:00" for other hours. */
export function tickLabel(ms: number, size: number): string {
  return size >= DAY || ms % DAY === 0 ? dayFmt.format(ms) : hourFmt.format(ms);
}

/** Full label of one bucket, e.g. "27 Nov, 14:00–15:00 UTC" or "27 Nov (UTC day)". */
export function bucketLabel(ms: number, size: number): string {
  if (size >= DAY) return `${dayFmt.format(ms)} (UTC day)`;
  return `${dayFmt.format(ms)}, ${hourFmt.format(ms)}–${hourFmt.format(ms + size)} UTC`;
}

/** The time window covered by buckets a..b (either order), cut at the view's end. */
export function brushWindow(axis: BucketAxis, a: number, b: number, end: Date): { from: Date; to: Date } {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(axis.count - 1, Math.max(a, b));
  return { from: new Date(axis.start + lo * axis.size), to: new Date(Math.min(axis.start + (hi + 1) * axis.size, end.getTime())) };
}

/** Sum of every series per bucket. */
export function stackTotals(series: ReadonlyArray<{ counts: readonly number[] }>, count: number): number[] {
  const totals = new Array<number>(count).fill(0);
  for (const s of series) s.counts.forEach((c, i) => (totals[i]! += c));
  return totals;
}
