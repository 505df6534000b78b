// Dates and numbers as a report shows them: the week's days in the report's time zone, counts with separators.
const num = new Intl.NumberFormat('en-US');

export function formatCount(n: number | null, unit?: 'count' | 'percent' | 'score'): string {
  if (n === null) return '—';
  return unit === 'percent' ? `${num.format(n)}%` : num.format(n);
}

/** "23–29 Nov 2026": Monday to Sunday of the window (its end is the next Monday's midnight). */
export function weekDays(window: { from: string; to: string }, timeZone: string): string {
  const from = new Date(window.from);
  const lastDay = new Date(new Date(window.to).getTime() - 1);
  const day = (d: Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone, ...opts }).format(d);
  const sameMonth = day(from, { month: 'short', year: 'numeric' }) === day(lastDay, { month: 'short', year: 'numeric' });
  return sameMonth
    ? `${day(from, { day: 'numeric' })}–${day(lastDay, { day: 'numeric', month: 'short', year: 'numeric' })}`
    : `${day(from, { day: 'numeric', month: 'short' })} – ${day(lastDay, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

export function formatTime(iso: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "+5", "−3", "no change"; null when either week is unknown. */
export function formatChange(value: number | null, previous: number | null): string | null {
  if (value === null || previous === null) return null;
  const d = value - previous;
  if (d === 0) return 'no change';
  return d > 0 ? `+${num.format(d)}` : `−${num.format(-d)}`;
}
