// The code scan's runs: one running at a time across every instance, with progress and a heartbeat, so a run whose
// instance died is seen as interrupted and another may start; a cancel request any instance can make.
import 'server-only';
import type { Db } from './engine';

/** A running scan beats every HEARTBEAT_MS; one silent for STALE_MS has stopped (its instance crashed or restarted). */
export const CODE_SCAN_HEARTBEAT_MS = 1_000;
export const CODE_SCAN_STALE_MS = 30_000;

export type RunKind = 'manual' | 'scheduled';
export type RunMode = 'incremental' | 'full';
export type RunState = 'running' | 'completed' | 'cancelled' | 'failed';

export interface StoredRun {
  id: string;
  kind: RunKind;
  mode: RunMode;
  startedBy: string;
  actingAs: string;
  state: RunState;
  holder: string;
  startedAt: number;
  heartbeatAt: number;
  finishedAt: number | null;
  cancelRequested: boolean;
  /** JSON counts, as the scanner reports them. */
  progress: string;
  error: string | null;
}

export class CodeScanConflictError extends Error {
  constructor(readonly running: StoredRun) {
    super(`A code scan is already running (${running.id}, started by ${running.startedBy})`);
    this.name = 'CodeScanConflictError';
  }
}

interface RunRow {
  id: string;
  kind: RunKind;
  mode: RunMode;
  started_by: string;
  acting_as: string;
  state: RunState;
  holder: string;
  started_at: number;
  heartbeat_at: number;
  finished_at: number | null;
  cancel_requested: number;
  progress: string;
  error: string | null;
}

const RUN_COLUMNS =
  'id, kind, mode, started_by, acting_as, state, holder, started_at, heartbeat_at, finished_at, cancel_requested, progress, error';

const toRun = (r: RunRow): StoredRun => ({
  id: r.id,
  kind: r.kind,
  mode: r.mode,
  startedBy: r.started_by,
  actingAs: r.acting_as,
  state: r.state,
  holder: r.holder,
  startedAt: Number(r.started_at),
  heartbeatAt: Number(r.heartbeat_at),
  finishedAt: r.finished_at === null ? null : Number(r.finished_at),
  cancelRequested: Number(r.cancel_requested) === 1,
  progress: r.progress,
  error: r.error,
});

export async function runningRun(db: Db): Promise<StoredRun | null> {
  const row = await db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM code_scan_runs WHERE state = 'running'`);
  return row ? toRun(row) : null;
}

export async function getRun(db: Db, id: string): Promise<StoredRun | null> {
  const row = await db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM code_scan_runs WHERE id = ?`, [id]);
  return row ? toRun(row) : null;
}

/** The newest finished run (any outcome), and the newest completed one. */
export async function latestRuns(db: Db): Promise<{ latest: StoredRun | null; completed: StoredRun | null }> {
  const [latest, completed] = await Promise.all([
    db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM code_scan_runs WHERE state <> 'running' ORDER BY started_at DESC LIMIT 1`),
    db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM code_scan_runs WHERE state = 'completed' ORDER BY started_at DESC LIMIT 1`),
  ]);
  return { latest: latest ? toRun(latest) : null, completed: completed ? toRun(completed) : null };
}

/** Failed scheduled runs since `since`, so a failing schedule is retried a few times per period, not every minute. */
export async function failedScheduledSince(db: Db, since: number): Promise<number> {
  const row = await db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM code_scan_runs WHERE kind = 'scheduled' AND state = 'failed' AND started_at >= ?",
    [since],
  );
  return Number(row?.n ?? 0);
}

const INTERRUPTED = 'Interrupted: the Brickwatch instance running this scan stopped before it finished.';

/** Closes a running run whose holder stopped beating (or is known dead), so nobody waits on it. */
export async function closeStaleRun(db: Db, now = Date.now(), holderIsDead: (holder: string) => boolean = () => false): Promise<void> {
  const open = await runningRun(db);
  if (!open || (now - open.heartbeatAt <= CODE_SCAN_STALE_MS && !holderIsDead(open.holder))) return;
  await db.run(
    "UPDATE code_scan_runs SET state = 'failed', finished_at = ?, error = ? WHERE id = ? AND state = 'running' AND heartbeat_at = ?",
    [now, INTERRUPTED, open.id, open.heartbeatAt],
  );
}

/**
 * Starts a run, unless one is running: a run whose holder stopped beating is closed as failed first (its instance
 * died), so a crash never blocks scanning. Check and insert in one transaction; the unique index backs it up.
 */
export async function insertRun(
  db: Db,
  run: Omit<StoredRun, 'state' | 'heartbeatAt' | 'finishedAt' | 'cancelRequested' | 'error'>,
  now = Date.now(),
  /** True for a holder known to be dead (a process on this host that is gone): its run is taken over at once. */
  holderIsDead: (holder: string) => boolean = () => false,
): Promise<StoredRun> {
  return db.transaction(async (tx) => {
    const open = await runningRun(tx);
    if (open && now - open.heartbeatAt <= CODE_SCAN_STALE_MS && !holderIsDead(open.holder)) throw new CodeScanConflictError(open);
    if (open)
      await tx.run("UPDATE code_scan_runs SET state = 'failed', finished_at = ?, error = ? WHERE id = ? AND state = 'running'", [
        now,
        INTERRUPTED,
        open.id,
      ]);
    await tx.run(`INSERT INTO code_scan_runs (${RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, NULL, 0, ?, NULL)`, [
      run.id,
      run.kind,
      run.mode,
      run.startedBy,
      run.actingAs,
      run.holder,
      run.startedAt,
      now,
      run.progress,
    ]);
    return (await getRun(tx, run.id))!;
  });
}

/** Records progress and the heartbeat; answers whether someone asked (here or on another instance) to cancel. */
export async function beat(db: Db, id: string, progress: string, now = Date.now()): Promise<{ cancelRequested: boolean }> {
  await db.run("UPDATE code_scan_runs SET progress = ?, heartbeat_at = ? WHERE id = ? AND state = 'running'", [progress, now, id]);
  const row = await db.get<{ cancel_requested: number }>('SELECT cancel_requested FROM code_scan_runs WHERE id = ?', [id]);
  return { cancelRequested: Number(row?.cancel_requested ?? 0) === 1 };
}

export async function requestCancel(db: Db, id: string): Promise<boolean> {
  const res = await db.run("UPDATE code_scan_runs SET cancel_requested = 1 WHERE id = ? AND state = 'running'", [id]);
  return res.changes === 1;
}

export async function finishRun(
  db: Db,
  id: string,
  outcome: { state: Exclude<RunState, 'running'>; progress: string; error: string | null },
  now = Date.now(),
): Promise<void> {
  await db.run(
    "UPDATE code_scan_runs SET state = ?, progress = ?, error = ?, finished_at = ?, heartbeat_at = ? WHERE id = ? AND state = 'running'",
    [outcome.state, outcome.progress, outcome.error, now, now, id],
  );
}
