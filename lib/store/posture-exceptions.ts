// Posture exceptions: an admin accepting a finding (a whole check, or one evidence item) with a reason, an owner and
// an expiry date. Rows are never deleted: ending one early sets ended_at, and an expired one stays, so the page and
// the action log can say what was accepted when. At most one active exception per (check, item): a second is a
// conflict, decided inside one transaction so two admins at once cannot both create one.
import 'server-only';
import { exceptionState, type PostureException } from '@/lib/posture/rules/exceptions';
import type { Db } from './engine';

interface Row {
  id: string;
  check_id: string;
  evidence_key: string | null;
  reason: string;
  owner: string;
  expires_on: string;
  created_by: string;
  created_at: number;
  updated_by: string | null;
  updated_at: number | null;
  ended_by: string | null;
  ended_at: number | null;
  expiry_recorded_at: number | null;
}

export type StoredException = PostureException & { expiryRecordedAt: number | null };

function toException(r: Row): StoredException {
  return {
    id: r.id,
    checkId: r.check_id,
    evidenceKey: r.evidence_key,
    reason: r.reason,
    owner: r.owner,
    expiresOn: r.expires_on,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    endedBy: r.ended_by,
    endedAt: r.ended_at,
    expiryRecordedAt: r.expiry_recorded_at,
  };
}

/** Enough for any real estate; the page lists the newest. */
const LIST_LIMIT = 1_000;

export async function listExceptions(db: Db): Promise<StoredException[]> {
  const rows = await db.all<Row>('SELECT * FROM posture_exceptions ORDER BY created_at DESC, id LIMIT ?', [LIST_LIMIT]);
  return rows.map(toException);
}

export async function getException(db: Db, id: string): Promise<StoredException | null> {
  const row = await db.get<Row>('SELECT * FROM posture_exceptions WHERE id = ?', [id]);
  return row ? toException(row) : null;
}

export type NewException = Pick<
  PostureException,
  'id' | 'checkId' | 'evidenceKey' | 'reason' | 'owner' | 'expiresOn' | 'createdBy' | 'createdAt'
>;

/** Inserts `e` unless an active exception already covers the same check and item; then returns that one instead. */
export async function createException(
  db: Db,
  e: NewException,
  now: number,
): Promise<{ created: true } | { created: false; existing: StoredException }> {
  return db.transaction(async (tx) => {
    const same =
      e.evidenceKey === null
        ? await tx.all<Row>('SELECT * FROM posture_exceptions WHERE check_id = ? AND evidence_key IS NULL AND ended_at IS NULL', [
            e.checkId,
          ])
        : await tx.all<Row>('SELECT * FROM posture_exceptions WHERE check_id = ? AND evidence_key = ? AND ended_at IS NULL', [
            e.checkId,
            e.evidenceKey,
          ]);
    const existing = same.map(toException).find((x) => exceptionState(x, now) === 'active');
    if (existing) return { created: false as const, existing };
    await tx.run(
      `INSERT INTO posture_exceptions (id, check_id, evidence_key, reason, owner, expires_on, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.checkId, e.evidenceKey, e.reason, e.owner, e.expiresOn, e.createdBy, e.createdAt],
    );
    return { created: true as const };
  });
}

export interface ExceptionChange {
  reason?: string;
  owner?: string;
  expiresOn?: string;
}

/** Changes an exception that has not been ended; a new expiry also re-arms the "expired" record. */
export async function updateException(db: Db, id: string, change: ExceptionChange, by: string, now: number): Promise<boolean> {
  const sets: string[] = [];
  const params: Array<string | number> = [];
  if (change.reason !== undefined) {
    sets.push('reason = ?');
    params.push(change.reason);
  }
  if (change.owner !== undefined) {
    sets.push('owner = ?');
    params.push(change.owner);
  }
  if (change.expiresOn !== undefined) {
    sets.push('expires_on = ?', 'expiry_recorded_at = NULL');
    params.push(change.expiresOn);
  }
  const res = await db.run(
    `UPDATE posture_exceptions SET ${[...sets, 'updated_by = ?', 'updated_at = ?'].join(', ')} WHERE id = ? AND ended_at IS NULL`,
    [...params, by, now, id],
  );
  return res.changes === 1;
}

/** Ends an exception early; false when it does not exist or was already ended. */
export async function endException(db: Db, id: string, by: string, now: number): Promise<boolean> {
  const res = await db.run('UPDATE posture_exceptions SET ended_by = ?, ended_at = ? WHERE id = ? AND ended_at IS NULL', [by, now, id]);
  return res.changes === 1;
}

/**
 * Claims the one "this exception expired" record: true for exactly one caller, on whichever instance sees the expiry
 * first, so the action log gets one entry per expiry.
 */
export async function claimExpiryRecord(db: Db, id: string, now: number): Promise<boolean> {
  const res = await db.run('UPDATE posture_exceptions SET expiry_recorded_at = ? WHERE id = ? AND expiry_recorded_at IS NULL', [now, id]);
  return res.changes === 1;
}

/** Gives the claim back when the record could not be written, so the next look records it. */
export async function releaseExpiryRecord(db: Db, id: string): Promise<void> {
  await db.run('UPDATE posture_exceptions SET expiry_recorded_at = NULL WHERE id = ?', [id]);
}
