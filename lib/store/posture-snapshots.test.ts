import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import { insertSnapshot, latestSnapshot, listSnapshots, pruneSnapshots, type Snapshot } from './posture-snapshots';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T06:00:00Z');
const SP = '7a1c3e55-1f0b-4c84-9c3e-2f6d2b3c9a10';

const snap = (over: Partial<Snapshot>): Snapshot => ({
  id: 's',
  takenAt: T0,
  cause: 'daily',
  identity: SP,
  takenBy: null,
  score: 58,
  measured: 6,
  total: 12,
  accepted: 0,
  checks: { 'token-lifetime': { status: 'fail', keys: ['token:a', 'token:b'] }, 'ip-access-lists': { status: 'pass' } },
  ...over,
});

describe.each(STORE_ENGINES)('posture snapshots on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('lists points oldest first since a time, optionally only for some identities', async () => {
    await insertSnapshot(s.db, snap({ id: 'a', takenAt: T0 }));
    await insertSnapshot(s.db, snap({ id: 'b', takenAt: T0 + DAY, score: null }));
    await insertSnapshot(s.db, snap({ id: 'c', takenAt: T0 + 2 * DAY, cause: 'viewer', identity: 'daniel.okafor@harborpine.com' }));
    await insertSnapshot(s.db, snap({ id: 'd', takenAt: T0 + 3 * DAY, cause: 'admin', takenBy: 'alex.morgan@harborpine.com' }));
    expect((await listSnapshots(s.db, T0 + 1)).map((p) => p.id)).toEqual(['b', 'c', 'd']);
    const mine = await listSnapshots(s.db, 0, [SP]);
    expect(mine.map((p) => [p.id, p.score])).toEqual([
      ['a', 58],
      ['b', null],
      ['d', 58],
    ]);
    expect(mine[2]).toMatchObject({ cause: 'admin', takenBy: 'alex.morgan@harborpine.com', measured: 6, total: 12 });
    expect(await listSnapshots(s.db, 0, [])).toEqual([]);
  });

  it('returns the newest snapshot of an identity with its check statuses', async () => {
    await insertSnapshot(s.db, snap({ id: 'a', takenAt: T0 }));
    await insertSnapshot(s.db, snap({ id: 'b', takenAt: T0 + DAY, checks: { 'token-lifetime': { status: 'pass' } } }));
    await insertSnapshot(s.db, snap({ id: 'c', takenAt: T0 + 2 * DAY, identity: 'someone@else' }));
    expect(await latestSnapshot(s.db, SP)).toMatchObject({ id: 'b', checks: { 'token-lifetime': { status: 'pass' } } });
    expect(await latestSnapshot(s.db, 'nobody')).toBeNull();
  });

  it('prunes snapshots older than a time', async () => {
    await insertSnapshot(s.db, snap({ id: 'a', takenAt: T0 }));
    await insertSnapshot(s.db, snap({ id: 'b', takenAt: T0 + DAY }));
    expect(await pruneSnapshots(s.db, T0 + 1)).toBe(1);
    expect((await listSnapshots(s.db, 0)).map((p) => p.id)).toEqual(['b']);
  });
});
