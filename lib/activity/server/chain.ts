// The action log's integrity without re-hashing it on every read. The position verified last is kept per process: a
// read checks that this row is unchanged and hashes only the rows after it. The whole chain is verified from its first
// row when the process has no position yet, when the last full pass is older than FULL_EVERY_MS, and on request.
import 'server-only';
import type { ChainStatus } from '@/lib/activity/contract';
import { processSingleton } from '@/lib/singleton';
import { verifyActionLog, type ChainCheckpoint } from '@/lib/store/action-log';
import type { Db } from '@/lib/store/engine';

const FULL_EVERY_MS = 15 * 60_000;

interface State {
  checkpoint: ChainCheckpoint | null;
  fullAt: number | null;
  /** A break stays reported until a full pass says otherwise. */
  broken: ChainStatus | null;
  running: Promise<ChainStatus> | null;
}

const state = processSingleton('action-log-chain', (): State => ({ checkpoint: null, fullAt: null, broken: null, running: null }));

export async function chainStatus(db: Db, { full = false, now = Date.now() }: { full?: boolean; now?: number } = {}): Promise<ChainStatus> {
  // Concurrent readers share one pass; a request for a full pass waits for the one in flight, then makes its own.
  if (state.running && full) await state.running.catch(() => undefined);
  state.running ??= verify(
    db,
    full || state.checkpoint === null || state.fullAt === null || now - state.fullAt > FULL_EVERY_MS,
    now,
  ).finally(() => {
    state.running = null;
  });
  return state.running;
}

async function verify(db: Db, full: boolean, now: number): Promise<ChainStatus> {
  if (!full && state.broken) return state.broken;
  const check = await verifyActionLog(db, full ? null : state.checkpoint);
  if (full) state.fullAt = now;
  const fullVerifiedAt = state.fullAt === null ? null : new Date(state.fullAt).toISOString();
  if (!check.ok) {
    state.broken = { ok: false, rows: check.rows, brokenAt: check.brokenAt, reason: check.reason, fullVerifiedAt };
    return state.broken;
  }
  state.broken = null;
  state.checkpoint = check.head;
  return { ok: true, rows: check.rows, fullVerifiedAt };
}
