import { describe, expect, it } from 'vitest';
import { awaitingUpstream, detachedFromRequest, upstreamWaitSoFar, withUpstreamWait } from './upstream-wait';

/** A promise settled by hand, and a clock moved by hand. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
let t = 0;
const clock = () => t;
const flush = () => new Promise((r) => setImmediate(r));

describe('upstream wait of one request', () => {
  it('counts overlapping calls once, as the wall-clock time any of them was outstanding', async () => {
    t = 0;
    const seen = await withUpstreamWait(async () => {
      const a = deferred();
      const b = deferred();
      const pa = awaitingUpstream(a.promise, clock);
      t = 10;
      const pb = awaitingUpstream(b.promise, clock);
      t = 30;
      a.resolve();
      await pa;
      t = 50;
      b.resolve();
      await pb;
      t = 70; // the server's own work after the calls: not upstream
      const c = deferred();
      const pc = awaitingUpstream(c.promise, clock);
      t = 75;
      c.reject(new Error('refused'));
      await pc.catch(() => undefined);
      await flush();
      return upstreamWaitSoFar(clock);
    });
    expect(seen).toEqual({ waitedMs: 55, calls: 3 });
  });

  it('counts a call still outstanding up to now, and keeps concurrent requests apart', async () => {
    t = 0;
    const slow = deferred();
    const [first, second] = await Promise.all([
      withUpstreamWait(async () => {
        void awaitingUpstream(slow.promise, clock);
        t = 40;
        return upstreamWaitSoFar(clock);
      }),
      withUpstreamWait(async () => upstreamWaitSoFar(clock)),
    ]);
    expect(first).toEqual({ waitedMs: 40, calls: 1 });
    expect(second).toEqual({ waitedMs: 0, calls: 0 });
    slow.resolve();
  });

  it('does not charge a request for background work it started but does not wait for', async () => {
    t = 0;
    const refresh = deferred();
    const seen = await withUpstreamWait(async () => {
      detachedFromRequest(() => void awaitingUpstream(refresh.promise, clock));
      t = 25;
      return upstreamWaitSoFar(clock);
    });
    expect(seen).toEqual({ waitedMs: 0, calls: 0 });
    refresh.resolve();
  });

  it('is absent outside a request, where marking a wait changes nothing', async () => {
    expect(upstreamWaitSoFar()).toBeNull();
    await expect(awaitingUpstream(Promise.resolve(7))).resolves.toBe(7);
  });
});
