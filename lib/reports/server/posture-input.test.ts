import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import { insertSnapshot, type Snapshot } from '@/lib/store/posture-snapshots';
import { weekWindow } from '../rules/week';
import { loadPostureInput } from './posture-input';

const HOUR = 3_600_000;
const current = weekWindow('2026-W10', 'UTC');
const previous = weekWindow('2026-W09', 'UTC');

const snap = (id: string, takenAt: number, score: number | null, measured: number, failing: string[], passing: string[]): Snapshot => ({
  id,
  takenAt,
  cause: 'daily',
  identity: 'sp',
  takenBy: null,
  score,
  measured,
  total: 13,
  accepted: 0,
  checks: Object.fromEntries([...failing.map((c) => [c, { status: 'fail' }]), ...passing.map((c) => [c, { status: 'pass' }])]),
});

describe.each(STORE_ENGINES)('the weekly report’s posture figures on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('takes each week’s last snapshot, and counts checks newly failing or no longer failing since the week before', async () => {
    await insertSnapshot(s.db, snap('s0', previous.from.getTime() - HOUR, 50, 8, ['a'], ['b']));
    await insertSnapshot(s.db, snap('s1', previous.from.getTime() + 24 * HOUR, 60, 9, ['a', 'b'], []));
    await insertSnapshot(s.db, snap('s2', current.from.getTime() + 24 * HOUR, 65, 9, ['a', 'b'], []));
    await insertSnapshot(s.db, snap('s3', current.from.getTime() + 48 * HOUR, 70, 10, ['b', 'c'], ['a']));
    // After the week: not part of it.
    await insertSnapshot(s.db, snap('s4', current.to.getTime() + HOUR, 90, 13, [], ['a', 'b', 'c']));
    expect(await loadPostureInput(current, previous, s.db)).toEqual({
      status: 'collected',
      current: { score: 70, coverage: 77, newFindings: 1, resolvedFindings: 1 },
      previous: { score: 60, coverage: 69, newFindings: 1, resolvedFindings: 0 },
    });
  });

  it('says "not collected" for a week without a snapshot, or whose snapshot measured nothing, never a zero score', async () => {
    const none = await loadPostureInput(current, previous, s.db);
    expect(none).toEqual({ status: 'not_collected', reason: 'no posture snapshot with a score was taken that week' });
    await insertSnapshot(s.db, snap('s1', current.from.getTime() + HOUR, null, 0, [], []));
    expect((await loadPostureInput(current, previous, s.db)).status).toBe('not_collected');
    await insertSnapshot(s.db, snap('s2', current.from.getTime() + 2 * HOUR, 80, 10, [], ['a']));
    expect(await loadPostureInput(current, previous, s.db)).toMatchObject({ status: 'collected', previous: null });
  });
});
