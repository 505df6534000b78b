import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import { claimPeriod, periodOf, releasePeriod } from './schedule';

const T0 = 1_790_000_000_000;

describe.each(STORE_ENGINES)('scheduled work on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('gives each period to one claimant, and the next period again', async () => {
    expect(await claimPeriod(s.db, 'anchor', '100', 'a', T0)).toBe(true);
    expect(await claimPeriod(s.db, 'anchor', '100', 'b', T0)).toBe(false);
    expect(await claimPeriod(s.db, 'report', '100', 'b', T0)).toBe(true);
    expect(await claimPeriod(s.db, 'anchor', '101', 'b', T0)).toBe(true);
  });

  it('lets a period be tried again once its holder gives it back, and only its holder', async () => {
    await claimPeriod(s.db, 'anchor', '100', 'a', T0);
    await releasePeriod(s.db, 'anchor', '100', 'b');
    expect(await claimPeriod(s.db, 'anchor', '100', 'b', T0)).toBe(false);
    await releasePeriod(s.db, 'anchor', '100', 'a');
    expect(await claimPeriod(s.db, 'anchor', '100', 'b', T0)).toBe(true);
  });

  it.runIf(engine.openAnother)('runs a period once when instances claim it at the same moment', async () => {
    const others = await Promise.all([engine.openAnother!(s), engine.openAnother!(s)]);
    try {
      const claims = await Promise.all(
        [s.db, ...others, s.db, ...others].map((db, i) => claimPeriod(db, 'report', '2026-W10', `i${i}`, T0)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it('names periods the same way on every instance', () => {
    expect(periodOf(T0, 3_600_000)).toBe(periodOf(T0 + 1, 3_600_000));
    expect(periodOf(T0, 3_600_000)).not.toBe(periodOf(T0 + 3_600_000, 3_600_000));
  });
});
