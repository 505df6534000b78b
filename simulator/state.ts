// The state directory's database: opened, seeded on first use (or with --reset), and checked against the
// requested scale and seed so a demo state is never silently served as a large one.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimulatorOptions } from './core/contract';
import { SimDb } from './core/db';
import { seedAll } from './seed/index';
import type { SeedCredentials } from './seed/workspace';
import { createWorkspaceSchema, getMeta } from './store/schema';

export interface SimulatorState {
  db: SimDb;
  credentials: SeedCredentials;
  featuredPeople: string[];
  /** Milliseconds the seed took, when this start seeded. */
  seedMs: number | null;
}

export class StateError extends Error {}

export async function openState(stateDir: string, opts: SimulatorOptions): Promise<SimulatorState> {
  const path = join(stateDir, 'workspace.duckdb');
  if (opts.reset) await removeDb(path);
  let db = await open(path);
  let seedMs: number | null = null;
  try {
    await createWorkspaceSchema(db);
    const seeded = await getMeta(db, 'seeded');
    if (seeded) {
      const s = JSON.parse(seeded) as { scale: string; seed: number };
      if (s.scale !== opts.scale || s.seed !== opts.seed) {
        throw new StateError(
          `The state in ${stateDir} was seeded with --scale ${s.scale} --seed ${s.seed}; ` +
            `pass --reset to re-seed it with --scale ${opts.scale} --seed ${opts.seed}, or use another --state-dir.`,
        );
      }
    } else {
      // A seed that never finished leaves half-written tables behind: start again from an empty file.
      db.close();
      await removeDb(path);
      db = await open(path);
      await createWorkspaceSchema(db);
      const started = performance.now();
      await seedAll(db, { scale: opts.scale, seed: opts.seed, now: new Date() });
      await db.run('CHECKPOINT');
      seedMs = Math.round(performance.now() - started);
    }
    const credentials = JSON.parse((await getMeta(db, 'credentials')) ?? '{}') as SeedCredentials;
    const featuredPeople = JSON.parse((await getMeta(db, 'featured_people')) ?? '[]') as string[];
    return { db, credentials, featuredPeople, seedMs };
  } catch (e) {
    db.close();
    throw e;
  }
}

async function open(path: string): Promise<SimDb> {
  try {
    return await SimDb.open(path);
  } catch (e) {
    const msg = (e as Error).message;
    if (/lock/i.test(msg)) throw new StateError(`The state directory is in use by another simulator (${path} is locked).`);
    throw e;
  }
}

async function removeDb(path: string): Promise<void> {
  for (const f of [path, `${path}.wal`]) if (existsSync(f)) await rm(f);
}
