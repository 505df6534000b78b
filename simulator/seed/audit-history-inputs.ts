// What the seeded history draws from, with when each thing began: people and service principals with the days they
// were around, and the lists the everyday noise picks from, each with a parallel list of birth times (a table's
// creation, a person's joining, a scope's creation, a job's creation), so that no event names something before it
// existed.
import type { Estate } from '../core/contract';
import type { SimDb } from '../core/db';

export interface Lifetimes {
  /** Everyone, with the span they were in the workspace (left = null while still active). */
  people: Array<{ idx: number; name: string; joined: number; left: number | null }>;
  sps: Array<{ idx: number; app_id: string; ip: string; joined: number; left: number | null }>;
}

export function lifetimes(estate: Estate, cloudIps: readonly string[]): Lifetimes {
  return {
    people: estate.people.map((p, idx) => ({ idx, name: p.userName, joined: p.createdAt, left: p.deactivatedAt })),
    sps: estate.servicePrincipals.map((s, idx) => ({
      idx,
      app_id: s.applicationId,
      ip: cloudIps[idx % cloudIps.length] as string,
      joined: s.createdAt,
      left: s.deactivatedAt,
    })),
  };
}

/** Named string lists and, for the ones that name things with a beginning, `<name>_born` (epoch ms) beside them. */
export interface NoiseLists {
  strings: Record<string, readonly string[]>;
  born: Record<string, readonly number[]>;
}

export async function noiseLists(db: SimDb, estate: Estate): Promise<NoiseLists> {
  const tables = await db
    .all<{ n: string; c: string; born: number | bigint }>(
      `SELECT catalog_name || '.' || schema_name || '.' || table_name AS n, catalog_name AS c, epoch_ms(created_at) AS born
       FROM uc_meta.tables WHERE catalog_name <> 'system' ORDER BY 1`,
    )
    .catch(() => []);
  const catalogs = await db
    .all<{ n: string; born: number | bigint }>(
      "SELECT catalog_name AS n, epoch_ms(created_at) AS born FROM uc_meta.catalogs WHERE catalog_name <> 'system' ORDER BY 1",
    )
    .catch(() => []);
  const people = estate.people.filter((p) => p.active);
  const sps = estate.servicePrincipals.filter((s) => s.active);
  const activeNames = new Set([...people.map((p) => p.userName), ...sps.map((s) => s.applicationId)]);
  // Scheduled runs: unpaused jobs whose run-as principal is still active (the others' runs would fail to start).
  const jobs = estate.jobs.filter((j) => !j.paused && activeNames.has(j.runAs));
  const secrets = secretReads(estate);
  return {
    strings: {
      people: people.map((p) => p.userName),
      sps: sps.map((s) => s.applicationId),
      tables: tables.map((t) => t.n),
      catalogs: catalogs.map((c) => c.n),
      jobs: jobs.map((j) => String(j.jobId)),
      job_run_as: jobs.map((j) => j.runAs),
      clusters: estate.clusters.map((c) => c.clusterId),
      scopes: secrets.map((s) => s.scope),
      secret_keys: secrets.map((s) => s.key),
      secret_readers: secrets.map((s) => s.reader),
    },
    born: {
      people: people.map((p) => p.createdAt),
      sps: sps.map((s) => s.createdAt),
      tables: tables.map((t) => Number(t.born)),
      catalogs: catalogs.map((c) => Number(c.born)),
      jobs: jobs.map((j) => j.createdTime),
      scopes: secrets.map((s) => s.born),
    },
  };
}

/** created_at of every catalog, schema and table (outside `system`) by full name. */
export async function securableTimes(db: SimDb): Promise<Map<string, number>> {
  const rows = await db
    .all<{ n: string; born: number | bigint }>(
      `SELECT catalog_name AS n, epoch_ms(created_at) AS born FROM uc_meta.catalogs WHERE catalog_name <> 'system'
       UNION ALL SELECT catalog_name || '.' || schema_name, epoch_ms(created_at) FROM uc_meta.schemas WHERE catalog_name <> 'system'
       UNION ALL SELECT catalog_name || '.' || schema_name || '.' || table_name, epoch_ms(created_at) FROM uc_meta.tables
         WHERE catalog_name <> 'system'`,
    )
    .catch(() => []);
  return new Map(rows.map((r) => [r.n, Number(r.born)]));
}

/** Service principals and people picked per all-users scope, and people per group in an ACL: enough to look busy. */
const READERS_PER_GRANT = 6;

/**
 * Who reads which secret in the everyday noise: only principals that may (an ACL entry of their own or of one of their
 * groups; for an all-users entry a few service principals), each from when both it and the scope existed. Never
 * Brickwatch's own service principal (Brickwatch never reads a secret), never a leaver's stale entry, never a key meant
 * to go unread.
 */
export function secretReads(estate: Estate): Array<{ scope: string; key: string; reader: string; born: number }> {
  const sps = estate.servicePrincipals.filter((s) => s.active && s.displayName !== 'brickwatch-service');
  const people = estate.people.filter((p) => p.active).sort((a, b) => a.userName.localeCompare(b.userName));
  const out: Array<{ scope: string; key: string; reader: string; born: number }> = [];
  estate.scopes.forEach((scope, i) => {
    const readers = new Map<string, number>();
    const add = (name: string, joined: number) => readers.set(name, joined);
    for (const a of scope.acls) {
      if (a.stale) continue;
      if (a.principal === 'users') {
        for (let k = 0; k < Math.min(READERS_PER_GRANT, sps.length); k++) {
          const sp = sps[(i + k) % sps.length]!;
          add(sp.applicationId, sp.createdAt);
        }
        continue;
      }
      for (const sp of sps) if (sp.applicationId === a.principal || sp.groups.includes(a.principal)) add(sp.applicationId, sp.createdAt);
      const person = people.find((p) => p.userName === a.principal);
      if (person) add(person.userName, person.createdAt);
      for (const p of people.filter((x) => x.groups.includes(a.principal)).slice(0, READERS_PER_GRANT)) add(p.userName, p.createdAt);
    }
    for (const key of scope.keys) {
      if (scope.unread?.includes(key)) continue;
      for (const [reader, joined] of readers) out.push({ scope: scope.name, key, reader, born: Math.max(scope.createdAt, joined) });
    }
  });
  return out;
}
