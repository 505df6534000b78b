import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedRead, invalidateTokenReads, TOKEN_READS } from './cache';

const ws = (name: string, host = 'https://cache-test.example') => ({ host, actingAs: { kind: 'user' as const, name } });

describe('tokens cache', () => {
  it('shares one upstream read between concurrent and later callers of the same identity', async () => {
    let calls = 0;
    const load = async () => ++calls;
    const [a, b] = await Promise.all([cachedRead(ws('ann'), 'tokens', load), cachedRead(ws('ann'), 'tokens', load)]);
    expect([a, b, await cachedRead(ws('ann'), 'tokens', load)]).toEqual([1, 1, 1]);
    expect(await cachedRead(ws('bob'), 'tokens', load)).toBe(2);
  });

  it('never keeps a failure', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw new Error('upstream down');
      return 'ok';
    };
    await expect(cachedRead(ws('cy'), 'conf', flaky)).rejects.toThrow('upstream down');
    expect(await cachedRead(ws('cy'), 'conf', flaky)).toBe('ok');
  });

  it('drops a kind and the inventory for every identity of a host, or for one identity only', async () => {
    let n = 0;
    const load = async () => ++n;
    for (const who of ['dee', 'eve']) for (const kind of ['tokens', 'inventory', 'usage'] as const) await cachedRead(ws(who), kind, load);
    invalidateTokenReads('https://cache-test.example', ['tokens'], ws('dee'));
    expect(await cachedRead(ws('dee'), 'inventory', load)).toBe(7);
    expect(await cachedRead(ws('eve'), 'inventory', load)).toBe(5);
    invalidateTokenReads('https://cache-test.example', ['tokens']);
    expect(await cachedRead(ws('eve'), 'tokens', load)).toBe(8);
    expect(await cachedRead(ws('eve'), 'usage', load)).toBe(6);
  });

  describe('stale-while-revalidate of the inventory', () => {
    afterEach(() => vi.useRealTimers());
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };

    it('answers from the stale inventory while one background read replaces it, and waits once too old', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      let n = 0;
      const load = async () => ++n;
      const me = ws('fay');
      expect(await cachedRead(me, 'inventory', load)).toBe(1);
      vi.setSystemTime(Date.now() + TOKEN_READS.inventory.ttlMs + 1);
      expect(await Promise.all([cachedRead(me, 'inventory', load), cachedRead(me, 'inventory', load)])).toEqual([1, 1]);
      await settle();
      expect(n).toBe(2);
      expect(await cachedRead(me, 'inventory', load)).toBe(2);
      vi.setSystemTime(Date.now() + TOKEN_READS.inventory.ttlMs + TOKEN_READS.inventory.staleMs! + 1);
      expect(await cachedRead(me, 'inventory', load)).toBe(3);
    });

    it('keeps the stale value when the background read fails', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      let n = 0;
      const load = async () => {
        if (++n === 2) throw new Error('upstream down');
        return n;
      };
      const me = ws('gus');
      expect(await cachedRead(me, 'inventory', load)).toBe(1);
      vi.setSystemTime(Date.now() + TOKEN_READS.inventory.ttlMs + 1);
      expect(await cachedRead(me, 'inventory', load)).toBe(1);
      await settle();
      expect(await cachedRead(me, 'inventory', load)).toBe(1);
      await settle();
      expect(await cachedRead(me, 'inventory', load)).toBe(3);
    });

    it('never answers parts of the inventory stale', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      let n = 0;
      const load = async () => ++n;
      expect(await cachedRead(ws('hal'), 'tokens', load)).toBe(1);
      vi.setSystemTime(Date.now() + TOKEN_READS.tokens.ttlMs + 1);
      expect(await cachedRead(ws('hal'), 'tokens', load)).toBe(2);
    });
  });
});
