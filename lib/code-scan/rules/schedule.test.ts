import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_INTERVAL, scheduledScanDue, type ScheduleState } from './schedule';

const DAY = 86_400_000;
const state = (over: Partial<ScheduleState> = {}): ScheduleState => ({
  now: 10 * DAY,
  everyMs: DAY,
  lastCompletedAt: 8 * DAY,
  running: false,
  recentFailures: 0,
  ...over,
});

describe('scheduled code scans', () => {
  it('run once the newest completed scan is an interval old', () => {
    expect(scheduledScanDue(state())).toEqual({ due: true });
    expect(scheduledScanDue(state({ lastCompletedAt: 9.5 * DAY }))).toEqual({ due: false, why: 'fresh' });
    expect(scheduledScanDue(state({ lastCompletedAt: 9 * DAY }))).toEqual({ due: true });
  });

  it('never start the first scan of a workspace, nor one beside a running scan', () => {
    expect(scheduledScanDue(state({ lastCompletedAt: null }))).toEqual({ due: false, why: 'no-first-scan' });
    expect(scheduledScanDue(state({ running: true }))).toEqual({ due: false, why: 'running' });
  });

  it('stop retrying a schedule that keeps failing', () => {
    expect(scheduledScanDue(state({ recentFailures: MAX_FAILURES_PER_INTERVAL - 1 }))).toEqual({ due: true });
    expect(scheduledScanDue(state({ recentFailures: MAX_FAILURES_PER_INTERVAL }))).toEqual({ due: false, why: 'failing' });
  });
});
