// The weekly report's posture figures, from the posture snapshots in the app's store (taken daily, and whenever an
// admin evaluates): a week's posture is the last snapshot taken inside it; its new and resolved findings are the checks
// failing at that snapshot that were not failing at the one before the week began, and the other way round. A week
// without a snapshot is "not collected", which the report shows as such — never as a score of zero.
import 'server-only';
import { getDb } from '@/lib/store/db';
import type { Db } from '@/lib/store/engine';
import { snapshotBefore, type Snapshot } from '@/lib/store/posture-snapshots';

export interface PostureWeek {
  score: number;
  /** Percent of checks that could be evaluated. */
  coverage: number;
  newFindings: number;
  resolvedFindings: number;
}

export type PostureInput =
  { status: 'collected'; current: PostureWeek; previous: PostureWeek | null } | { status: 'not_collected'; reason: string };

type Window = { from: Date; to: Date };

const failing = (s: Snapshot | null) => new Set(Object.entries(s?.checks ?? {}).flatMap(([id, c]) => (c.status === 'fail' ? [id] : [])));

async function postureWeek(db: Db, w: Window): Promise<PostureWeek | null> {
  const [end, start] = await Promise.all([snapshotBefore(db, w.to.getTime()), snapshotBefore(db, w.from.getTime())]);
  if (!end || end.takenAt < w.from.getTime() || end.score === null) return null;
  const [now, before] = [failing(end), failing(start)];
  return {
    score: end.score,
    coverage: end.total ? Math.round((100 * end.measured) / end.total) : 0,
    newFindings: [...now].filter((id) => !before.has(id)).length,
    resolvedFindings: [...before].filter((id) => !now.has(id)).length,
  };
}

export async function loadPostureInput(current: Window, previous: Window, db: Db = getDb()): Promise<PostureInput> {
  const [thisWeek, weekBefore] = await Promise.all([postureWeek(db, current), postureWeek(db, previous)]);
  if (!thisWeek) return { status: 'not_collected', reason: 'no posture snapshot with a score was taken that week' };
  return { status: 'collected', current: thisWeek, previous: weekBefore };
}
