// The rotation journal: one row per rotation, written (intent) before any upstream call and updated after every
// step, so a crash mid-rotation leaves a row that says exactly what to clean up. It never holds a token value.
//
// Concurrency: at most one open (non-terminal) rotation per token, enforced by a unique partial index, so a second
// admin rotating the same token gets a conflict. A lease says a request is driving the row right now; a row whose
// lease ran out while in a working state was interrupted (crash, restart) and may be recovered by the next admin.
import 'server-only';
import { INITIAL_ROTATION, type RollbackCause, type RotationSnapshot, type RotationState } from '@/lib/tokens/rules/rotation-machine';
import type { Db } from './db';
import { TERMINAL_SQL } from './rotation-journal-migration';

/** Long enough for every step of one rotation (each upstream call times out within seconds). */
export const ROTATION_LEASE_MS = 120_000;

export interface RotationIntent {
  id: string;
  tokenId: string;
  ownerId: string | null;
  ownerName: string | null;
  method: 'own' | 'on_behalf_of';
  applicationId: string | null;
  delivery: 'secret' | 'reveal';
  secretScope: string | null;
  secretKey: string | null;
  lifetimeDays: number;
  /** The new token's comment, carrying the rotation marker. */
  newComment: string;
  actor: string;
  actingAs: string | null;
}

export interface JournalEntry extends RotationIntent, RotationSnapshot {
  createdAt: number;
  updatedAt: number;
  leaseUntil: number;
  deliveryStartedAt: number | null;
}

interface Row {
  id: string;
  token_id: string;
  owner_id: string | null;
  owner_name: string | null;
  method: 'own' | 'on_behalf_of';
  application_id: string | null;
  delivery: 'secret' | 'reveal';
  secret_scope: string | null;
  secret_key: string | null;
  lifetime_days: number;
  new_comment: string;
  state: RotationState;
  new_token_id: string | null;
  rollback_cause: RollbackCause | null;
  last_error: string | null;
  actor: string;
  acting_as: string | null;
  created_at: number;
  updated_at: number;
  lease_until: number;
  delivery_started_at: number | null;
}

function toEntry(r: Row): JournalEntry {
  return {
    id: r.id,
    tokenId: r.token_id,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    method: r.method,
    applicationId: r.application_id,
    delivery: r.delivery,
    secretScope: r.secret_scope,
    secretKey: r.secret_key,
    lifetimeDays: r.lifetime_days,
    newComment: r.new_comment,
    actor: r.actor,
    actingAs: r.acting_as,
    state: r.state,
    newTokenId: r.new_token_id,
    rollbackCause: r.rollback_cause,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    leaseUntil: r.lease_until,
    deliveryStartedAt: r.delivery_started_at,
  };
}

export class RotationConflictError extends Error {
  constructor(readonly existing: JournalEntry) {
    super(`Token ${existing.tokenId} already has an open rotation (${existing.id}, ${existing.state})`);
    this.name = 'RotationConflictError';
  }
}

/** Records the intent with a lease held by the caller; throws RotationConflictError when the token has an open rotation. */
export function insertIntent(db: Db, intent: RotationIntent, now = Date.now()): JournalEntry {
  const insert = db.transaction((): JournalEntry => {
    const open = findOpenRotation(db, intent.tokenId);
    if (open) throw new RotationConflictError(open);
    db.prepare(
      `INSERT INTO rotation_journal (id, token_id, owner_id, owner_name, method, application_id, delivery, secret_scope, secret_key,
         lifetime_days, new_comment, state, new_token_id, rollback_cause, last_error, actor, acting_as, created_at, updated_at, lease_until)
       VALUES (@id, @tokenId, @ownerId, @ownerName, @method, @applicationId, @delivery, @secretScope, @secretKey,
         @lifetimeDays, @newComment, @state, NULL, NULL, NULL, @actor, @actingAs, @now, @now, @leaseUntil)`,
    ).run({ ...intent, state: INITIAL_ROTATION.state, now, leaseUntil: now + ROTATION_LEASE_MS });
    return getRotation(db, intent.id)!;
  });
  // IMMEDIATE: the check and the insert are one write transaction, so two processes cannot both pass the check.
  return insert.immediate();
}

/** Stores the machine's snapshot and renews the lease; called after every step, before the next upstream call. */
export function saveSnapshot(
  db: Db,
  id: string,
  s: RotationSnapshot,
  opts: { now?: number; deliveryStartedAt?: number; release?: boolean } = {},
): JournalEntry {
  const now = opts.now ?? Date.now();
  db.prepare(
    `UPDATE rotation_journal SET state = @state, new_token_id = @newTokenId, rollback_cause = @rollbackCause, last_error = @lastError,
       updated_at = @now, lease_until = @leaseUntil, delivery_started_at = coalesce(@deliveryStartedAt, delivery_started_at)
     WHERE id = @id`,
  ).run({ id, ...s, now, leaseUntil: opts.release ? 0 : now + ROTATION_LEASE_MS, deliveryStartedAt: opts.deliveryStartedAt ?? null });
  return getRotation(db, id)!;
}

/** Takes the lease of a row nobody is driving; false when another request holds it. */
export function claimRotation(db: Db, id: string, now = Date.now()): boolean {
  const res = db
    .prepare('UPDATE rotation_journal SET lease_until = ? WHERE id = ? AND lease_until <= ?')
    .run(now + ROTATION_LEASE_MS, id, now);
  return res.changes === 1;
}

export function getRotation(db: Db, id: string): JournalEntry | null {
  const row = db.prepare('SELECT * FROM rotation_journal WHERE id = ?').get(id) as Row | undefined;
  return row ? toEntry(row) : null;
}

export function findOpenRotation(db: Db, tokenId: string): JournalEntry | null {
  const row = db.prepare(`SELECT * FROM rotation_journal WHERE token_id = ? AND state NOT IN (${TERMINAL_SQL})`).get(tokenId) as
    Row | undefined;
  return row ? toEntry(row) : null;
}

/** Open rotations first (they need someone), then the most recent; newest first within each. */
export function listRotations(db: Db, { limit = 50 }: { limit?: number } = {}): JournalEntry[] {
  const rows = db
    .prepare(`SELECT * FROM rotation_journal ORDER BY (state IN (${TERMINAL_SQL})), updated_at DESC LIMIT ?`)
    .all(Math.min(Math.max(limit, 1), 500)) as Row[];
  return rows.map(toEntry);
}
