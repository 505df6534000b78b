// Identical concurrent upstream reads share one promise; a settled result may be reused for a short window. Keys MUST
// carry the identity (Workspace.coalesce() prefixes it), or one person would see what another may read.
import 'server-only';
import { awaitingUpstream } from './upstream-wait';

export interface Coalescer {
  <T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Entries currently held (in flight or within their reuse window). */
  readonly size: number;
}

export function createCoalescer({
  reuseMs = 0,
  maxEntries = 500,
  now = () => Date.now(),
}: { reuseMs?: number; maxEntries?: number; now?: () => number } = {}): Coalescer {
  const entries = new Map<string, { promise: Promise<unknown>; settledAt: number | null }>();

  const evict = () => {
    const t = now();
    for (const [key, e] of entries) if (e.settledAt !== null && t - e.settledAt >= reuseMs) entries.delete(key);
    // Still too many: drop the oldest settled ones (in-flight entries are never dropped; they end by themselves).
    for (const [key, e] of entries) {
      if (entries.size < maxEntries) break;
      if (e.settledAt !== null) entries.delete(key);
    }
  };

  const coalesce = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const existing = entries.get(key);
    if (existing?.settledAt === null) return awaitingUpstream(existing.promise as Promise<T>);
    if (existing && now() - existing.settledAt < reuseMs) return existing.promise as Promise<T>;
    evict();
    const entry = { promise: Promise.resolve().then(load), settledAt: null as number | null };
    entries.set(key, entry);
    entry.promise.then(
      () => {
        entry.settledAt = now();
        if (reuseMs === 0 && entries.get(key) === entry) entries.delete(key);
      },
      () => {
        // Failures are never reused: the next caller tries again.
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry.promise as Promise<T>;
  };
  Object.defineProperty(coalesce, 'size', { get: () => entries.size });
  return coalesce as Coalescer;
}
