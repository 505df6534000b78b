// When a scheduled scan is due. The schedule keeps findings fresh once a first scan has run: it never starts scanning
// a workspace nobody has asked about, and a schedule that keeps failing stops trying until its failures age out.

export interface ScheduleState {
  now: number;
  everyMs: number;
  /** When the newest completed scan (of any kind) finished; null before the first. */
  lastCompletedAt: number | null;
  running: boolean;
  /** Scheduled runs that failed within the last interval. */
  recentFailures: number;
}

export const MAX_FAILURES_PER_INTERVAL = 3;

export type ScheduleDecision = { due: true } | { due: false; why: 'no-first-scan' | 'running' | 'fresh' | 'failing' };

export function scheduledScanDue(s: ScheduleState): ScheduleDecision {
  if (s.lastCompletedAt === null) return { due: false, why: 'no-first-scan' };
  if (s.running) return { due: false, why: 'running' };
  if (s.now - s.lastCompletedAt < s.everyMs) return { due: false, why: 'fresh' };
  if (s.recentFailures >= MAX_FAILURES_PER_INTERVAL) return { due: false, why: 'failing' };
  return { due: true };
}
