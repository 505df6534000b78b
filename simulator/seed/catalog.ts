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
  const daysAgo = (min: number, max: number) => new Date(now - rng.int(min, max) * DAY_MS);
  const { grants: people, owners } = choosePeople(estate, rng);

  const catalogs = demoCatalogs(owners);
  const ownerOf = new Map<string, string>();
  for (const c of catalogs) {
    await addCatalog(db, c.name, c.owner, c.comment, daysAgo(500, 900));
    for (const s of c.schemas) {
      ownerOf.set(`${c.name}.${s.name}`, s.owner ?? c.owner);
      await addSchema(db, c.name, s.name, s.owner ?? c.owner, s.comment, daysAgo(200, 500));
    }
  }
  for (const f of GOVERNANCE_FUNCTIONS) await addFunction(db, `main.governance.${f.name}`, f.params, f.returns, f.body, 'admins');
  for (const t of demoTables()) {
    const g = generator(opts.seed, opts.now, `${t.catalog}.${t.schema}.${t.name}`);
    const full = `${t.catalog}.${t.schema}.${t.name}`;
    await addTable(db, {
      catalog: t.catalog,
      schema: t.schema,
      name: t.name,
      owner: t.owner ?? ownerOf.get(`${t.catalog}.${t.schema}`) ?? 'admins',
      comment: t.comment ?? null,
      columns: t.columns.map(([n, type]) => [n, type] as const),
      createdAt: daysAgo(20, 200),
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
