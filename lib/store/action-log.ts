// The append-only action log: who did what to which object, with what outcome and which upstream request. Each row
// carries the SHA-256 of its content and of the previous row, so an edited, removed or reordered row shows up in
// verifyActionLog(). Triggers refuse UPDATE/DELETE; the chain catches anyone who edits the database directly.
import 'server-only';
import { createHash } from 'node:crypto';
import { redactValues } from '../log';
import type { Role } from '../roles';
import type { Db, SqlValue } from './engine';

export type Outcome = 'success' | 'failure' | 'partial';

export interface ActionInput {
  actor: string;
  /** 'system': background work that nobody signed in started (rotation recovery, schedules). */
  role: Role | 'system';
  /** '<area>.<verb>', e.g. 'tokens.revoke'. */
  action: string;
  /** '<kind>:<id>', e.g. 'token:8f3a…'. Never a secret value. */
  target: string;
  outcome: Outcome;
  /** Non-secret context (lifetime chosen, error code...). Token-shaped values are masked before storing. */
  detail?: Record<string, unknown>;
  upstreamRequestId?: string | null;
  requestId?: string | null;
  /** The identity used upstream (user name, service principal id). */
  actingAs?: string | null;
}

export interface ActionRecord extends Omit<ActionInput, 'detail'> {
  seq: number;
  at: string;
  detail: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  role: Role | 'system';
  action: string;
  target: string;
  outcome: Outcome;
  detail: string | null;
  upstream_request_id: string | null;
  request_id: string | null;
  acting_as: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

function rowHash(r: Omit<Row, 'hash'>): string {
  const canonical = JSON.stringify([
    r.seq,
    r.at,
    r.actor,
    r.role,
    r.action,
    r.target,
    r.outcome,
    r.detail,
    r.upstream_request_id,
    r.request_id,
    r.acting_as,
    r.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function toRecord(r: Row): ActionRecord {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    role: r.role,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    upstreamRequestId: r.upstream_request_id,
    requestId: r.request_id,
    actingAs: r.acting_as,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function appendAction(db: Db, input: ActionInput, now: Date = new Date()): Promise<ActionRecord> {
  // One transaction: read the last hash and append the next row with nobody writing in between (no forked chain).
  const row = await db.transaction(async (tx) => {
    const last = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM action_log ORDER BY seq DESC LIMIT 1');
    const base: Omit<Row, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at: now.toISOString(),
      actor: input.actor,
      role: input.role,
      action: input.action,
      target: input.target,
      outcome: input.outcome,
      detail: input.detail ? JSON.stringify(redactValues(input.detail)) : null,
      upstream_request_id: input.upstreamRequestId ?? null,
      request_id: input.requestId ?? null,
      acting_as: input.actingAs ?? null,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const full: Row = { ...base, hash: rowHash(base) };
    await tx.run(
      `INSERT INTO action_log (seq, at, actor, role, action, target, outcome, detail, upstream_request_id, request_id, acting_as, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        full.seq,
        full.at,
        full.actor,
        full.role,
        full.action,
        full.target,
        full.outcome,
        full.detail,
        full.upstream_request_id,
        full.request_id,
        full.acting_as,
        full.prev_hash,
        full.hash,
      ],
    );
    return full;
  });
  return toRecord(row);
}

export interface ActionFilter {
  limit?: number;
  /** Keyset paging backwards: only rows older than this seq (never OFFSET). */
  beforeSeq?: number;
  target?: string;
  actor?: string;
  outcome?: Outcome;
  /** An action ('tokens.revoke') or an area prefix ('tokens.'). */
  action?: string;
  /** Only rows written in this time span (inclusive). */
  since?: Date;
  until?: Date;
}

/** Newest first. Only the filters given become conditions (every value a bound parameter). */
export async function listActions(
  db: Db,
  { limit = 100, beforeSeq, target, actor, outcome, action, since, until }: ActionFilter = {},
): Promise<ActionRecord[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (condition: string, ...values: SqlValue[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (beforeSeq !== undefined) add('seq < ?', beforeSeq);
  // `at` is ISO 8601 in UTC, so text order is time order in both engines.
  if (since !== undefined) add('at >= ?', since.toISOString());
  if (until !== undefined) add('at <= ?', until.toISOString());
  if (target !== undefined) add('target = ?', target);
  if (actor !== undefined) add('actor = ?', actor);
  if (outcome !== undefined) add('outcome = ?', outcome);
  if (action?.endsWith('.')) add('substr(action, 1, ?) = ?', action.length, action);
  else if (action !== undefined) add('action = ?', action);
  const rows = await db.all<Row>(
    `SELECT * FROM action_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
    [...params, Math.min(Math.max(limit, 1), 1000)],
  );
  return rows.map(toRecord);
}

/** A position up to which the chain was verified: the seq and the hash that row had then. */
export interface ChainCheckpoint {
  seq: number;
  hash: string;
}

export type ChainCheck =
  { ok: true; rows: number; head: ChainCheckpoint | null } | { ok: false; rows: number; brokenAt: number; reason: string };

const PAGE = 2_000;

/**
 * Walks the chain in pages (the event loop stays free between them). From the start by default; from a checkpoint
 * when given, after checking that the checkpoint row is still the row that was verified. A gap in seq, a changed or
 * re-linked row, or rows missing from the end are reported with the first bad seq.
 */
export async function verifyActionLog(db: Db, from: ChainCheckpoint | null = null): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  if (from) {
    const row = await db.get<{ hash: string }>('SELECT hash FROM action_log WHERE seq = ?', [from.seq]);
    if (!row) return { ok: false, rows: from.seq - 1, brokenAt: from.seq, reason: `row ${from.seq} is missing` };
    if (row.hash !== from.hash)
      return { ok: false, rows: from.seq, brokenAt: from.seq, reason: `row ${from.seq} was changed after it was written` };
    prevHash = from.hash;
    expectedSeq = from.seq + 1;
  }
  let head = from;
  for (;;) {
    const page = await db.all<Row>('SELECT * FROM action_log WHERE seq >= ? ORDER BY seq LIMIT ?', [expectedSeq, PAGE]);
    for (const r of page) {
      if (r.seq !== expectedSeq)
        return { ok: false, rows: expectedSeq - 1, brokenAt: expectedSeq, reason: `row ${expectedSeq} is missing` };
      if (r.prev_hash !== prevHash)
        return { ok: false, rows: r.seq, brokenAt: r.seq, reason: `row ${r.seq} does not link to row ${r.seq - 1}` };
      const { hash, ...rest } = r;
      if (rowHash(rest) !== hash)
        return { ok: false, rows: r.seq, brokenAt: r.seq, reason: `row ${r.seq} was changed after it was written` };
      prevHash = hash;
      head = { seq: r.seq, hash };
      expectedSeq++;
    }
    if (page.length < PAGE) break;
  }
  const rows = expectedSeq - 1;
  const highest = await highestSeqEverWritten(db);
  if (highest > rows) return { ok: false, rows, brokenAt: rows + 1, reason: `rows ${rows + 1}–${highest} are missing from the end` };
  return { ok: true, rows, head };
}

/** Remembered by the engine even after rows are deleted, so rows cut off the end are noticed too. */
async function highestSeqEverWritten(db: Db): Promise<number> {
  const sql =
    db.dialect === 'sqlite'
      ? "SELECT seq AS n FROM sqlite_sequence WHERE name = 'action_log'"
      : 'SELECT high_water AS n FROM action_log_high_water';
  return Number((await db.get<{ n: number }>(sql))?.n ?? 0);
}
