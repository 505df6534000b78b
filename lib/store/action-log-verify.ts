// Verifying the action log: every row links to the one before and carries the hash its content and key give; nothing
// is missing in the middle or cut off the end; and the heads anchored outside the store (a secret in the workspace,
// the weekly reports) are still in it, so a log truncated or replaced by an older copy shows even though such a copy
// is internally consistent.
import 'server-only';
import type { ActionLogKey } from './action-log-key';
import { GENESIS_HASH, rowHash, type Row } from './action-log';
import type { Db } from './engine';

/** A position up to which the chain was verified: the seq and the hash that row had then. */
export interface ChainCheckpoint {
  seq: number;
  hash: string;
}

export type ChainCheck =
  | {
      ok: true;
      rows: number;
      head: ChainCheckpoint | null;
      /** Rows at the start written before the log was keyed (plain SHA-256); 0 for a log keyed from its first row. */
      unkeyedRows: number;
    }
  | { ok: false; rows: number; brokenAt: number; reason: string };

const PAGE = 2_000;

/**
 * Walks the chain in pages (the event loop stays free between them). From the start by default; from a checkpoint
 * when given, after checking that the checkpoint row is still the row that was verified. A gap in seq, a changed or
 * re-linked row, a row chained by another key, or rows missing from the end are reported with the first bad seq.
 */
export async function verifyActionLog(db: Db, key: ActionLogKey, from: ChainCheckpoint | null = null): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  // Unkeyed rows are only ever a prefix: once a keyed row is seen, an unkeyed one is a forgery. A Postgres store
  // started keyed, so it has none at all (an attacker cannot downgrade it to recomputable SHA-256 rows).
  let keyedSeen = db.dialect === 'postgres';
  let unkeyedRows = 0;
  if (from) {
    const row = await db.get<{ hash: string; key_id: string | null }>('SELECT hash, key_id FROM action_log WHERE seq = ?', [from.seq]);
    if (!row) return { ok: false, rows: from.seq - 1, brokenAt: from.seq, reason: `row ${from.seq} is missing` };
    if (row.hash !== from.hash)
      return { ok: false, rows: from.seq, brokenAt: from.seq, reason: `row ${from.seq} was changed after it was written` };
    prevHash = from.hash;
    expectedSeq = from.seq + 1;
    if (!keyedSeen) {
      unkeyedRows = await unkeyedPrefix(db, from.seq);
      keyedSeen = unkeyedRows < from.seq;
    }
  }
  let head = from;
  for (;;) {
    const page = await db.all<Row>('SELECT * FROM action_log WHERE seq >= ? ORDER BY seq LIMIT ?', [expectedSeq, PAGE]);
    for (const r of page) {
      const bad = (reason: string) => ({ ok: false as const, rows: r.seq, brokenAt: r.seq, reason });
      if (r.seq !== expectedSeq)
        return { ok: false, rows: expectedSeq - 1, brokenAt: expectedSeq, reason: `row ${expectedSeq} is missing` };
      if (r.prev_hash !== prevHash) return bad(`row ${r.seq} does not link to row ${r.seq - 1}`);
      if (r.key_id === null) {
        if (keyedSeen) return bad(`row ${r.seq} is not keyed, but the log was keyed before it`);
        unkeyedRows++;
      } else {
        keyedSeen = true;
        if (r.key_id !== key.id)
          return bad(`row ${r.seq} was chained with another key (${r.key_id}); Brickwatch is configured with ${key.id}`);
      }
      const { hash, ...rest } = r;
      if (rowHash(rest, key) !== hash) return bad(`row ${r.seq} was changed after it was written`);
      prevHash = hash;
      head = { seq: r.seq, hash };
      expectedSeq++;
    }
    if (page.length < PAGE) break;
  }
  const rows = expectedSeq - 1;
  const highest = await highestSeqEverWritten(db);
  if (highest > rows) return { ok: false, rows, brokenAt: rows + 1, reason: `rows ${rows + 1}–${highest} are missing from the end` };
  return { ok: true, rows, head, unkeyedRows };
}

/** How many rows up to `upTo` precede the first keyed one (the unkeyed rows are a prefix: the full pass checks that). */
async function unkeyedPrefix(db: Db, upTo: number): Promise<number> {
  const first = await db.get<{ seq: number }>('SELECT seq FROM action_log WHERE key_id IS NOT NULL AND seq <= ? ORDER BY seq LIMIT 1', [
    upTo,
  ]);
  return first ? first.seq - 1 : upTo;
}

/** Remembered by the engine even after rows are deleted, so rows cut off the end are noticed too. */
async function highestSeqEverWritten(db: Db): Promise<number> {
  const sql =
    db.dialect === 'sqlite'
      ? "SELECT seq AS n FROM sqlite_sequence WHERE name = 'action_log'"
      : 'SELECT high_water AS n FROM action_log_high_water';
  return Number((await db.get<{ n: number }>(sql))?.n ?? 0);
}

/** A chain head exported outside the store: where it was written says when. */
export interface ChainAnchor extends ChainCheckpoint {
  /** When the head was anchored (ISO). */
  at: string;
}

export type AnchorCheck = { ok: true } | { ok: false; brokenAt: number; reason: string };

/**
 * Whether the store still holds the anchored row with the anchored hash. With a chain that verifies, that means
 * nothing up to the anchor was rewritten: a log cut short, or replaced by an older copy, lacks the row; a log rebuilt
 * from scratch (however consistent) has another hash there, which nobody without the key can make match.
 */
export async function checkAnchor(db: Db, anchor: ChainAnchor): Promise<AnchorCheck> {
  const row = await db.get<{ hash: string }>('SELECT hash FROM action_log WHERE seq = ?', [anchor.seq]);
  if (!row)
    return {
      ok: false,
      brokenAt: anchor.seq,
      reason: `row ${anchor.seq}, anchored at ${anchor.at}, is missing: the log was truncated or replaced by an older copy`,
    };
  if (row.hash !== anchor.hash)
    return {
      ok: false,
      brokenAt: anchor.seq,
      reason: `row ${anchor.seq} is not the row anchored at ${anchor.at}: the log was rewritten or replaced by another copy`,
    };
  return { ok: true };
}
