// Seeds Unity Catalog: the demo estate (catalog-demo*.ts, catalog-grants.ts) at every scale, plus thousands of
// generated tables at large scale (catalog-large.ts), then 90 days of table lineage consistent with the grants
// (catalog-lineage*.ts). Deterministic for a seed; times relative to opts.now.
import { createHash } from 'node:crypto';
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import {
  addCatalog,
  addColumnTag,
  addFunction,
  addGrant,
  addMask,
  addRowFilter,
  addSchema,
  addTable,
  addVolume,
  finishCatalog,
} from '../uc/builder';
import { METASTORE_ID } from '../uc/grants';
import { ensureUcStore } from '../uc/store';
import { generator } from './catalog-data';
import { GOVERNANCE_FUNCTIONS, demoCatalogs, demoTables, demoVolumes } from './catalog-demo';
import { type GrantPeople, demoGrants } from './catalog-grants';
import { seedLargeCatalog } from './catalog-large';
import { seedLineage } from './catalog-lineage';
import { DAY_MS, Rng } from './random';

function choosePeople(estate: Estate, rng: Rng) {
  const active = estate.people.filter((p) => p.active && !p.groups.includes('admins'));
  const used = new Set<string>();
  const inGroup = (group: string) => {
    const pool = active.filter((p) => p.groups.includes(group) && !used.has(p.userName));
    const chosen = pool.length ? rng.pick(pool) : rng.pick(active);
    used.add(chosen.userName);
    return chosen.userName;
  };
  const sp = (name: string) =>
    estate.servicePrincipals.find((s) => s.displayName === name)?.applicationId ?? estate.servicePrincipals[0]?.applicationId ?? 'users';
  // The order of picks is part of the estate: a new pick goes last so earlier ones stay who they were.
  const directReader = inGroup('analytics');
  const silverManager = inGroup('claims-analytics');
  const goldManager = inGroup('bi-developers');
  const vendorReader = inGroup('contractors');
  const hrReader = inGroup('data-science');
  const hrManager = inGroup('platform-ops');
  const owners = { finance: inGroup('finance-analysts'), hr: inGroup('security-managers'), contractor: inGroup('contractors') };
  const grants: GrantPeople = {
    directReader,
    silverManager,
    goldManager,
    goldWriter: inGroup('analytics'),
    vendorReader,
    hrReader,
    hrManager,
    sp: {
      etl: sp('etl-orchestrator'),
      powerbi: sp('powerbi-gateway'),
      dbt: sp('dbt-cloud-prod'),
      fivetran: sp('fivetran-ingest'),
      hightouch: sp('hightouch-reverse-etl'),
      legacyAirflow: sp('legacy-airflow'),
    },
  };
  return { grants, owners };
}

const managedLocation = (fullName: string) => {
  const h = createHash('sha1').update(`volume:${fullName}`).digest('hex');
  return `abfss://unity-catalog@hpunitycatalog.dfs.core.windows.net/${METASTORE_ID}/volumes/${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

export async function seedCatalog(db: SimDb, estate: Estate, opts: SeedOptions): Promise<void> {
  await ensureUcStore(db);
  const rng = new Rng(opts.seed ^ 0x0c47a106);
  const now = opts.now.getTime();
  const { grants: people, owners } = choosePeople(estate, rng);
  // Objects owned by groups were created by a platform admin; those owned by a person, by that person.
  const admin = estate.people.find((p) => p.groups.includes('admins'))?.userName ?? 'System user';
  const platformAdmin = estate.people.filter((p) => p.groups.includes('admins'))[1]?.userName ?? admin;
  const creator = (owner: string) => (owner.includes('@') ? owner : platformAdmin);
  // An object is made after its parent and after its owner and its creator joined (owners rarely change here).
  const joined = new Map<string, number>([
    ...estate.people.map((p) => [p.userName, p.createdAt] as const),
    ...estate.servicePrincipals.map((s) => [s.applicationId, s.createdAt] as const),
  ]);
  const made = (min: number, max: number, after: number, owner: string) =>
    new Date(
      Math.min(
        now - DAY_MS,
        Math.max(
          now - rng.int(min, max) * DAY_MS,
          after + DAY_MS,
          (joined.get(owner) ?? 0) + DAY_MS,
          (joined.get(creator(owner)) ?? 0) + DAY_MS,
        ),
      ),
    );

  const catalogs = demoCatalogs(owners);
  const schemaInfo = new Map<string, { owner: string; created: number }>();
  for (const c of catalogs) {
    const catalogMade = made(720, 1000, 0, c.owner);
    await addCatalog(db, c.name, c.owner, c.comment, catalogMade, creator(c.owner));
    for (const s of c.schemas) {
      const owner = s.owner ?? c.owner;
      const created = made(460, 700, catalogMade.getTime(), owner);
      schemaInfo.set(`${c.name}.${s.name}`, { owner, created: created.getTime() });
      await addSchema(db, c.name, s.name, owner, s.comment, created, creator(owner));
    }
  }
  for (const f of GOVERNANCE_FUNCTIONS) {
    const owner = f.ownedByHr ? owners.hr : 'admins';
    await addFunction(db, `main.governance.${f.name}`, f.params, f.returns, f.body, owner, {
      at: made(300, 450, schemaInfo.get('main.governance')?.created ?? 0, owner),
      by: f.ownedByHr ? owners.hr : admin,
    });
  }
  for (const t of demoTables()) {
    const full = `${t.catalog}.${t.schema}.${t.name}`;
    const schema = schemaInfo.get(`${t.catalog}.${t.schema}`);
    const [min, max] = t.ageDays ?? [200, 450];
    const owner = t.owner ?? schema?.owner ?? 'admins';
    const g = generator(opts.seed, opts.now, full);
    await addTable(db, {
      catalog: t.catalog,
      schema: t.schema,
      name: t.name,
      owner,
      comment: t.comment ?? null,
      columns: t.columns.map(([n, type]) => [n, type] as const),
      createdAt: made(min, max, schema?.created ?? 0, owner),
      createdBy: creator(owner),
      rowsSql: g.rows(
        t.rows,
        t.columns.map(([, , expr]) => expr(g)),
      ),
    });
    for (const [col, fn] of Object.entries(t.masks ?? {})) await addMask(db, full, col, fn);
    if (t.filter) await addRowFilter(db, full, t.filter.fn, t.filter.inputs);
    for (const [col, value] of Object.entries(t.pii ?? {})) await addColumnTag(db, full, col, 'pii', value);
  }
  for (const v of demoVolumes(owners)) {
    await addVolume(db, v.fullName, {
      owner: v.owner,
      comment: v.comment,
      volumeType: v.external ? 'EXTERNAL' : 'MANAGED',
      storageLocation: v.external ?? managedLocation(v.fullName),
      createdAt: made(100, 300, schemaInfo.get(v.fullName.split('.').slice(0, 2).join('.'))?.created ?? 0, v.owner),
      createdBy: creator(v.owner),
    });
  }
  for (const [type, full, principal, privileges] of demoGrants(people)) {
    for (const privilege of privileges)
      await addGrant(db, type, full, principal, privilege, type === 'catalog' && full === 'system' ? 'System user' : admin);
  }
  if (opts.scale === 'large') await seedLargeCatalog(db, estate, opts);
  await seedLineage(db, estate, opts, people);
  finishCatalog(db);
}
