// The rotation journal: one row per rotation, written (intent) before any upstream call and updated after every
// step, so a crash mid-rotation leaves a row that says exactly what to clean up. It never holds a token value.
//
// Concurrency: at most one open (non-terminal) rotation per token, enforced by a unique partial index, so a second
// admin rotating the same token gets a conflict. A lease says which process (instance) drives the row right now, and
// its heartbeat says it is still alive: a row whose lease ran out, or whose holder stopped beating (a crash, a restart,
// another instance gone), was interrupted and may be taken over at once by the next admin or the background worker.
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

/** The longest a lease lasts without a heartbeat renewing it (each upstream call times out within seconds). */
export const ROTATION_LEASE_MS = 120_000;
/** A holder beats every HEARTBEAT_MS while it drives a rotation; one silent for HEARTBEAT_STALE_MS has stopped. */
export const HEARTBEAT_MS = 5_000;
export const HEARTBEAT_STALE_MS = 15_000;

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
  leaseHolder: string | null;
  heartbeatAt: number | null;
  deliveryStartedAt: number | null;
  /** The secret's last update before our write (epoch ms, null when the key did not exist): a later one means it landed. */
  deliveryBaseline: number | null;
  /** When the settle window (a create or write of unknown outcome) or the confirmation window ends. */
  deadline: number | null;
  /** When a settling rotation is due to be checked again. */
  nextCheckAt: number | null;
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
  lease_holder: string | null;
  heartbeat_at: number | null;
  delivery_started_at: number | null;
  delivery_baseline: number | null;
  deadline: number | null;
  next_check_at: number | null;
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
    leaseHolder: r.lease_holder,
    heartbeatAt: r.heartbeat_at,
    deliveryStartedAt: r.delivery_started_at,
    deliveryBaseline: r.delivery_baseline,
    deadline: r.deadline,
    nextCheckAt: r.next_check_at,
  };
}

export class RotationConflictError extends Error {
  constructor(readonly existing: JournalEntry) {
    super(`Token ${existing.tokenId} already has an open rotation (${existing.id}, ${existing.state})`);
    this.name = 'RotationConflictError';
  }
}

/** Records the intent with a lease held by `holder`; throws RotationConflictError when the token has an open rotation. */
export async function insertIntent(db: Db, intent: RotationIntent, holder: string, now = Date.now()): Promise<JournalEntry> {
  // One transaction: the check and the insert hold together, so two requests cannot both pass the check.
  return db.transaction(async (tx) => {
    const open = await findOpenRotation(tx, intent.tokenId);
    if (open) throw new RotationConflictError(open);
    await tx.run(
      `INSERT INTO rotation_journal (id, token_id, owner_id, owner_name, method, application_id, delivery, secret_scope, secret_key,
         lifetime_days, new_comment, state, new_token_id, rollback_cause, last_error, actor, acting_as, created_at, updated_at, lease_until,
         lease_holder, heartbeat_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, ?)`,
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
        holder,
        now,
      ],
    );
    return (await getRotation(tx, intent.id))!;
  });
}

export interface SaveOptions {
  now?: number;
  /** When the secret write is recorded as started, with the key's last update before it. */
  delivery?: { startedAt: number; baseline: number | null };
  /** Sets (a number) or clears (null) the window's end; left as is when undefined. */
  deadline?: number | null;
  nextCheckAt?: number | null;
  /** Gives the lease up: the row waits for an admin, a deadline or its next check. */
  release?: boolean;
}

