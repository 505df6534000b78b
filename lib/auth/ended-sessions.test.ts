import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import { endSession, isSessionEnded } from './ended-sessions';
import { SESSION_MAX_AGE_S } from './session-token';

const T0 = 1_790_000_000_000;

describe.each(STORE_ENGINES)('ended sessions on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('remembers an ended session across a restart, and ending it twice is harmless', async () => {
    await endSession('sid-1', T0, s.db);
    await endSession('sid-1', T0 + 1, s.db);
    expect(await isSessionEnded('sid-1', await s.reopen())).toBe(true);
    expect(await isSessionEnded('sid-2', s.db)).toBe(false);
  });

  it('forgets sessions once they could no longer be used anyway', async () => {
    await endSession('old', T0, s.db);
    await endSession('new', T0 + SESSION_MAX_AGE_S * 1000 + 1, s.db);
    expect(await isSessionEnded('old', s.db)).toBe(false);
    expect(await isSessionEnded('new', s.db)).toBe(true);
  });

  it.runIf(engine.openAnother)('is refused by every instance sharing the store', async () => {
    const other = await engine.openAnother!(s);
    try {
      await endSession('sid-shared', T0, s.db);
      expect(await isSessionEnded('sid-shared', other)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
