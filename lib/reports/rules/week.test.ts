import { describe, expect, it } from 'vitest';
import { isIsoWeek, lastCompleteWeek, shiftWeek, weekEnded, weekOf, weekWindow } from './week';

describe('ISO weeks', () => {
  it('names the week of an instant, with years whose week 1 starts in December', () => {
    expect(weekOf(new Date('2026-12-04T21:00:00Z'), 'UTC')).toBe('2026-W49');
    expect(weekOf(new Date('2024-12-30T12:00:00Z'), 'UTC')).toBe('2025-W01');
    expect(weekOf(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
  });

  it('spans Monday midnight to Monday midnight in the time zone', () => {
    expect(weekWindow('2026-W48', 'UTC')).toEqual({
      week: '2026-W48',
      from: new Date('2026-11-23T00:00:00Z'),
      to: new Date('2026-11-30T00:00:00Z'),
    });
    const ams = weekWindow('2026-W48', 'Europe/Amsterdam');
    expect(ams.from).toEqual(new Date('2026-11-22T23:00:00Z'));
    expect(ams.to).toEqual(new Date('2026-11-29T23:00:00Z'));
  });

  it('is 167 hours long when the clocks go forward', () => {
    const w = weekWindow('2026-W13', 'Europe/Amsterdam');
    expect((w.to.getTime() - w.from.getTime()) / 3_600_000).toBe(167);
  });

  it('knows which weeks exist and steps across years', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-48')).toBe(false);
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
  });

  it('defaults to the last complete week, and knows a running week has not ended', () => {
    const friday = new Date('2026-12-04T21:00:00Z');
    expect(lastCompleteWeek(friday, 'UTC')).toBe('2026-W48');
    expect(weekEnded('2026-W48', 'UTC', friday)).toBe(true);
    expect(weekEnded('2026-W49', 'UTC', friday)).toBe(false);
  });
});
