// Scheduled code scans: incremental, as the background identity, once per interval across every instance sharing the
// store (a claimed period, as the anchor worker does), after a first scan has completed. Off without a background
// identity or with BRICKWATCH_CODE_SCAN_INTERVAL_HOURS=0; the screen says which.
import 'server-only';
import { scheduledScanDue } from '@/lib/code-scan/rules/schedule';
import { getConfig } from '@/lib/config';
import { getBackgroundWorkspace, type Workspace } from '@/lib/databricks/get-workspace';
import { log } from '@/lib/log';
import { instanceId, processSingleton } from '@/lib/singleton';
import { CodeScanConflictError, failedScheduledSince, latestRuns, runningRun } from '@/lib/store/code-scan-runs';
import { getDb } from '@/lib/store/db';
import type { Db } from '@/lib/store/engine';
import { claimPeriod, periodOf, releasePeriod } from '@/lib/store/schedule';
import { startScan } from './run';

export const CODE_SCAN_JOB = 'code-scan';
const TICK_MS = 5 * 60_000;

/** One tick: starts a scheduled scan when one is due and this instance claims the period; the run's id, else null. */
export async function scanIfDue(db: Db, ws: Workspace, everyMs: number, now = Date.now()): Promise<string | null> {
  const [{ completed }, running, recentFailures] = await Promise.all([
    latestRuns(db),
    runningRun(db),
    failedScheduledSince(db, now - everyMs),
  ]);
  const decision = scheduledScanDue({
    now,
    everyMs,
    lastCompletedAt: completed?.finishedAt ?? null,
    running: running !== null,
    recentFailures,
  });
  if (!decision.due) return null;
  const period = periodOf(now, everyMs);
  if (!(await claimPeriod(db, CODE_SCAN_JOB, period, instanceId(), now))) return null;
  try {
    const run = await startScan({ ws, db, kind: 'scheduled', mode: 'incremental', startedBy: 'schedule' });
    log.info('code_scan.scheduled', { scan: run.id });
    return run.id;
  } catch (e) {
    await releasePeriod(db, CODE_SCAN_JOB, period, instanceId());
    if (e instanceof CodeScanConflictError) return null;
    throw e;
  }
}

/** Starts the schedule in this process (once); a no-op when scheduled scans are off. */
export function startCodeScanWorker(): void {
  processSingleton('code-scan-worker', () => {
    const config = getConfig();
    const ws = getBackgroundWorkspace(config);
    const everyMs = config.codeScan.everyMs;
    if (!ws || everyMs === null) {
      log.info('code_scan.schedule_off', { reason: ws ? 'BRICKWATCH_CODE_SCAN_INTERVAL_HOURS=0' : 'no background identity' });
      return null;
    }
    let ticking = false;
    const tick = () => {
      if (ticking) return;
      ticking = true;
      scanIfDue(getDb(), ws, everyMs)
        .catch((e: unknown) => log.warn('code_scan.schedule_failed', { error: e }))
        .finally(() => {
          ticking = false;
        });
    };
    const timer = setInterval(tick, Math.min(everyMs, TICK_MS));
    timer.unref();
    tick();
    return timer;
  });
}
