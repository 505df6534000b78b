// The rotation journal: one row per rotation, written (intent) before any upstream call and updated after every
// step, so a crash mid-rotation leaves a row that says exactly what to clean up. It never holds a token value.
//
// Concurrency: at most one open (non-terminal) rotation per token, enforced by a unique partial index, so a second
// admin rotating the same token gets a conflict. A lease says a request is driving the row right now; a row whose
// lease ran out while in a working state was interrupted (crash, restart) and may be recovered by the next admin.
import 'server-only';
import {
  INITIAL_ROTATION,
  TERMINAL_STATES,
  type RollbackCause,
  type RotationSnapshot,
  type RotationState,
} from '@/lib/tokens/rules/rotation-machine';
import type { Db } from './engine';

/** For queries (migrations carry their own literal copy: a shipped migration never changes). */
const TERMINAL_SQL = [...TERMINAL_STATES].map((s) => `'${s}'`).join(', ');

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
export async function insertIntent(db: Db, intent: RotationIntent, now = Date.now()): Promise<JournalEntry> {
  // One transaction: the check and the insert hold together, so two requests cannot both pass the check.
  return db.transaction(async (tx) => {
    const open = await findOpenRotation(tx, intent.tokenId);
    if (open) throw new RotationConflictError(open);
    await tx.run(
      `INSERT INTO rotation_journal (id, token_id, owner_id, owner_name, method, application_id, delivery, secret_scope, secret_key,
         lifetime_days, new_comment, state, new_token_id, rollback_cause, last_error, actor, acting_as, created_at, updated_at, lease_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?)`,
      [
        intent.id,
        intent.tokenId,
        intent.ownerId,
        intent.ownerName,
        intent.method,
        intent.applicationId,
        intent.delivery,
        intent.secretScope,
        intent.secretKey,
        intent.lifetimeDays,
        intent.newComment,
        INITIAL_ROTATION.state,
        intent.actor,
        intent.actingAs,
        now,
        now,
        now + ROTATION_LEASE_MS,
      ],
    );
    return (await getRotation(tx, intent.id))!;
  });
}

/** Stores the machine's snapshot and renews the lease; called after every step, before the next upstream call. */
export async function saveSnapshot(
  db: Db,
  id: string,
  s: RotationSnapshot,
  opts: { now?: number; deliveryStartedAt?: number; release?: boolean } = {},
): Promise<JournalEntry> {
  const now = opts.now ?? Date.now();
  await db.run(
    `UPDATE rotation_journal SET state = ?, new_token_id = ?, rollback_cause = ?, last_error = ?, updated_at = ?, lease_until = ?,
       delivery_started_at = coalesce(?, delivery_started_at)
     WHERE id = ?`,
    [
      s.state,
      s.newTokenId,
      s.rollbackCause,
      s.lastError,
      now,
      opts.release ? 0 : now + ROTATION_LEASE_MS,
      opts.deliveryStartedAt ?? null,
      id,
    ],
  );
  return (await getRotation(db, id))!;
}

/** Takes the lease of a row nobody is driving; false when another request holds it. */
export async function claimRotation(db: Db, id: string, now = Date.now()): Promise<boolean> {
  const res = await db.run('UPDATE rotation_journal SET lease_until = ? WHERE id = ? AND lease_until <= ?', [
    now + ROTATION_LEASE_MS,
    id,
    now,
  ]);
  return res.changes === 1;
}

export async function getRotation(db: Db, id: string): Promise<JournalEntry | null> {
  const row = await db.get<Row>('SELECT * FROM rotation_journal WHERE id = ?', [id]);
  return row ? toEntry(row) : null;
}

export async function findOpenRotation(db: Db, tokenId: string): Promise<JournalEntry | null> {
  const row = await db.get<Row>(`SELECT * FROM rotation_journal WHERE token_id = ? AND state NOT IN (${TERMINAL_SQL})`, [tokenId]);
  return row ? toEntry(row) : null;
}

/** Open rotations first (they need someone), then the most recent; newest first within each. */
export async function listRotations(db: Db, { limit = 50 }: { limit?: number } = {}): Promise<JournalEntry[]> {
  const rows = await db.all<Row>(
    `SELECT * FROM rotation_journal ORDER BY CASE WHEN state IN (${TERMINAL_SQL}) THEN 1 ELSE 0 END, updated_at DESC LIMIT ?`,
    [Math.min(Math.max(limit, 1), 500)],
  );
  return rows.map(toEntry);
}
