// The append-only action log: who did what to which object, with what outcome and which upstream request. Each row
// carries an HMAC (keyed by configuration, see action-log-key.ts) of its content and of the previous row's, so an
// edited, removed or reordered row shows up in verifyActionLog() (action-log-verify.ts), and nobody without the key can
// forge a replacement. Rows written before the log was keyed keep their plain SHA-256 and stay verifiable as a prefix,
// sealed by the first keyed row. Triggers refuse UPDATE/DELETE; the chain catches anyone who edits the database.
import 'server-only';
import { createHash } from 'node:crypto';
import { redactValues } from '../log';
import type { Role } from '../roles';
import type { ActionLogKey } from './action-log-key';
import type { Db, SqlValue } from './engine';

export type Outcome = 'success' | 'failure' | 'partial';
/** The person's Brickwatch role; 'none' for someone signed in without one, 'system' for background work. */
export type ActionRole = Role | 'none' | 'system';

export interface ActionInput {
  actor: string;
  role: ActionRole;
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
  /** The key that chained the row; null for a row written before the log was keyed. */
  keyId: string | null;
}

export interface Row {
  seq: number;
  at: string;
  actor: string;
  role: ActionRole;
  action: string;
  target: string;
  outcome: Outcome;
  detail: string | null;
  upstream_request_id: string | null;
  request_id: string | null;
  acting_as: string | null;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** How a row's hash is computed: keyed rows by HMAC over their content and key id, older rows by plain SHA-256. */
export function rowHash(r: Omit<Row, 'hash'>, key: ActionLogKey | null): string {
  if (r.key_id !== null) {
    if (!key) throw new Error('a keyed row needs the key');
    return key.mac(JSON.stringify([...canonicalFields(r), r.key_id]));
  }
  return createHash('sha256')
    .update(JSON.stringify(canonicalFields(r)))
    .digest('hex');
}

function canonicalFields(r: Omit<Row, 'hash'>): unknown[] {
  return [
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
  ];
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
    keyId: r.key_id,
  };
}

export async function appendAction(db: Db, key: ActionLogKey, input: ActionInput, now: Date = new Date()): Promise<ActionRecord> {
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
      key_id: key.id,
    };
    const full: Row = { ...base, hash: rowHash(base, key) };
    await tx.run(
      `INSERT INTO action_log (seq, at, actor, role, action, target, outcome, detail, upstream_request_id, request_id, acting_as, prev_hash, hash, key_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        full.key_id,
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

/**
 * Seals a log written before it was keyed: its first keyed row goes in now, at start-up, rather than with the next
 * action, so the unkeyed prefix cannot be rewritten from here on without breaking the link into that row.
 */
export async function sealUnkeyedLog(db: Db, key: ActionLogKey, now: Date = new Date()): Promise<ActionRecord | null> {
  return db.transaction(async (tx) => {
    const last = await tx.get<{ seq: number; key_id: string | null }>('SELECT seq, key_id FROM action_log ORDER BY seq DESC LIMIT 1');
    if (!last || last.key_id !== null) return null;
    return appendAction(
      tx,
      key,
      {
        actor: 'brickwatch',
        role: 'system',
        action: 'activity.log_keyed',
        target: 'action-log',
        outcome: 'success',
        detail: { unkeyedRows: last.seq },
      },
      now,
    );
  });
}
