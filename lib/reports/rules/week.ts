// ISO weeks ('2026-W48': Monday to Monday) in a configured time zone, and the exact instants they span. A report
// covers one such week, so its window starts at local midnight on Monday even when that is 23:00 UTC on Sunday, and a
// week with a daylight-saving change is 167 or 169 hours long. Pure: Intl's time-zone data only, no I/O.

export const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

export interface WeekWindow {
  week: string;
  /** Local midnight starting Monday, as an instant. */
  from: Date;
  /** Local midnight starting the next Monday (exclusive). */
  to: Date;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for an IANA zone name this runtime knows ('UTC', 'Europe/Amsterdam'). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function localParts(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far local time in `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant local midnight starts `date` in `timeZone` (the first instant of that day if midnight is skipped). */
export function localMidnight(date: LocalDate, timeZone: string): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day);
  let instant = naive - offsetAt(naive, timeZone);
  // A second pass settles the offset when the first guess fell on the other side of a transition.
  instant = naive - offsetAt(instant, timeZone);
  return new Date(instant);
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(date: LocalDate): number {
  return ((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1;
}

function weekOfDate(date: LocalDate): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const n = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / DAY_MS / 7) + 1;
  return `${thursday.year}-W${String(n).padStart(2, '0')}`;
}

function mondayOf(week: string): LocalDate {
  const m = WEEK_PATTERN.exec(week);
  if (!m) throw new RangeError(`not an ISO week: ${week}`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4: LocalDate = { year, month: 1, day: 4 };
  const monday = addDays(addDays(jan4, 1 - isoWeekday(jan4)), (n - 1) * 7);
  if (n < 1 || weekOfDate(monday) !== week) throw new RangeError(`${week} does not exist (${year} has no week ${n})`);
  return monday;
}

/** True for 'YYYY-Www' naming a week that exists (W53 only in long years). */
export function isIsoWeek(week: string): boolean {
  try {
    mondayOf(week);
    return true;
  } catch {
    return false;
  }
}

/** The ISO week the instant falls in, in `timeZone`. */
export function weekOf(instant: Date, timeZone: string): string {
  const p = localParts(instant.getTime(), timeZone);
  return weekOfDate(p);
}

export function weekWindow(week: string, timeZone: string): WeekWindow {
  const monday = mondayOf(week);
  return { week, from: localMidnight(monday, timeZone), to: localMidnight(addDays(monday, 7), timeZone) };
}

export function shiftWeek(week: string, by: number): string {
  return weekOfDate(addDays(mondayOf(week), by * 7));
}

/** The last week that has ended by `now` (the default a report covers). */
export function lastCompleteWeek(now: Date, timeZone: string): string {
  return shiftWeek(weekOf(now, timeZone), -1);
}

/** Whether the week has ended by `now` (a report of a week still running would be incomplete). */
export function weekEnded(week: string, timeZone: string, now: Date): boolean {
  return weekWindow(week, timeZone).to.getTime() <= now.getTime();
}
