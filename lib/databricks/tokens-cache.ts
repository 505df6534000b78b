// Short-lived, per-identity cache of the reads behind the tokens page. Concurrent requests share one upstream call;
// a settled value is reused until its TTL; failures are never cached. Mutations made through Brickwatch drop the
// affected entries for every identity of the workspace, since a revoke changes what everyone sees.
import 'server-only';
import { processSingleton } from '../singleton';
import type { Workspace } from './get-workspace';

export type TokenCacheKind = 'inventory' | 'tokens' | 'directory' | 'usage' | 'conf' | 'permissions' | 'me';

/** How stale each read may be. Token lists are also invalidated by our own mutations; audit data lags minutes anyway. */
export const TOKEN_CACHE_TTL_MS: Record<TokenCacheKind, number> = {
  /** Everything above assembled; dropped with any of its parts by invalidateTokenReads. */
  inventory: 15_000,
  tokens: 15_000,
  directory: 60_000,
  usage: 300_000,
  conf: 30_000,
  permissions: 30_000,
  me: 600_000,
};

interface Entry {
  promise: Promise<unknown>;
  expiresAt: number;
}

const MAX_ENTRIES = 200;
const entries = processSingleton('tokens-cache', () => new Map<string, Entry>());

/** The identity part of a key: what a user-mode person, or the service identity, may read is theirs alone. */
export function identityKey(ws: Pick<Workspace, 'host' | 'actingAs'>): string {
  return `${ws.host}|${ws.actingAs.kind}:${ws.actingAs.name}`;
}

export function cachedRead<T>(ws: Pick<Workspace, 'host' | 'actingAs'>, kind: TokenCacheKind, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const key = `${identityKey(ws)}|${kind}`;
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now) return hit.promise as Promise<T>;
  if (entries.size >= MAX_ENTRIES) {
    for (const [k, e] of entries) if (e.expiresAt <= now) entries.delete(k);
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  // In flight counts as fresh: the TTL starts when the value arrives.
  const entry: Entry = { promise: load(), expiresAt: Number.POSITIVE_INFINITY };
  entries.set(key, entry);
  entry.promise.then(
    () => {
      entry.expiresAt = Date.now() + TOKEN_CACHE_TTL_MS[kind];
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return entry.promise as Promise<T>;
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
