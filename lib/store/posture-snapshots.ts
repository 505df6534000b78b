// Posture snapshots: the score and coverage at one moment, for the trend line, plus each check's status and (for
// high-severity checks) its failing item keys, so the next snapshot can tell which high-severity findings are new.
// Taken daily by the background identity (or, without one, by the first person to open the page that day) and at
// every evaluation an admin asks for.
import 'server-only';
import type { SnapshotCheckState } from '@/lib/posture/rules/alerts';
import type { Db } from './engine';

export type SnapshotCause = 'daily' | 'admin' | 'viewer';

/** A check's status and, for a failing high-severity check, its open items' keys (lib/posture/rules/alerts.ts). */
export type SnapshotCheck = SnapshotCheckState;

export interface Snapshot {
  id: string;
  takenAt: number;
  cause: SnapshotCause;
  /** The identity the checks ran as (a userName or an application id). */
  identity: string;
  /** The admin who asked for the evaluation, for `admin`. */
  takenBy: string | null;
  score: number | null;
  measured: number;
  total: number;
  accepted: number;
  checks: Record<string, SnapshotCheck>;
}

export type SnapshotPoint = Omit<Snapshot, 'checks'>;

interface Row {
  id: string;
  taken_at: number;
  cause: SnapshotCause;
  identity: string;
  taken_by: string | null;
  score: number | null;
  measured: number;
  total: number;
  accepted: number;
  statuses?: string;
}

const point = (r: Row): SnapshotPoint => ({
  id: r.id,
  takenAt: r.taken_at,
  cause: r.cause,
  identity: r.identity,
  takenBy: r.taken_by,
  score: r.score,
  measured: r.measured,
  total: r.total,
  accepted: r.accepted,
});

export async function insertSnapshot(db: Db, s: Snapshot): Promise<void> {
  await db.run(
    `INSERT INTO posture_snapshots (id, taken_at, cause, identity, taken_by, score, measured, total, accepted, statuses)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [s.id, s.takenAt, s.cause, s.identity, s.takenBy, s.score, s.measured, s.total, s.accepted, JSON.stringify(s.checks)],
  );
}

/** Points since `since`, oldest first; only those taken as one of `identities` when given (user mode). */
export async function listSnapshots(db: Db, since: number, identities?: readonly string[]): Promise<SnapshotPoint[]> {
  if (identities && identities.length === 0) return [];
  const only = identities ? ` AND identity IN (${identities.map(() => '?').join(', ')})` : '';
  const rows = await db.all<Row>(
    `SELECT id, taken_at, cause, identity, taken_by, score, measured, total, accepted FROM posture_snapshots
     WHERE taken_at >= ?${only} ORDER BY taken_at, id LIMIT 2000`,
    [since, ...(identities ?? [])],
  );
  return rows.map(point);
}

function withChecks(row: Row | undefined): Snapshot | null {
  if (!row) return null;
  let checks: Record<string, SnapshotCheck> = {};
  try {
    checks = JSON.parse(row.statuses ?? '{}') as Record<string, SnapshotCheck>;
  } catch {
    // An unreadable row compares as "nothing known before", which at worst repeats an alert.
  }
  return { ...point(row), checks };
}

/** The newest snapshot taken as `identity`, with its check statuses. */
export async function latestSnapshot(db: Db, identity: string): Promise<Snapshot | null> {
  return withChecks(
    await db.get<Row>('SELECT * FROM posture_snapshots WHERE identity = ? ORDER BY taken_at DESC, id DESC LIMIT 1', [identity]),
  );
}

/** The newest snapshot taken before `before` (ms), whoever took it, with its check statuses. */
export async function snapshotBefore(db: Db, before: number): Promise<Snapshot | null> {
  return withChecks(
    await db.get<Row>('SELECT * FROM posture_snapshots WHERE taken_at < ? ORDER BY taken_at DESC, id DESC LIMIT 1', [before]),
  );
}

/** Snapshots older than the trend shows are dropped (a year of dailies plus admin evaluations). */
export async function pruneSnapshots(db: Db, before: number): Promise<number> {
  return (await db.run('DELETE FROM posture_snapshots WHERE taken_at < ?', [before])).changes;
}
