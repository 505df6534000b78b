// When the weekly schedule fires and which week a firing reports on. A run reports the last week that had ended by
// the time it was scheduled, so a run missed while the app was down is recognised at the next start (its week has no
// scheduled report yet) and reports the same week it would have. croner only computes times here: no timers.
import { Cron } from 'croner';
import { lastCompleteWeek } from './week';

function pattern(cron: string, timeZone: string): Cron {
  return new Cron(cron, { timezone: timeZone, paused: true });
}

/** The latest scheduled time at or before `now`, or null if the schedule has never fired (a date-bound pattern). */
export function lastScheduledRun(cron: string, timeZone: string, now: Date): Date | null {
  const job = pattern(cron, timeZone);
  try {
    // previousRuns() leaves out `now` itself, and the run that fires at exactly 06:00 must count as the latest.
    const atNow = job.nextRun(new Date(now.getTime() - 1_000));
    if (atNow && atNow.getTime() <= now.getTime()) return atNow;
    return job.previousRuns(1, now)[0] ?? null;
  } finally {
    job.stop();
  }
}

export function nextScheduledRun(cron: string, timeZone: string, now: Date): Date | null {
  const job = pattern(cron, timeZone);
  try {
    return job.nextRun(now);
  } finally {
    job.stop();
  }
}

/** The week the schedule owes a report for at `now`: the one its latest run reported (or should have). */
export function scheduledWeekDue(cron: string, timeZone: string, now: Date): string | null {
  const last = lastScheduledRun(cron, timeZone, now);
  return last ? lastCompleteWeek(last, timeZone) : null;
}

/**
 * The claim's period: the week plus the hour of the attempt. One instance works on a week in any hour; if it died
 * holding the claim, the next hour's attempt (anywhere) takes the week up again. The store's unique index on
 * scheduled weeks keeps it to one report whatever happens.
 */
export function claimPeriodFor(week: string, now: Date): string {
  return `${week}@${Math.floor(now.getTime() / 3_600_000)}`;
}
