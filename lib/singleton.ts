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
