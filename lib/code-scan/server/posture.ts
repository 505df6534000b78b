// The input of the posture check "No hard-coded credentials in notebooks or repos", for the Posture area: the newest
// completed scan's coverage and findings, or "not collected: no scan yet". Read from the store only (no upstream
// call), so Posture can evaluate it on every page view and in daily snapshots.
import 'server-only';
import type { CodeScanCheckInput } from '@/lib/code-scan/contract';
import { coverageCounts, latestRuns, runningRun } from '@/lib/store/code-scan';
import { getDb } from '@/lib/store/db';
import type { Db } from '@/lib/store/engine';
import { toCoverage } from './views';

export async function codeScanCheckInput(db: Db = getDb()): Promise<CodeScanCheckInput> {
  const [{ completed }, running] = await Promise.all([latestRuns(db), runningRun(db)]);
  if (!completed || completed.finishedAt === null) return { collected: false, reason: 'no scan yet' };
  return {
    collected: true,
    completedAt: new Date(completed.finishedAt).toISOString(),
    actingAs: completed.actingAs,
    coverage: toCoverage(await coverageCounts(db)),
    running: running !== null,
  };
}
