// Time and outcome wording for the audit area. Everything is shown in UTC: buckets are UTC hours and days, and a
// security team comparing notes across time zones needs one clock.
import type { WindowJson } from '@/lib/audit/rules/range';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const short = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const withSeconds = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function formatUtc(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export function formatShortUtc(iso: string): string {
  return short.format(new Date(iso));
}

/** "28 Nov, 09:36:44": a table cell's time, to the second, without the year and zone the header states. */
export function formatCellUtc(iso: string): string {
  return withSeconds.format(new Date(iso));
}

const RANGE_LABELS: Record<WindowJson['range'], string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  custom: 'Custom range',
};

export function describeWindow(w: WindowJson): string {
  return `${RANGE_LABELS[w.range]}: ${formatShortUtc(w.from)} – ${formatShortUtc(w.to)} UTC, ${w.bucket === 'hour' ? 'hourly' : 'daily'}`;
}

export function isFailure(status: number | null): boolean {
  return status !== null && status >= 400;
}

export function outcomeLabel(status: number | null): string {
  if (status === null) return 'no status';
  return isFailure(status) ? `failed (${status})` : `ok (${status})`;
}
