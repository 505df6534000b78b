// What people do on the code-scan screen: start a scan (analysts and up, read as their workspace identity) and cancel
// one (admins). Every attempt goes to the action log, refused or not.
import 'server-only';
import type { ScanRun, StartScanBody } from '@/lib/code-scan/contract';
import { scanTarget } from '@/lib/code-scan/contract';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import { DomainError } from '@/lib/errors';
import { CodeScanConflictError, getRun, requestCancel } from '@/lib/store/code-scan-runs';
import { getDb } from '@/lib/store/db';
import { abortLocal, startScan } from './run';
import { toScanRun } from './views';

export async function startScanAction(ctx: ActionContext, body: StartScanBody): Promise<ScanRun> {
  const db = ctx.db ?? getDb();
  try {
    const run = await startScan({ ws: ctx.ws, db, kind: 'manual', mode: body.mode, startedBy: ctx.person.userName });
    await recordAction(ctx, 'code-scan.start', scanTarget(run.id), 'success', { mode: body.mode });
    return run;
  } catch (e) {
    if (e instanceof CodeScanConflictError) {
      await recordAction(ctx, 'code-scan.start', scanTarget(e.running.id), 'failure', { mode: body.mode, refused: 'SCAN_RUNNING' });
      throw new DomainError(
        'conflict',
        'SCAN_RUNNING',
        `A scan is already running (started by ${e.running.startedBy}). Wait for it to finish, or cancel it first.`,
      );
    }
    await recordAction(ctx, 'code-scan.start', 'code-scan:new', 'failure', { mode: body.mode, error: 'could not start' });
    throw e;
  }
}

export async function cancelScanAction(ctx: ActionContext, id: string): Promise<ScanRun> {
  const db = ctx.db ?? getDb();
  const asked = await requestCancel(db, id);
  const run = await getRun(db, id);
  if (!asked || !run) {
    await recordAction(ctx, 'code-scan.cancel', scanTarget(id), 'failure', { refused: run ? 'NOT_RUNNING' : 'NOT_FOUND' });
    if (!run) throw new DomainError('not_found', 'SCAN_NOT_FOUND', 'There is no such scan.');
    throw new DomainError(
      'conflict',
      'SCAN_NOT_RUNNING',
      `This scan is no longer running (it ${run.state === 'completed' ? 'completed' : `was ${run.state}`}).`,
    );
  }
  // The walk in this process stops at once; one on another instance at its next heartbeat.
  abortLocal(id);
  await recordAction(ctx, 'code-scan.cancel', scanTarget(id), 'success', {});
  return toScanRun(run);
}
