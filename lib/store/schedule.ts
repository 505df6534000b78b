// Scheduled work that must run once per period however many instances share the store (anchoring the action log,
// weekly reports, daily posture snapshots): every instance tries to claim (job, period) and only the one whose insert
// lands does the work. A unique key rather than a lock, so nothing is held while the work runs and a crashed
// instance leaves no lock behind; work that failed gives its claim back, and the next tick (anywhere) tries again.
import 'server-only';
import type { Db } from './engine';

const KEEP_MS = 90 * 86_400_000;

/** True for exactly one caller per (job, period), across every instance on the store. */
export async function claimPeriod(db: Db, job: string, period: string, holder: string, now = Date.now()): Promise<boolean> {
  const res = await db.run(
    'INSERT INTO schedule_runs (job, period, holder, started_at) VALUES (?, ?, ?, ?) ON CONFLICT (job, period) DO NOTHING',
    [job, period, holder, now],
  );
  if (res.changes !== 1) return false;
  await db.run('DELETE FROM schedule_runs WHERE job = ? AND started_at < ?', [job, now - KEEP_MS]);
  return true;
}

/** Gives a claim back (the work failed), so the period is tried again; only the holder can. */
export async function releasePeriod(db: Db, job: string, period: string, holder: string): Promise<void> {
  await db.run('DELETE FROM schedule_runs WHERE job = ? AND period = ? AND holder = ?', [job, period, holder]);
}

/** The period `now` falls in, for a job that runs every `everyMs`: the same string on every instance. */
export function periodOf(now: number, everyMs: number): string {
  return String(Math.floor(now / everyMs));
}
