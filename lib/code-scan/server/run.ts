// Runs a scan in the background of this process: the request that starts one returns at once with the run, and the
// walk goes on while pages poll its progress from the store. One scan runs at a time across every instance sharing
// the store; a cancel request (from any instance) reaches the walk within a heartbeat. After a complete walk, objects
// the store knew but the walk did not see are checked (gone → removed with their findings; hidden from this identity
// or under a folder that could not be listed → kept, marked stale), and the owners of new findings are looked up.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { ScanProgress, ScanRun } from '@/lib/code-scan/contract';
import { getStatus, exportSource, listWorkspace } from '@/lib/databricks/api/workspace';
import { isDatabricksError } from '@/lib/databricks/errors';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import { log } from '@/lib/log';
import { instanceId, isDeadLocalInstance, processSingleton } from '@/lib/singleton';
import {
  loadObjectStates,
  markStale,
  objectsNeedingOwner,
  removeObjects,
  saveObjects,
  setOwners,
  updateSeen,
  type ObjectState,
} from '@/lib/store/code-scan';
import { beat, CODE_SCAN_HEARTBEAT_MS, finishRun, insertRun, type RunKind, type RunMode } from '@/lib/store/code-scan-runs';
import type { Db } from '@/lib/store/engine';
import { resolveOwners } from './owners';
import { toScanRun } from './views';
import { emptyProgress, Walk, type WalkResult } from './walk';

/** Above this many vanished objects the scan does not ask about each one (an identity that sees far less): all stale. */
const MAX_VANISHED_CHECKS = 500;

interface LocalRun {
  controller: AbortController;
  done: Promise<void>;
}
const local = processSingleton('code-scan-local-runs', () => new Map<string, LocalRun>());

export interface StartScan {
  ws: Workspace;
  db: Db;
  kind: RunKind;
  mode: RunMode;
  /** The person who asked, or "schedule". */
  startedBy: string;
  concurrency?: number;
}

/** Starts a scan and returns its run at once; throws CodeScanConflictError when one is running. */
export async function startScan(req: StartScan): Promise<ScanRun> {
  const progress = emptyProgress();
  const run = await insertRun(
    req.db,
    {
      id: randomUUID(),
      kind: req.kind,
      mode: req.mode,
      startedBy: req.startedBy,
      actingAs: req.ws.actingAs.name,
      holder: instanceId(),
      startedAt: Date.now(),
      progress: JSON.stringify(progress),
    },
    Date.now(),
    isDeadLocalInstance,
  );
  const controller = new AbortController();
  // Every in-flight call listens on the run's signal: as many as the walk's workers, beyond Node's default warning.
  setMaxListeners(0, controller.signal);
  const done = execute(req, run.id, progress, controller).finally(() => local.delete(run.id));
  local.set(run.id, { controller, done });
  return toScanRun(run);
}

/** Stops a scan running in this process at once (a cancel recorded in the store reaches other instances' walks). */
export function abortLocal(id: string): void {
  local.get(id)?.controller.abort();
}

/** For tests and the bench: resolves when a scan started in this process has finished. */
export async function scanFinished(id: string): Promise<void> {
  await local.get(id)?.done;
}

async function execute(req: StartScan, id: string, progress: ScanProgress, controller: AbortController): Promise<void> {
  const { ws, db } = req;
  const signal = controller.signal;
  let current: ScanProgress = progress;
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating) return;
    beating = true;
    beat(db, id, JSON.stringify(current))
      .then((r) => r.cancelRequested && controller.abort())
      .catch((e: unknown) => log.warn('code_scan.heartbeat_failed', { scan: id, error: e }))
      .finally(() => (beating = false));
  }, CODE_SCAN_HEARTBEAT_MS);
  heartbeat.unref();
  const finish = (state: 'completed' | 'cancelled' | 'failed', error: string | null) =>
    finishRun(db, id, { state, progress: JSON.stringify(current), error });

  try {
    const known = await loadObjectStates(db);
    const walk = new Walk({
      upstream: {
        list: (path, s) => listWorkspace(ws.rest, path, s),
        export: (path, kind, s) => exportSource(ws.rest, path, kind, s),
      },
      known,
      mode: req.mode,
      signal,
      concurrency: req.concurrency,
      save: (batch) => saveObjects(db, batch),
    });
    current = walk.progress;
    const result = await walk.run();
    if (signal.aborted) return await finish('cancelled', null);

    current.phase = 'checking';
    await updateSeen(db, result.moved, result.unstale);
    await settleVanished(ws, db, known, result, current, signal);
    if (signal.aborted) return await finish('cancelled', null);

    current.phase = 'owners';
    await setOwners(db, await resolveOwners(ws, await objectsNeedingOwner(db), result.folders, signal));
    if (signal.aborted) return await finish('cancelled', null);

    current.phase = 'done';
    await finish('completed', null);
    log.info('code_scan.completed', { scan: id, ...current, failedBy: undefined });
  } catch (e) {
    if (signal.aborted) {
      await finish('cancelled', null).catch((err: unknown) => log.error('code_scan.finish_failed', { scan: id, error: err }));
      return;
    }
    if (!isDatabricksError(e)) log.error('code_scan.failed', { scan: id, error: e, stack: e instanceof Error ? e.stack : undefined });
    await finish('failed', isDatabricksError(e) ? upstreamReason(e) : 'An unexpected error stopped the scan (see the server log).').catch(
      (err: unknown) => log.error('code_scan.finish_failed', { scan: id, error: err }),
    );
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Known objects the walk did not see: asked about one by one (get-status) unless they sit under a folder the walk
 * could not list. Gone (404, or the path now holds another object) → removed; anything else → stale, kept.
 */
async function settleVanished(
  ws: Workspace,
  db: Db,
  known: ReadonlyMap<string, ObjectState>,
  result: WalkResult,
  progress: ScanProgress,
  signal: AbortSignal,
): Promise<void> {
  const vanished = [...known.values()].filter((k) => !result.seen.has(k.objectId));
  const unlisted = (path: string) => result.unlisted.some((f) => f === '/' || path.startsWith(`${f}/`));
  const stale = vanished.filter((v) => unlisted(v.path)).map((v) => v.objectId);
  let ask = vanished.filter((v) => !unlisted(v.path));
  if (ask.length > MAX_VANISHED_CHECKS) {
    stale.push(...ask.map((v) => v.objectId));
    ask = [];
  }
  const gone: string[] = [];
  const queue = [...ask];
  await Promise.all(
    Array.from({ length: Math.min(8, queue.length) }, async () => {
      for (let v = queue.pop(); v && !signal.aborted; v = queue.pop()) {
        try {
          const now = await getStatus(ws.rest, v.path, signal);
          (now.id !== v.objectId ? gone : stale).push(v.objectId);
        } catch (e) {
          const missing = isDatabricksError(e) && e.status === 404 && e.declaredCode === 'RESOURCE_DOES_NOT_EXIST';
          (missing ? gone : stale).push(v.objectId);
        }
      }
    }),
  );
  if (signal.aborted) return;
  await removeObjects(db, gone);
  await markStale(db, stale);
  progress.removed = gone.length;
  progress.stale = stale.length;
}
