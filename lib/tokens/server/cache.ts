// The reads behind the tokens page, through the shared per-identity read cache (lib/read-cache.ts), with how stale
// each may be. Our own changes invalidate what they touch and Refresh re-reads at once, so these only bound how late a
// change made outside Brickwatch shows. At 20,000 tokens a re-read costs the server hundreds of ms of CPU (measured),
// which is why it happens at most once a minute and in the background. Audit data lags minutes anyway.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { DIRECTORY_READ } from '@/lib/principals/server/load';
import { cachedRead as sharedRead, invalidateReads, type ReadPolicy } from '@/lib/read-cache';

export type TokenCacheKind = 'inventory' | 'tokens' | 'directory' | 'usage' | 'conf' | 'permissions' | 'me';

export const TOKEN_READS: Record<TokenCacheKind, ReadPolicy & { key: string }> = {
  /** The parts below assembled; dropped with any of them by invalidateTokenReads. A view never waits for Databricks
   * once the list was read: past its minute it is answered stale while the parts are read again in the background. */
  inventory: { key: 'tokens.inventory', ttlMs: 60_000, staleMs: 600_000 },
  tokens: { key: 'tokens.list', ttlMs: 60_000 },
  /** SCIM users and service principals: the read every area that names principals shares (lib/principals). */
  directory: { key: 'scim.directory', ...DIRECTORY_READ },
  usage: { key: 'tokens.usage', ttlMs: 300_000 },
  conf: { key: 'tokens.conf', ttlMs: 60_000 },
  permissions: { key: 'tokens.permissions', ttlMs: 60_000 },
  me: { key: 'scim.me', ttlMs: 600_000 },
};

type Identity = Pick<Workspace, 'host' | 'actingAs'>;

export function cachedRead<T>(ws: Identity, kind: TokenCacheKind, load: () => Promise<T>, now = Date.now()): Promise<T> {
  return sharedRead(ws, TOKEN_READS[kind].key, TOKEN_READS[kind], load, now);
}

/**
 * Drops `kinds`, and the inventory built from them: for every identity of the workspace at `host` (after a change
 * made through Brickwatch), or for one identity (a person asking for fresh data).
 */
export function invalidateTokenReads(host: string, kinds: readonly TokenCacheKind[], only?: Identity): void {
  invalidateReads(
    host,
    [...kinds, 'inventory'].map((k) => TOKEN_READS[k as TokenCacheKind].key),
    only,
  );
}
