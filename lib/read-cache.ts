// Short-lived, per-identity cache of upstream reads that pages may reuse for a while. Concurrent requests share one
// upstream call; a settled value is reused until its TTL (optionally a while longer, refreshed in the background);
// failures are never cached. Keys always carry the identity: what a user-mode person, or the service identity, may
// read is theirs alone. Changes made through Brickwatch drop the affected keys for every identity of the workspace.
import 'server-only';
import type { Workspace } from './databricks/get-workspace';
import { awaitingUpstream, detachedFromRequest } from './databricks/upstream-wait';
import { log } from './log';
import { processSingleton } from './singleton';

export interface ReadPolicy {
  /** How stale a value may be: this only bounds how late a change made outside Brickwatch shows. */
  ttlMs: number;
  /** How long past its TTL a value may still be answered while a background read replaces it (stale-while-revalidate). */
  staleMs?: number;
}

interface Entry {
  key: string;
  promise: Promise<unknown>;
  expiresAt: number;
  staleMs: number;
  refreshing: boolean;
}

const MAX_ENTRIES = 500;
const entries = processSingleton('read-cache', () => new Map<string, Entry>());

type Identity = Pick<Workspace, 'host' | 'actingAs'>;

/** The identity part of a key. */
export function identityKey(ws: Identity): string {
  return `${ws.host}|${ws.actingAs.kind}:${ws.actingAs.name}`;
}

/** `key` names the read, e.g. 'tokens.list' or 'scim.directory' (a read several areas share). */
export function cachedRead<T>(ws: Identity, key: string, policy: ReadPolicy, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const full = `${identityKey(ws)}|${key}`;
  const hit = entries.get(full);
  // Joining a first read still in flight is waiting on the workspace, for this request's log line as for the first's.
  if (hit && hit.expiresAt > now)
    return hit.expiresAt === Number.POSITIVE_INFINITY ? awaitingUpstream(hit.promise as Promise<T>) : (hit.promise as Promise<T>);
  if (hit && !hit.refreshing && hit.expiresAt + hit.staleMs > now) {
    hit.refreshing = true;
    // The request that happens to find the value stale does not wait for its refresh: not its upstream time.
    detachedFromRequest(() => start(full, key, policy, load)).promise.catch((e: unknown) => {
      // Keep answering with the stale value; the next read past the stale window will surface the failure.
      hit.refreshing = false;
      log.warn('read_cache.refresh_failed', { key, error: e });
    });
    return hit.promise as Promise<T>;
  }
  if (hit?.refreshing) return hit.promise as Promise<T>;
  return start(full, key, policy, load).promise as Promise<T>;
}

function start<T>(full: string, key: string, policy: ReadPolicy, load: () => Promise<T>): Entry {
  if (entries.size >= MAX_ENTRIES) {
    const now = Date.now();
    for (const [k, e] of entries) if (e.expiresAt + e.staleMs <= now) entries.delete(k);
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  const entry: Entry = { key, promise: load(), expiresAt: Number.POSITIVE_INFINITY, staleMs: policy.staleMs ?? 0, refreshing: false };
  const previous = entries.get(full);
  // A first read is shared while in flight; a background refresh replaces the stale entry only once it succeeds.
  if (!previous) entries.set(full, entry);
  entry.promise.then(
    () => {
      entry.expiresAt = Date.now() + policy.ttlMs;
      if (entries.get(full) === previous || entries.get(full) === entry) entries.set(full, entry);
    },
    () => {
      if (entries.get(full) === entry) entries.delete(full);
    },
  );
  return entry;
}

/** Drops `keys`: for every identity of the workspace at `host` (after a change made through Brickwatch), or for one. */
export function invalidateReads(host: string, keys: readonly string[], only?: Identity): void {
  const drop = new Set(keys);
  const prefix = only ? `${identityKey(only)}|` : `${host}|`;
  for (const [full, entry] of [...entries]) if (full.startsWith(prefix) && drop.has(entry.key)) entries.delete(full);
}
