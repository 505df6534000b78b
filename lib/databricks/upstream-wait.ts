// How long one request waited on Databricks, so its log line can tell the server's own time from the workspace's.
// Calls a request makes in parallel overlap: what counts is the wall-clock time during which at least one of them was
// outstanding, not the sum of their durations. The accumulator travels with the request through AsyncLocalStorage,
// kept process-wide because Next may load this module more than once (see lib/singleton.ts) while shared clients
// (SQL sessions) are created by one copy and called from another.
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { processSingleton } from '../singleton';

export interface UpstreamWait {
  /** Wall-clock ms with at least one upstream call (or a shared read of one) outstanding. */
  waitedMs: number;
  /** Upstream waits begun by this request. */
  calls: number;
}

interface Accumulator extends UpstreamWait {
  inFlight: number;
  since: number;
}

const storage = processSingleton('upstream-wait', () => new AsyncLocalStorage<Accumulator>());

/** Runs `fn` (one request) with a fresh accumulator, read with upstreamWaitSoFar() from inside it. */
export function withUpstreamWait<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ waitedMs: 0, calls: 0, inFlight: 0, since: 0 }, fn);
}

/** The current request's wait so far (a wait still outstanding counts up to now); null outside withUpstreamWait(). */
export function upstreamWaitSoFar(now: () => number = performance.now.bind(performance)): UpstreamWait | null {
  const acc = storage.getStore();
  if (!acc) return null;
  return { waitedMs: acc.waitedMs + (acc.inFlight > 0 ? now() - acc.since : 0), calls: acc.calls };
}

/** Marks the time until `pending` settles as waiting on Databricks, for the request (if any) this runs in. */
export function awaitingUpstream<T>(pending: Promise<T>, now: () => number = performance.now.bind(performance)): Promise<T> {
  const acc = storage.getStore();
  if (!acc) return pending;
  acc.calls++;
  if (acc.inFlight++ === 0) acc.since = now();
  const done = () => {
    if (--acc.inFlight === 0) acc.waitedMs += now() - acc.since;
  };
  pending.then(done, done);
  return pending;
}

/** Runs `fn` outside any request's accounting: background work a request starts but does not wait for. */
export function detachedFromRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}
