import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalesce';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createCoalescer', () => {
  it('gives concurrent callers of one key the same upstream call', async () => {
    const coalesce = createCoalescer();
    const d = deferred<number>();
    let calls = 0;
    const load = () => (calls++, d.promise);
    const a = coalesce('u1:tokens', load);
    const b = coalesce('u1:tokens', load);
    const other = coalesce('u2:tokens', async () => (calls++, 7));
    d.resolve(42);
    expect(await Promise.all([a, b, other])).toEqual([42, 42, 7]);
    expect(calls).toBe(2);
  });

  it('starts afresh after settling when there is no reuse window', async () => {
    const coalesce = createCoalescer();
    let calls = 0;
    await coalesce('k', async () => ++calls);
    expect(await coalesce('k', async () => ++calls)).toBe(2);
    expect(coalesce.size).toBe(0);
  });

  it('reuses a settled value within the window and not after it', async () => {
    let t = 1_000;
    const coalesce = createCoalescer({ reuseMs: 500, now: () => t });
    let calls = 0;
    await coalesce('k', async () => ++calls);
    t += 499;
    expect(await coalesce('k', async () => ++calls)).toBe(1);
    t += 1;
    expect(await coalesce('k', async () => ++calls)).toBe(2);
  });

  it('never reuses a failure', async () => {
    const coalesce = createCoalescer({ reuseMs: 10_000 });
    await expect(coalesce('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await coalesce('k', async () => 'ok')).toBe('ok');
  });

  it('bounds the number of settled entries it keeps', async () => {
    const coalesce = createCoalescer({ reuseMs: 60_000, maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd', 'e']) await coalesce(k, async () => k);
    expect(coalesce.size).toBeLessThanOrEqual(3);
  });
});
