// Seeds Unity Catalog: the demo estate (catalog-demo.ts, catalog-grants.ts) at every scale, plus thousands of
// generated tables at large scale (catalog-large.ts). Deterministic for a seed; times relative to opts.now.
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import { addCatalog, addColumnTag, addFunction, addGrant, addMask, addRowFilter, addSchema, addTable, finishCatalog } from '../uc/builder';
import { ensureUcStore } from '../uc/store';
import { generator } from './catalog-data';
import { GOVERNANCE_FUNCTIONS, demoCatalogs, demoTables } from './catalog-demo';
import { type GrantPeople, demoGrants } from './catalog-grants';
import { seedLargeCatalog } from './catalog-large';
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
  const grants: GrantPeople = {
    directReader: inGroup('analytics'),
    silverManager: inGroup('claims-analytics'),
    goldManager: inGroup('bi-developers'),
    vendorReader: inGroup('contractors'),
    hrReader: inGroup('data-science'),
    hrManager: inGroup('platform-ops'),
    etlSp: sp('etl-orchestrator'),
  };
  const owners = { finance: inGroup('finance-analysts'), hr: inGroup('security-managers'), contractor: inGroup('contractors') };
  return { grants, owners };
}

export async function seedCatalog(db: SimDb, estate: Estate, opts: SeedOptions): Promise<void> {
  await ensureUcStore(db);
  const rng = new Rng(opts.seed ^ 0x0c47a106);
  const now = opts.now.getTime();
  const { grants: people, owners } = choosePeople(estate, rng);
  // An object is made after its parent and, when a person owns it, after they joined (owners rarely change here).
  const joined = new Map<string, number>([
    ...estate.people.map((p) => [p.userName, p.createdAt] as const),
    ...estate.servicePrincipals.map((s) => [s.applicationId, s.createdAt] as const),
  ]);
  const made = (min: number, max: number, after: number, owner: string) =>
    new Date(Math.min(now - DAY_MS, Math.max(now - rng.int(min, max) * DAY_MS, after + DAY_MS, (joined.get(owner) ?? 0) + DAY_MS)));

  const catalogs = demoCatalogs(owners);
  const ownerOf = new Map<string, string>();
  const schemaMade = new Map<string, number>();
  for (const c of catalogs) {
    const catalogMade = made(500, 900, 0, c.owner);
    await addCatalog(db, c.name, c.owner, c.comment, catalogMade);
    for (const s of c.schemas) {
      ownerOf.set(`${c.name}.${s.name}`, s.owner ?? c.owner);
      const at = made(200, 500, catalogMade.getTime(), s.owner ?? c.owner);
      schemaMade.set(`${c.name}.${s.name}`, at.getTime());
      await addSchema(db, c.name, s.name, s.owner ?? c.owner, s.comment, at);
    }
  }
  for (const f of GOVERNANCE_FUNCTIONS) await addFunction(db, `main.governance.${f.name}`, f.params, f.returns, f.body, 'admins');
  for (const t of demoTables()) {
    const g = generator(opts.seed, opts.now, `${t.catalog}.${t.schema}.${t.name}`);
    const full = `${t.catalog}.${t.schema}.${t.name}`;
    const owner = t.owner ?? ownerOf.get(`${t.catalog}.${t.schema}`) ?? 'admins';
    await addTable(db, {
      catalog: t.catalog,
      schema: t.schema,
      name: t.name,
      owner,
      comment: t.comment ?? null,
      columns: t.columns.map(([n, type]) => [n, type] as const),
      createdAt: made(20, 200, schemaMade.get(`${t.catalog}.${t.schema}`) ?? 0, owner),
      rowsSql: g.rows(
        t.rows,
        t.columns.map(([, , expr]) => expr(g)),
      ),
    });
    for (const [col, fn] of Object.entries(t.masks ?? {})) await addMask(db, full, col, fn);
    if (t.filter) await addRowFilter(db, full, t.filter.fn, t.filter.inputs);
    for (const [col, value] of Object.entries(t.pii ?? {})) await addColumnTag(db, full, col, 'pii', value);
  }
  const grantor = estate.people.find((p) => p.groups.includes('admins'))?.userName ?? 'System user';
  for (const [type, full, principal, privileges] of demoGrants(people)) {
    for (const privilege of privileges)
      await addGrant(db, type, full, principal, privilege, type === 'catalog' && full === 'system' ? 'System user' : grantor);
  }
  if (opts.scale === 'large') await seedLargeCatalog(db, estate, opts);
  finishCatalog(db);
}
