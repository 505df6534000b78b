// The daily posture snapshot as the background identity (service mode's service principal, or the one configured for
// background work in user mode), once per UTC day across every instance on the store. Without a background identity
// it is off: each person's first view of the day takes one as them instead (snapshots.ts), and the page says so.
import 'server-only';
import { getBackgroundWorkspace } from '@/lib/databricks/get-workspace';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/singleton';
import { snapshotIfDue } from './snapshots';

/** Checked hourly: the first tick of a new day (on any instance) takes it; a failed one is retried next tick. */
const TICK_MS = 3_600_000;

export function startPostureSnapshotWorker(): void {
  processSingleton('posture-snapshot-worker', () => {
    const ws = getBackgroundWorkspace();
    if (!ws) {
      log.info('posture.daily_snapshot_off', { reason: 'no background identity: snapshots are taken when a person opens the page' });
      return null;
    }
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      snapshotIfDue(ws, 'daily')
        .then((taken) => taken && log.info('posture.daily_snapshot', { score: taken.snapshot.score, measured: taken.snapshot.measured }))
        .catch((e: unknown) => log.warn('posture.daily_snapshot_failed', { error: e }))
        .finally(() => {
          running = false;
        });
    };
    const timer = setInterval(tick, TICK_MS);
    timer.unref();
    tick();
    return timer;
  });
}
