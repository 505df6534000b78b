// Seeds a fresh state: the workspace side first (it produces the Estate), then the Unity Catalog estate and the
// 90-day audit history, which name the same people, tokens, scopes, clusters and jobs.
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import { setMeta } from '../store/schema';
import { seedAuditHistory } from './audit-history';
import { seedCatalog } from './catalog';
import { seedNotebooks } from './notebooks';
import { seedWorkspace, type SeedCredentials } from './workspace';

export interface SeedResult {
  estate: Estate;
  credentials: SeedCredentials;
}

export async function seedAll(db: SimDb, opts: SeedOptions): Promise<SeedResult> {
  const { estate, credentials, featuredPeople } = await seedWorkspace(db, opts);
  await seedCatalog(db, estate, opts);
  await seedAuditHistory(db, estate, opts);
  await seedNotebooks(db, estate, opts);
  await setMeta(db, 'featured_people', JSON.stringify(featuredPeople));
  await setMeta(db, 'seeded', JSON.stringify({ scale: opts.scale, seed: opts.seed, at: opts.now.toISOString() }));
  return { estate, credentials };
}
