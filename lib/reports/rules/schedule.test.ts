import { describe, expect, it } from 'vitest';
import { claimPeriodFor, lastScheduledRun, nextScheduledRun, scheduledWeekDue } from './schedule';

const MONDAYS = '0 6 * * 1';
const at = (iso: string) => new Date(iso);

describe('the weekly schedule', () => {
  it('owes nothing new between runs: on Friday the due week is the one Monday reported', () => {
    // Friday 4 December 2026; Monday 30 November 06:00 reported week 48 (23–29 November).
    expect(lastScheduledRun(MONDAYS, 'UTC', at('2026-12-04T21:00:00Z'))).toEqual(at('2026-11-30T06:00:00Z'));
    expect(scheduledWeekDue(MONDAYS, 'UTC', at('2026-12-04T21:00:00Z'))).toBe('2026-W48');
  });

  it('counts the run firing at this very moment', () => {
    expect(scheduledWeekDue(MONDAYS, 'UTC', at('2026-12-07T06:00:00Z'))).toBe('2026-W49');
    expect(scheduledWeekDue(MONDAYS, 'UTC', at('2026-12-07T05:59:59Z'))).toBe('2026-W48');
  });

  it('finds the missed week at the next start: an app down over Monday morning still owes that Monday’s week', () => {
    // Down from Sunday evening to Tuesday noon: the Monday 06:00 run never happened.
    const restart = at('2026-12-08T12:00:00Z');
    expect(lastScheduledRun(MONDAYS, 'UTC', restart)).toEqual(at('2026-12-07T06:00:00Z'));
    expect(scheduledWeekDue(MONDAYS, 'UTC', restart)).toBe('2026-W49');
  });

  it('reads the cron and the weeks in the configured time zone', () => {
    // 06:00 in Amsterdam is 05:00 UTC in winter; the week ends at local midnight (23:00 UTC Sunday).
    expect(lastScheduledRun(MONDAYS, 'Europe/Amsterdam', at('2026-12-07T05:30:00Z'))).toEqual(at('2026-12-07T05:00:00Z'));
    expect(scheduledWeekDue(MONDAYS, 'Europe/Amsterdam', at('2026-12-07T05:30:00Z'))).toBe('2026-W49');
    expect(scheduledWeekDue(MONDAYS, 'UTC', at('2026-12-07T05:30:00Z'))).toBe('2026-W48');
  });

  it('reports the last complete week even when the schedule fires mid-week', () => {
    expect(scheduledWeekDue('0 9 * * 3', 'UTC', at('2026-12-10T10:00:00Z'))).toBe('2026-W49');
  });

  it('says when it runs next', () => {
    expect(nextScheduledRun(MONDAYS, 'UTC', at('2026-12-04T21:00:00Z'))).toEqual(at('2026-12-07T06:00:00Z'));
  });

  it('claims a week per hour of attempts, so a claim left by a crashed instance expires with the hour', () => {
    expect(claimPeriodFor('2026-W48', at('2026-11-30T06:00:00Z'))).toBe(claimPeriodFor('2026-W48', at('2026-11-30T06:59:59Z')));
    expect(claimPeriodFor('2026-W48', at('2026-11-30T07:00:00Z'))).not.toBe(claimPeriodFor('2026-W48', at('2026-11-30T06:59:59Z')));
  });
});