/** Stores the machine's snapshot and renews the lease; called after every step, before the next upstream call. */
export async function saveSnapshot(db: Db, id: string, s: RotationSnapshot, opts: SaveOptions = {}): Promise<JournalEntry> {
  const now = opts.now ?? Date.now();
  const keep = (v: number | null | undefined) => (v === undefined ? 1 : 0);
  await db.run(
    `UPDATE rotation_journal SET state = ?, new_token_id = ?, rollback_cause = ?, last_error = ?, updated_at = ?, lease_until = ?,
       heartbeat_at = ?, lease_holder = CASE WHEN ? = 1 THEN NULL ELSE lease_holder END,
       delivery_started_at = coalesce(?, delivery_started_at),
       delivery_baseline = CASE WHEN ? = 1 THEN ? ELSE delivery_baseline END,
       deadline = CASE WHEN ? = 1 THEN deadline ELSE ? END,
       next_check_at = CASE WHEN ? = 1 THEN next_check_at ELSE ? END
     WHERE id = ?`,
    [
      s.state,
      s.newTokenId,
      s.rollbackCause,
      s.lastError,
      now,
      opts.release ? 0 : now + ROTATION_LEASE_MS,
      now,
      opts.release ? 1 : 0,
      opts.delivery?.startedAt ?? null,
      opts.delivery ? 1 : 0,
      opts.delivery?.baseline ?? null,
      keep(opts.deadline),
      opts.deadline ?? null,
      keep(opts.nextCheckAt),
      opts.nextCheckAt ?? null,
      id,
    ],
  );
  return (await getRotation(db, id))!;
}

/**
 * Takes the lease of a row nobody drives (lease over, or its holder stopped beating, or `deadHolder` — a holder known
 * to have stopped — has it); false when a live holder has it.
 */
export async function claimRotation(
  db: Db,
  id: string,
  holder: string,
  now = Date.now(),
  deadHolder: string | null = null,
): Promise<boolean> {
  const res = await db.run(
    `UPDATE rotation_journal SET lease_until = ?, lease_holder = ?, heartbeat_at = ?
     WHERE id = ? AND (lease_until <= ? OR heartbeat_at IS NULL OR heartbeat_at < ? OR lease_holder = ?)`,
    [now + ROTATION_LEASE_MS, holder, now, id, now, now - HEARTBEAT_STALE_MS, deadHolder ?? ''],
  );
  return res.changes === 1;
}

/** The holder is alive: renews its lease. False when the lease is no longer its own. */
export async function heartbeat(db: Db, id: string, holder: string, now = Date.now()): Promise<boolean> {
  const res = await db.run('UPDATE rotation_journal SET heartbeat_at = ?, lease_until = ? WHERE id = ? AND lease_holder = ?', [
    now,
    now + ROTATION_LEASE_MS,
    id,
    holder,
  ]);
  return res.changes === 1;
}

/** Whether a live holder drives the row right now. */
export function isLeased(e: JournalEntry, now = Date.now()): boolean {
  return e.leaseUntil > now && e.heartbeatAt !== null && e.heartbeatAt >= now - HEARTBEAT_STALE_MS;
}

export async function getRotation(db: Db, id: string): Promise<JournalEntry | null> {
  const row = await db.get<Row>('SELECT * FROM rotation_journal WHERE id = ?', [id]);
  return row ? toEntry(row) : null;
}

export async function findOpenRotation(db: Db, tokenId: string): Promise<JournalEntry | null> {
  const row = await db.get<Row>(`SELECT * FROM rotation_journal WHERE token_id = ? AND state NOT IN (${TERMINAL_SQL})`, [tokenId]);
  return row ? toEntry(row) : null;
}

/** Every rotation not ended yet, oldest change first: the background worker decides which have work due. */
export async function listOpenRotations(db: Db): Promise<JournalEntry[]> {
  const rows = await db.all<Row>(`SELECT * FROM rotation_journal WHERE state NOT IN (${TERMINAL_SQL}) ORDER BY updated_at LIMIT 500`);
  return rows.map(toEntry);
}

/** Open rotations first (they need someone), then the most recent; newest first within each. */
export async function listRotations(db: Db, { limit = 50 }: { limit?: number } = {}): Promise<JournalEntry[]> {
  const rows = await db.all<Row>(
    `SELECT * FROM rotation_journal ORDER BY CASE WHEN state IN (${TERMINAL_SQL}) THEN 1 ELSE 0 END, updated_at DESC LIMIT ?`,
    [Math.min(Math.max(limit, 1), 500)],
  );
  return rows.map(toEntry);
}
