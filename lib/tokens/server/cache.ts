// Short-lived, per-identity cache of the reads behind the tokens page. Concurrent requests share one upstream call;
// a settled value is reused until its TTL (the inventory a while longer, refreshed in the background); failures are
// never cached. Mutations made through Brickwatch drop the
// affected entries for every identity of the workspace, since a revoke changes what everyone sees.
import 'server-only';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/singleton';
import type { Workspace } from '@/lib/databricks/get-workspace';

export type TokenCacheKind = 'inventory' | 'tokens' | 'directory' | 'usage' | 'conf' | 'permissions' | 'me';

/**
 * How stale each read may be. Our own changes invalidate what they touch and Refresh re-reads at once, so these only
 * bound how late a change made outside Brickwatch shows. At 20,000 tokens a re-read costs the server hundreds of ms of CPU
 * (measured), which is why it happens at most once a minute and in the background. Audit data lags minutes anyway.
 */
export const TOKEN_CACHE_TTL_MS: Record<TokenCacheKind, number> = {
  /** The parts below assembled; dropped with any of them by invalidateTokenReads. */
  inventory: 60_000,
  tokens: 60_000,
  directory: 300_000,
  usage: 300_000,
  conf: 60_000,
  permissions: 60_000,
  me: 600_000,
};

/**
 * How long past its TTL an entry may still be answered while a background read replaces it (stale-while-revalidate).
 * Only the assembled inventory does this: a view never waits for Databricks once the list was read, and its parts
 * are always re-read fresh by that background refresh.
 */
export const TOKEN_CACHE_STALE_MS: Partial<Record<TokenCacheKind, number>> = { inventory: 600_000 };

interface Entry {
  promise: Promise<unknown>;
  expiresAt: number;
  refreshing: boolean;
}

const MAX_ENTRIES = 200;
const entries = processSingleton('tokens-cache', () => new Map<string, Entry>());

/** The identity part of a key: what a user-mode person, or the service identity, may read is theirs alone. */
export function identityKey(ws: Pick<Workspace, 'host' | 'actingAs'>): string {
  return `${ws.host}|${ws.actingAs.kind}:${ws.actingAs.name}`;
}

export function cachedRead<T>(
  ws: Pick<Workspace, 'host' | 'actingAs'>,
  kind: TokenCacheKind,
  load: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const key = `${identityKey(ws)}|${kind}`;
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now) return hit.promise as Promise<T>;
  if (hit && !hit.refreshing && hit.expiresAt + (TOKEN_CACHE_STALE_MS[kind] ?? 0) > now) {
    hit.refreshing = true;
    start(key, kind, load).promise.catch((e: unknown) => {
      // Keep answering with the stale value; the next read past the stale window will surface the failure.
      hit.refreshing = false;
      log.warn('tokens.cache_refresh_failed', { kind, error: e });
    });
    return hit.promise as Promise<T>;
  }
  if (hit?.refreshing) return hit.promise as Promise<T>;
  return start(key, kind, load).promise as Promise<T>;
}

function start<T>(key: string, kind: TokenCacheKind, load: () => Promise<T>): Entry {
  if (entries.size >= MAX_ENTRIES) {
    const oldest = Date.now() - Math.max(0, ...Object.values(TOKEN_CACHE_STALE_MS));
    for (const [k, e] of entries) if (e.expiresAt <= oldest) entries.delete(k);
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  const entry: Entry = { promise: load(), expiresAt: Number.POSITIVE_INFINITY, refreshing: false };
  const previous = entries.get(key);
  // A first read is shared while in flight; a background refresh replaces the stale entry only once it succeeds.
  if (!previous) entries.set(key, entry);
  entry.promise.then(
    () => {
      entry.expiresAt = Date.now() + TOKEN_CACHE_TTL_MS[kind];
      if (entries.get(key) === previous || entries.get(key) === entry) entries.set(key, entry);
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return entry;
}

/**
 * Drops `kinds`, and the inventory built from them: for every identity of the workspace at `host` (after a change
 * made through Brickwatch), or for one identity (a person asking for fresh data).
 */
export function invalidateTokenReads(host: string, kinds: readonly TokenCacheKind[], only?: Pick<Workspace, 'host' | 'actingAs'>): void {
  const drop = new Set<string>([...kinds, 'inventory']);
  const prefix = only ? `${identityKey(only)}|` : `${host}|`;
  for (const key of [...entries.keys()]) {
    if (key.startsWith(prefix) && drop.has(key.slice(key.lastIndexOf('|') + 1))) entries.delete(key);
  }
}
