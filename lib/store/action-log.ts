// The append-only action log: who did what to which object, with what outcome and which upstream request. Each row
// carries the SHA-256 of its content and of the previous row, so an edited, removed or reordered row shows up in
// verifyActionLog(). Triggers refuse UPDATE/DELETE; the chain catches anyone who edits the file directly.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Role } from '../roles';
import { redact } from '../log';
import type { Db } from './db';

export type Outcome = 'success' | 'failure' | 'partial';

export interface ActionInput {
  actor: string;
  role: Role;
  /** '<area>.<verb>', e.g. 'tokens.revoke'. */
  action: string;
  /** '<kind>:<id>', e.g. 'token:8f3a…'. Never a secret value. */
  target: string;
  outcome: Outcome;
  /** Non-secret context (lifetime chosen, error code...). Sensitive-looking keys are redacted before storing. */
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
  role: Role;
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

export function appendAction(db: Db, input: ActionInput, now: Date = new Date()): ActionRecord {
  // IMMEDIATE: take the write lock before reading the last hash, so two writers cannot fork the chain.
  const append = db.transaction((): Row => {
    const last = db.prepare('SELECT seq, hash FROM action_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const base: Omit<Row, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at: now.toISOString(),
      actor: input.actor,
      role: input.role,
      action: input.action,
      target: input.target,
      outcome: input.outcome,
      detail: input.detail ? JSON.stringify(redact(input.detail)) : null,
      upstream_request_id: input.upstreamRequestId ?? null,
      request_id: input.requestId ?? null,
      acting_as: input.actingAs ?? null,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const row = { ...base, hash: rowHash(base) };
    db.prepare(
      `INSERT INTO action_log (seq, at, actor, role, action, target, outcome, detail, upstream_request_id, request_id, acting_as, prev_hash, hash)
       VALUES (@seq, @at, @actor, @role, @action, @target, @outcome, @detail, @upstream_request_id, @request_id, @acting_as, @prev_hash, @hash)`,
    ).run(row);
    return row;
  });
  return toRecord(append.immediate());
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
}

/** Newest first. */
export function listActions(db: Db, { limit = 100, beforeSeq, target, actor, outcome, action }: ActionFilter = {}): ActionRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM action_log
       WHERE (@before IS NULL OR seq < @before) AND (@target IS NULL OR target = @target) AND (@actor IS NULL OR actor = @actor)
         AND (@outcome IS NULL OR outcome = @outcome) AND (@action IS NULL OR action = @action OR (substr(@action, -1) = '.' AND action LIKE @action || '%'))
       ORDER BY seq DESC LIMIT @limit`,
    )
    .all({
      before: beforeSeq ?? null,
      target: target ?? null,
      actor: actor ?? null,
      outcome: outcome ?? null,
      action: action ?? null,
      limit: Math.min(Math.max(limit, 1), 1000),
    }) as Row[];
  return rows.map(toRecord);
}

export type ChainCheck = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/** Walks the whole chain. A gap in seq, a changed row or a re-linked row is reported with the first bad seq. */
export function verifyActionLog(db: Db): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM action_log ORDER BY seq').iterate() as IterableIterator<Row>) {
    rows++;
    if (r.seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, reason: `row ${expectedSeq} is missing` };
    if (r.prev_hash !== prevHash) return { ok: false, rows, brokenAt: r.seq, reason: `row ${r.seq} does not link to row ${r.seq - 1}` };
    const { hash, ...rest } = r;
    if (rowHash(rest) !== hash) return { ok: false, rows, brokenAt: r.seq, reason: `row ${r.seq} was changed after it was written` };
    prevHash = hash;
    expectedSeq++;
  }
  // AUTOINCREMENT remembers the highest seq ever written, so rows cut off the end are noticed too.
  const highest = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'action_log'").pluck().get() as number | undefined) ?? 0;
  if (highest > rows) return { ok: false, rows, brokenAt: rows + 1, reason: `rows ${rows + 1}–${highest} are missing from the end` };
  return { ok: true, rows };
}
