import { describe, expect, it } from 'vitest';
import { AuditInputError, bucketStarts, DAY_MS, HOUR_MS, resolveWindow, utcDate, customRangeErrors, windowFields } from './range';

const now = new Date('2026-11-28T07:25:30.000Z');

describe('resolveWindow', () => {
  it('makes presets windows ending now, hourly up to 7 days and daily beyond', () => {
    expect(resolveWindow({ range: '24h' }, now)).toEqual({ range: '24h', from: new Date(now.getTime() - DAY_MS), to: now, bucket: 'hour' });
    expect(resolveWindow({ range: '7d' }, now).bucket).toBe('hour');
    const w90 = resolveWindow({ range: '90d' }, now);
    expect(w90).toMatchObject({ bucket: 'day', to: now });
    expect(now.getTime() - w90.from.getTime()).toBe(90 * DAY_MS);
  });

  it('defaults to the last 7 days', () => {
    expect(resolveWindow({}, now)).toMatchObject({ range: '7d', bucket: 'hour' });
  });

  it('accepts a custom window and cuts it at now', () => {
    const from = new Date('2026-11-27T00:00:00Z');
    const w = resolveWindow({ from, to: new Date('2026-12-05T00:00:00Z') }, now);
    expect(w).toEqual({ range: 'custom', from, to: now, bucket: 'hour' });
    expect(resolveWindow({ from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') }, now).bucket).toBe('day');
  });

  it('honours an explicit bucket within limits', () => {
    expect(resolveWindow({ range: '30d', bucket: 'hour' }, now).bucket).toBe('hour');
    expect(resolveWindow({ range: '24h', bucket: 'day' }, now).bucket).toBe('day');
    expect(() => resolveWindow({ range: '90d', bucket: 'hour' }, now)).toThrow(/up to 31 days/);
  });

  it('rejects half-open, inverted, future and over-long windows with actionable messages', () => {
    expect(() => resolveWindow({ from: new Date('2026-11-01T00:00:00Z') }, now)).toThrow(AuditInputError);
    expect(() => resolveWindow({ from: now, to: new Date(now.getTime() - 1) }, now)).toThrow(/earlier than to/);
    expect(() => resolveWindow({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z') }, now)).toThrow(/earlier/);
    expect(() => resolveWindow({ from: new Date('2025-01-01T00:00:00Z'), to: now }, now)).toThrow(/366 days/);
  });
});

describe('bucketStarts', () => {
  it('covers a 24h window with 25 hourly buckets when it starts mid-hour', () => {
    const starts = bucketStarts(resolveWindow({ range: '24h' }, now));
    expect(starts).toHaveLength(25);
    expect(new Date(starts[0]!).toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(new Date(starts.at(-1)!).toISOString()).toBe('2026-11-28T07:00:00.000Z');
    expect(starts[1]! - starts[0]!).toBe(HOUR_MS);
  });

  it('uses UTC days for daily buckets, including the partial first and last day', () => {
    const starts = bucketStarts(resolveWindow({ range: '90d' }, now));
    expect(starts).toHaveLength(91);
    expect(new Date(starts[0]!).toISOString()).toBe('2026-08-30T00:00:00.000Z');
    expect(new Date(starts.at(-1)!).toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it('does not add a bucket for an exclusive end on a boundary', () => {
    const w = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z'), bucket: 'day' as const };
    expect(bucketStarts(w)).toHaveLength(2);
  });
});

describe('utcDate', () => {
  it('gives the UTC calendar date', () => {
    expect(utcDate(new Date('2026-11-27T23:59:59.999-02:00'))).toBe('2026-11-28');
  });
});

describe('customRangeErrors', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const at = (iso: string) => new Date(iso);
  it('accepts a range in the past, and one reaching past now (it is cut at now)', () => {
    expect(customRangeErrors(at('2026-12-01T00:00:00Z'), at('2026-12-02T00:00:00Z'), now)).toEqual({});
    expect(customRangeErrors(at('2026-12-01T00:00:00Z'), at('2026-12-09T00:00:00Z'), now)).toEqual({});
  });
  it('says what is wrong beside the field it is about, in words', () => {
    expect(customRangeErrors(at('2026-12-03T00:00:00Z'), at('2026-12-02T00:00:00Z'), now)).toEqual({ from: 'From must be before To.' });
    expect(customRangeErrors(undefined, at('2026-12-02T00:00:00Z'), now)).toEqual({ from: 'Enter the date and time the range starts.' });
    expect(customRangeErrors(at('2026-12-05T00:00:00Z'), at('2026-12-06T00:00:00Z'), now).from).toMatch(/^From must be in the past/);
    expect(customRangeErrors(at('2024-01-01T00:00:00Z'), at('2026-12-01T00:00:00Z'), now).from).toMatch(/at most 366 days/);
  });
  it('starts the fields at the window on screen, to the minute', () => {
    expect(windowFields({ from: at('2026-11-27T12:00:30Z'), to: at('2026-12-04T12:00:59Z') })).toEqual({
      from: '2026-11-27T12:00',
      to: '2026-12-04T12:00',
    });
  });
});
