// The action log's integrity without re-hashing it on every read. The position verified last is kept per process: a
// read checks that this row is unchanged and hashes only the rows after it. The whole chain is verified from its first
// row when the process has no position yet, when the last full pass is older than FULL_EVERY_MS, and on request. The
// anchor (the head exported to the workspace) is read back too, so a log cut short or replaced by an older copy shows.
import 'server-only';
import type { ChainStatus } from '@/lib/activity/contract';
import { getConfig } from '@/lib/config';
import { getBackgroundWorkspace } from '@/lib/databricks/get-workspace';
import { processSingleton } from '@/lib/singleton';
import type { ActionLogKey } from '@/lib/store/action-log-key';
import { verifyActionLog, type ChainAnchor, type ChainCheckpoint } from '@/lib/store/action-log-verify';
import { getActionLogKey } from '@/lib/store/db';
import type { Db } from '@/lib/store/engine';
import { anchorStatus, secretAnchors, type AnchorStore } from './anchor';

const FULL_EVERY_MS = 15 * 60_000;
/** How long an anchor read back is reused (the schedule moves it at most every minute). */
const ANCHOR_READ_MS = 60_000;

type Chain = Omit<ChainStatus, 'anchor'>;

interface State {
  checkpoint: ChainCheckpoint | null;
  fullAt: number | null;
  /** A break stays reported until a full pass says otherwise. */
  broken: Chain | null;
  running: Promise<ChainStatus> | null;
  anchorRead: { anchor: ChainAnchor | null; at: number } | null;
}

const state = processSingleton('action-log-chain', (): State => ({
  checkpoint: null,
  fullAt: null,
  broken: null,
  running: null,
  anchorRead: null,
}));

/** The process's anchors: in the configured scope, as the background identity; null (anchoring off) without one. */
export function processAnchors(): AnchorStore | null {
  return processSingleton('action-log-anchors', () => {
    const config = getConfig();
    const ws = getBackgroundWorkspace(config);
    return ws ? secretAnchors(ws, config.actionLog.anchor.scope, getActionLogKey(config).id) : null;
  });
}

/** Called when this process moved the anchor, so the page shows it without reading it back. */
export function rememberAnchor(anchor: ChainAnchor, now = Date.now()): void {
  state.anchorRead = { anchor, at: now };
}

export interface ChainOptions {
  full?: boolean;
  now?: number;
  key?: ActionLogKey;
  /** Where anchors are read; the process's (or none) when undefined. */
  anchors?: AnchorStore | null;
}

export async function chainStatus(db: Db, opts: ChainOptions = {}): Promise<ChainStatus> {
  const { full = false, now = Date.now() } = opts;
  // Concurrent readers share one pass; a request for a full pass waits for the one in flight, then makes its own.
  if (state.running && full) await state.running.catch(() => undefined);
  state.running ??= (async () => {
    const key = opts.key ?? getActionLogKey();
    const anchors = opts.anchors === undefined ? processAnchors() : opts.anchors;
    const chain = await verify(
      db,
      key,
      full || state.checkpoint === null || state.fullAt === null || now - state.fullAt > FULL_EVERY_MS,
      now,
    );
    const anchor = await anchorStatus(db, anchors, () => readAnchor(anchors!, full, now));
    if (chain.ok && anchor.state === 'broken') return { ...chain, ok: false, brokenAt: anchor.seq, reason: anchor.reason, anchor };
    return { ...chain, anchor };
  })().finally(() => {
    state.running = null;
  });
  return state.running;
}

async function readAnchor(anchors: AnchorStore, fresh: boolean, now: number): Promise<ChainAnchor | null> {
  if (!fresh && state.anchorRead && now - state.anchorRead.at < ANCHOR_READ_MS) return state.anchorRead.anchor;
  const anchor = await anchors.read();
  state.anchorRead = { anchor, at: now };
  return anchor;
}

async function verify(db: Db, key: ActionLogKey, full: boolean, now: number): Promise<Chain> {
  if (!full && state.broken) return state.broken;
  const check = await verifyActionLog(db, key, full ? null : state.checkpoint);
  if (full) state.fullAt = now;
  const fullVerifiedAt = state.fullAt === null ? null : new Date(state.fullAt).toISOString();
  if (!check.ok) {
    state.broken = { ok: false, rows: check.rows, brokenAt: check.brokenAt, reason: check.reason, fullVerifiedAt };
    return state.broken;
  }
  state.broken = null;
  state.checkpoint = check.head;
  return { ok: true, rows: check.rows, fullVerifiedAt, unkeyedRows: check.unkeyedRows };
}
