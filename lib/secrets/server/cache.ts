// How long the secrets page's reads may be reused, and how a change made through Brickwatch reaches every view at once.
// The scope inventory is cached under a key that carries a per-workspace generation: a change moves the generation, so
// a read that was in flight when the change happened can never be answered as if it were current.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { cachedRead, identityKey, invalidateReads, type ReadPolicy } from '@/lib/read-cache';
import { processSingleton } from '@/lib/singleton';
import { JOBS_READ } from '@/lib/jobs/server/load';

/** A scope's keys and ACL are re-read after a minute (changes made outside Brickwatch show by then). */
export const SCOPE_REUSE_MS = 60_000;
export const INVENTORY_READ: ReadPolicy = { ttlMs: SCOPE_REUSE_MS, staleMs: 600_000 };
/** The audit log lags by minutes anyway; its 90-day aggregate is the most expensive read. */
export const READS_READ: ReadPolicy = { ttlMs: 300_000 };
export const PLAIN_READ: ReadPolicy = { ttlMs: 60_000, staleMs: 300_000 };
export const ME_READ: ReadPolicy = { ttlMs: 600_000 };

type Identity = Pick<Workspace, 'host' | 'actingAs'>;

interface HostState {
  generation: number;
  /** Per identity: scopes changed through Brickwatch since that identity's last read (lower-cased names). */
  dirty: Map<string, Set<string>>;
  /** Identities whose next read re-reads every scope (Refresh). */
  full: Set<string>;
}

const hosts = processSingleton('secrets.hosts', () => new Map<string, HostState>());

function stateOf(host: string): HostState {
  let s = hosts.get(host);
  if (!s) hosts.set(host, (s = { generation: 0, dirty: new Map(), full: new Set() }));
  return s;
}

/** Moves on every change made through Brickwatch; keys built with it are never answered from before the change. */
export const generationOf = (host: string) => stateOf(host).generation;
export const inventoryKey = (host: string) => `secrets.inventory#${generationOf(host)}`;
export const aclsKey = (host: string) => `secrets.acls#${generationOf(host)}`;

export function cachedInventory<T>(ws: Identity, load: () => Promise<T>): Promise<T> {
  return cachedRead(ws, inventoryKey(ws.host), INVENTORY_READ, load);
}

/**
 * After a change through Brickwatch: every identity's next view re-reads the scope list and `scopes` (the others are
 * reused while younger than a minute), and nobody is answered from a read made before the change.
 */
export function scopesChanged(host: string, scopes: readonly string[]): void {
  const s = stateOf(host);
  const old = [inventoryKey(host), aclsKey(host)];
  s.generation++;
  for (const set of s.dirty.values()) for (const scope of scopes) set.add(scope.toLowerCase());
  invalidateReads(host, old);
}

/** What the next read of this identity must re-read: the scopes changed since its last read, or all of them. */
export function takeDirty(ws: Identity): { all: boolean; scopes: Set<string> } {
  const s = stateOf(ws.host);
  const id = identityKey(ws);
  const all = s.full.delete(id) || !s.dirty.has(id);
  const scopes = s.dirty.get(id) ?? new Set<string>();
  s.dirty.set(id, new Set());
  return { all, scopes };
}

/** A read that failed hands back what it took, so the next read still re-reads those scopes. */
export function returnDirty(ws: Identity, taken: { all: boolean; scopes: Set<string> }): void {
  const s = stateOf(ws.host);
  const id = identityKey(ws);
  if (taken.all) s.full.add(id);
  const set = s.dirty.get(id) ?? new Set<string>();
  for (const scope of taken.scopes) set.add(scope);
  s.dirty.set(id, set);
}

/**
 * Refresh: this identity's next read takes nothing from memory. The audit aggregate stays cached: it lags by minutes
 * anyway and is the most expensive read (a fresh copy would only repeat it).
 */
export function refreshAll(ws: Identity): void {
  stateOf(ws.host).full.add(identityKey(ws));
  invalidateReads(ws.host, [inventoryKey(ws.host), aclsKey(ws.host), 'secrets.plain', JOBS_READ.key], ws);
}

/** A request that asks for a fresh answer (the Refresh button, a browser reload) rather than one from cache. */
export function wantsFresh(headers: Headers): boolean {
  return /no-cache|max-age=0/i.test(headers.get('cache-control') ?? '');
}
