// Process-wide singletons. Next can load the same module more than once in one process (proxy vs route bundles, and
// every hot reload in dev), so caches that must be shared — SQL clients, service tokens, the SQLite handle — hang off
// globalThis under a versioned key instead of module scope.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

const registry = ((globalThis as { __brickwatch?: Map<string, unknown> }).__brickwatch ??= new Map<string, unknown>());

export function processSingleton<T>(key: string, create: () => T): T {
  if (!registry.has(key)) registry.set(key, create());
  return registry.get(key) as T;
}

/** Drops a singleton (tests, and shutdown hooks that close what they created). */
export function forgetSingleton(key: string): void {
  registry.delete(key);
}

/** This process among the app's instances (several may share one store): names the holder of a rotation's lease. */
export function instanceId(): string {
  return processSingleton('instance-id', () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`);
}

/**
 * Whether `id` names an instance on this host that is no longer running (killed, crashed, restarted): its leases can
 * be taken over at once, without waiting for its heartbeat to go stale. Instances on other hosts are judged by their
 * heartbeat alone.
 */
export function isDeadLocalInstance(id: string | null): boolean {
  if (!id || id === instanceId()) return false;
  const [host, pid] = id.split(':');
  if (host !== hostname() || !pid) return false;
  if (Number(pid) === process.pid) return true; // an earlier life of this very process id
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
