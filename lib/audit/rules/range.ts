// Time windows for audit views. A preset is a window ending now; a custom window is explicit from/to (what the
// timeline brush writes into the URL). Buckets are UTC hours or UTC days, because event_date — the column the
// warehouse prunes partitions on — is the UTC date of event_time.
import { DomainError } from '@/lib/errors';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const RANGE_PRESETS = ['24h', '7d', '30d', '90d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type Bucket = 'hour' | 'day';

const PRESET_MS: Record<RangePreset, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '90d': 90 * DAY_MS };

/** Audit retention is 365 days; a window a little longer than that still covers it. */
export const MAX_SPAN_MS = 366 * DAY_MS;
/** Hourly buckets beyond a month make charts unreadable and responses large. */
export const MAX_HOURLY_SPAN_MS = 31 * DAY_MS;
/** Windows up to a week default to hourly buckets, longer ones to daily. */
const HOURLY_DEFAULT_MAX_MS = 7 * DAY_MS;

export interface TimeWindow {
  range: RangePreset | 'custom';
  from: Date;
  /** Exclusive. */
  to: Date;
  bucket: Bucket;
}

export interface RangeInput {
  range?: RangePreset;
  from?: Date;
  to?: Date;
  bucket?: Bucket;
}

/** Input a person can fix; routes map it to 400 with this message. */
export class AuditInputError extends DomainError {
  constructor(message: string) {
    super('invalid', 'INVALID_INPUT', message);
  }
}

export function resolveWindow(input: RangeInput, now: Date): TimeWindow {
  let range: TimeWindow['range'];
  let from: Date;
  let to: Date;
  if (input.from || input.to) {
    if (!input.from || !input.to) throw new AuditInputError('Give both from and to, or a range such as 7d.');
    range = 'custom';
    from = input.from;
    // A window reaching into the future is cut at now: there are no events there yet.
    to = input.to.getTime() > now.getTime() ? now : input.to;
    if (from.getTime() >= to.getTime()) throw new AuditInputError('from must be earlier than to (and than now).');
  } else {
    range = input.range ?? '7d';
    to = now;
    from = new Date(now.getTime() - PRESET_MS[range]);
  }
  const span = to.getTime() - from.getTime();
  if (span > MAX_SPAN_MS) throw new AuditInputError('A time window can span at most 366 days (audit retention is 365).');
  const bucket = input.bucket ?? (span <= HOURLY_DEFAULT_MAX_MS ? 'hour' : 'day');
  if (bucket === 'hour' && span > MAX_HOURLY_SPAN_MS) {
    throw new AuditInputError('Hourly buckets are available for windows up to 31 days; use bucket=day.');
  }
  return { range, from, to, bucket };
}

export function bucketMs(bucket: Bucket): number {
  return bucket === 'hour' ? HOUR_MS : DAY_MS;
}

export function floorToBucket(ms: number, bucket: Bucket): number {
  const size = bucketMs(bucket);
  return Math.floor(ms / size) * size;
}

/** Start (epoch ms) of every bucket that overlaps [from, to), oldest first. */
export function bucketStarts(window: Pick<TimeWindow, 'from' | 'to' | 'bucket'>): number[] {
  const size = bucketMs(window.bucket);
  const starts: number[] = [];
  for (let t = floorToBucket(window.from.getTime(), window.bucket); t < window.to.getTime(); t += size) starts.push(t);
  return starts;
}

/** 'YYYY-MM-DD' of the UTC day containing `d`: the value event_date is compared with. */
export function utcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The window as sent to the browser (and shown: "last 7 days, to 14:05 UTC"). */
export interface WindowJson {
  range: TimeWindow['range'];
  from: string;
  to: string;
  bucket: Bucket;
}

export function windowToJson(window: TimeWindow): WindowJson {
  return { range: window.range, from: window.from.toISOString(), to: window.to.toISOString(), bucket: window.bucket };
}

/** What is wrong with a custom range a person typed, said beside the field it is about; empty when it is fine. */
export function customRangeErrors(from: Date | undefined, to: Date | undefined, now: Date): { from?: string; to?: string } {
  const errors: { from?: string; to?: string } = {};
  if (!from || Number.isNaN(from.getTime())) errors.from = 'Enter the date and time the range starts.';
  if (!to || Number.isNaN(to.getTime())) errors.to = 'Enter the date and time the range ends.';
  if (errors.from || errors.to) return errors;
  if (from!.getTime() >= now.getTime()) return { from: 'From must be in the past: there are no events after now.' };
  if (from!.getTime() >= to!.getTime()) return { from: 'From must be before To.' };
  if (Math.min(to!.getTime(), now.getTime()) - from!.getTime() > MAX_SPAN_MS)
    return { from: 'The range can span at most 366 days (the audit log keeps 365).' };
  return errors;
}

/** A window as the custom range's fields start: the view the person is looking at, to the minute. */
export function windowFields(w: Pick<TimeWindow, 'from' | 'to'>): { from: string; to: string } {
  const minute = (d: Date) => d.toISOString().slice(0, 16);
  return { from: minute(w.from), to: minute(w.to) };
}
