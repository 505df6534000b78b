import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import {
  claimRotation,
  heartbeat,
  HEARTBEAT_STALE_MS,
  isLeased,
  listOpenRotations,
  findOpenRotation,
  getRotation,
  insertIntent,
  listRotations,
  ROTATION_LEASE_MS,
  RotationConflictError,
  saveSnapshot,
  type RotationIntent,
} from './rotation-journal';

const T0 = 1_790_000_000_000;
const intent = (id: string, tokenId = 'old-1'): RotationIntent => ({
  id,
  tokenId,
  ownerId: '42',
  ownerName: 'etl-bot',
  method: 'on_behalf_of',
  applicationId: 'app-uuid',
  delivery: 'secret',
  secretScope: 'ci',
  secretKey: 'token',
  lifetimeDays: 90,
  newComment: `nightly [bw-rot:${id}]`,
  actor: 'admin@example.com',
  actingAs: 'admin@example.com',
});

describe.each(STORE_ENGINES)('rotation journal on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('records the intent with a lease before anything else happens', async () => {
    const e = await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    expect(e).toMatchObject({ id: 'rot-00001', state: 'intent', newTokenId: null, createdAt: T0, leaseUntil: T0 + ROTATION_LEASE_MS });
    expect((await findOpenRotation(s.db, 'old-1'))?.id).toBe('rot-00001');
  });

  it('refuses a second open rotation of the same token, naming the first, also when both arrive at once', async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    const conflict = await insertIntent(s.db, intent('rot-00002'), 'holder-a', T0 + 1).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(RotationConflictError);
    expect((conflict as RotationConflictError).existing.id).toBe('rot-00001');
    expect((await insertIntent(s.db, intent('rot-00003', 'old-2'), 'holder-a', T0)).tokenId).toBe('old-2');
    const race = await Promise.allSettled([
      insertIntent(s.db, intent('rot-00004', 'old-3'), 'holder-a', T0),
      insertIntent(s.db, intent('rot-00005', 'old-3'), 'holder-a', T0),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it.runIf(engine.openAnother)('refuses the second of two instances rotating the same token at once, naming the first', async () => {
    const other = await engine.openAnother!(s);
    try {
      const race = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => insertIntent(i % 2 ? other : s.db, intent(`rot-1000${i}`, 'old-9'), `holder-${i % 2}`, T0)),
      );
      const refused = race.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as unknown);
      expect(refused).toHaveLength(5);
      // A conflict the journal names, not a unique-index error from two inserts that both passed the check.
      for (const e of refused) expect(e).toBeInstanceOf(RotationConflictError);
    } finally {
      await other.close();
    }
  });

  it('enforces one open rotation per token in the schema itself', async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    await expect(
      s.db.run(
        `INSERT INTO rotation_journal (id, token_id, owner_id, owner_name, method, application_id, delivery, secret_scope, secret_key, lifetime_days, new_comment, state, actor, created_at, updated_at, lease_until)
         SELECT 'x-1', token_id, owner_id, owner_name, method, application_id, delivery, secret_scope, secret_key, lifetime_days, new_comment, 'created', actor, created_at, updated_at, lease_until FROM rotation_journal`,
      ),
    ).rejects.toThrow(/UNIQUE|unique/);
  });

  it('frees the token once the rotation ends', async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    await saveSnapshot(s.db, 'rot-00001', { state: 'failed', newTokenId: null, rollbackCause: null, lastError: 'quota' }, { now: T0 + 5 });
    expect(await findOpenRotation(s.db, 'old-1')).toBeNull();
    expect((await insertIntent(s.db, intent('rot-00002'), 'holder-a', T0 + 10)).state).toBe('intent');
  });

  it('keeps every step across a restart, without any token value', async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    await saveSnapshot(
      s.db,
      'rot-00001',
      { state: 'delivering', newTokenId: 'new-1', rollbackCause: null, lastError: null },
      { now: T0 + 1, delivery: { startedAt: T0 + 1, baseline: T0 - 5_000 } },
    );
    const db = await s.reopen();
    expect(await getRotation(db, 'rot-00001')).toMatchObject({
      state: 'delivering',
      newTokenId: 'new-1',
      deliveryStartedAt: T0 + 1,
      deliveryBaseline: T0 - 5_000,
      updatedAt: T0 + 1,
    });
    expect(JSON.stringify(await db.all('SELECT * FROM rotation_journal'))).not.toMatch(/dapi/);
  });

  it('lets only one request claim an interrupted row, and only after its lease ran out', async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    expect(await claimRotation(s.db, 'rot-00001', 'holder-b', T0 + 1000)).toBe(false);
    const later = T0 + ROTATION_LEASE_MS + 1;
    expect(await claimRotation(s.db, 'rot-00001', 'holder-b', later)).toBe(true);
    expect(await claimRotation(s.db, 'rot-00001', 'holder-b', later)).toBe(false);
  });

  it('releases the lease when asked, so a waiting rotation can be retried at once', async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    await saveSnapshot(
      s.db,
      'rot-00001',
      { state: 'old_active', newTokenId: 'n', rollbackCause: null, lastError: 'HTTP 500' },
      { now: T0 + 2, release: true },
    );
    expect(await claimRotation(s.db, 'rot-00001', 'holder-b', T0 + 3)).toBe(true);
  });

  it('lets another instance take over at once from a holder that stopped beating, but not from one that beats', async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    expect(await heartbeat(s.db, 'rot-00001', 'holder-a', T0 + 10_000)).toBe(true);
    expect(await claimRotation(s.db, 'rot-00001', 'holder-b', T0 + 20_000)).toBe(false);
    const silent = T0 + 10_000 + HEARTBEAT_STALE_MS + 1;
    expect(isLeased((await getRotation(s.db, 'rot-00001'))!, silent)).toBe(false);
    expect(await claimRotation(s.db, 'rot-00001', 'holder-b', silent)).toBe(true);
    expect(await heartbeat(s.db, 'rot-00001', 'holder-a', silent + 1)).toBe(false);
    expect(isLeased((await getRotation(s.db, 'rot-00001'))!, silent + 1)).toBe(true);
    expect((await listOpenRotations(s.db)).map((e) => e.id)).toEqual(['rot-00001']);
  });

  it('lets anyone take over at once from a holder known to be dead, whatever its heartbeat says', async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    expect(await claimRotation(s.db, 'rot-00001', 'holder-b', T0 + 1, 'holder-c')).toBe(false);
    expect(await claimRotation(s.db, 'rot-00001', 'holder-b', T0 + 1, 'holder-a')).toBe(true);
  });

  it("keeps a window's deadline and the next check until told otherwise", async () => {
    await insertIntent(s.db, intent('rot-00001'), 'holder-a', T0);
    const snap = { state: 'delivery_unknown' as const, newTokenId: 'n', rollbackCause: null, lastError: 'timed out' };
    await saveSnapshot(s.db, 'rot-00001', snap, { now: T0 + 1, deadline: T0 + 120_000, nextCheckAt: T0 + 5_000, release: true });
    expect(await getRotation(s.db, 'rot-00001')).toMatchObject({ deadline: T0 + 120_000, nextCheckAt: T0 + 5_000, leaseHolder: null });
    await saveSnapshot(s.db, 'rot-00001', snap, { now: T0 + 6_000 });
    expect(await getRotation(s.db, 'rot-00001')).toMatchObject({ deadline: T0 + 120_000, nextCheckAt: T0 + 5_000 });
    await saveSnapshot(s.db, 'rot-00001', { ...snap, state: 'delivered' }, { now: T0 + 7_000, deadline: null, nextCheckAt: null });
    expect(await getRotation(s.db, 'rot-00001')).toMatchObject({ deadline: null, nextCheckAt: null });
  });

  it('lists open rotations first, then the newest', async () => {
    await insertIntent(s.db, intent('rot-00001', 'a'), 'holder-a', T0);
    await insertIntent(s.db, intent('rot-00002', 'b'), 'holder-a', T0 + 1);
    await insertIntent(s.db, intent('rot-00003', 'c'), 'holder-a', T0 + 2);
    await saveSnapshot(s.db, 'rot-00003', { state: 'completed', newTokenId: 'n', rollbackCause: null, lastError: null }, { now: T0 + 9 });
    expect((await listRotations(s.db)).map((e) => e.id)).toEqual(['rot-00002', 'rot-00001', 'rot-00003']);
  });
});
