// The input of the posture check "No hard-coded credentials in notebooks or repos", for the Posture area: the newest
// completed scan's coverage and its findings (masked, with owners), or "not collected: no scan yet". Read from the
// store (the directory only for owners' names, cached), so Posture can evaluate it on every page view and snapshot.
import 'server-only';
import type { CodeScanCheckInput } from '@/lib/code-scan/contract';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { latestRuns, runningRun } from '@/lib/store/code-scan-runs';
import { getDb } from '@/lib/store/db';
import type { Db } from '@/lib/store/engine';
import { findingsView } from './views';

export async function codeScanPostureInput(ws: Workspace, db: Db = getDb()): Promise<CodeScanCheckInput> {
  const [{ completed }, running] = await Promise.all([latestRuns(db), runningRun(db)]);
  if (!completed || completed.finishedAt === null) return { collected: false, reason: 'no scan yet' };
  const view = await findingsView(ws, db);
  return {
    collected: true,
    completedAt: new Date(completed.finishedAt).toISOString(),
    actingAs: completed.actingAs,
    coverage: view.coverage,
    findings: view.findings,
    notices: view.notices,
    running: running !== null,
  };
}
