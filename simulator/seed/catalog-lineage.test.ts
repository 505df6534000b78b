import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINEAGE_COLUMNS } from '../audit/lineage-schema';
import type { Estate } from '../core/contract';
import { SimDb } from '../core/db';
import { createWorkspaceSchema } from '../store/schema';
import { principalSet } from '../uc/principals';
import { privilegeModel, structure } from '../uc/store';
import { seedCatalog } from './catalog';
import { DAY_MS } from './random';
import { seedWorkspace } from './workspace';

const now = new Date('2026-11-28T12:00:00Z');

type Row = { who: string; src: string | null; tgt: string | null; ts: Date; day: Date; entity: string | null; run: string | null };

describe('seeded table lineage (demo)', () => {
  let db: SimDb;
  let estate: Estate;
  let rows: Row[];
  beforeAll(async () => {
    db = await SimDb.open(':memory:');
    await createWorkspaceSchema(db);
    estate = (await seedWorkspace(db, { scale: 'demo', seed: 42, now })).estate;
    await seedCatalog(db, estate, { scale: 'demo', seed: 42, now });
    rows = await db.all<Row>(
      `SELECT created_by AS who, source_table_full_name AS src, target_table_full_name AS tgt, event_time AS ts,
         event_date AS day, entity_type AS entity, entity_run_id AS run FROM system_access.table_lineage`,
    );
  });
  afterAll(() => db.close());

  it('has the documented columns and thousands of rows over 90 days, none in the future', async () => {
    const cols = await db.all<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'system_access' AND table_name = 'table_lineage' ORDER BY ordinal_position",
    );
    expect(cols.map((c) => c.column_name)).toEqual(LINEAGE_COLUMNS.map(([n]) => n));
    expect(rows.length).toBeGreaterThan(3000);
    const times = rows.map((r) => r.ts.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThan(now.getTime() - 91 * DAY_MS);
    expect(rows.every((r) => r.day.toISOString().slice(0, 10) === r.ts.toISOString().slice(0, 10))).toBe(true);
    expect(new Set(rows.map((r) => r.entity))).toEqual(new Set(['JOB', 'NOTEBOOK', 'DASHBOARD_V3', null]));
    expect(rows.filter((r) => r.entity === 'JOB').every((r) => r.run !== null)).toBe(true);
  });

  it('never shows anyone reading what they cannot read or writing what they cannot modify', async () => {
    const [st, model] = await Promise.all([structure(db), privilegeModel(db)]);
    const who = new Map(
      [...estate.people.map((p) => [p.userName, p] as const), ...estate.servicePrincipals.map((s) => [s.applicationId, s] as const)].map(
        ([name, p]) => [name, { active: p.active, principals: principalSet({ name, groups: p.groups }) }],
      ),
    );
    const check = (name: string, table: string, privilege: string) => {
      const t = st.tables.get(table);
      const p = who.get(name);
      return (
        t !== undefined &&
        p?.active === true &&
        model.missingForUse({ type: 'table', fullName: table, kind: t.kind }, p.principals, privilege) === null
      );
    };
    const bad = rows.filter((r) => (r.src && !check(r.who, r.src, 'SELECT')) || (r.tgt && !check(r.who, r.tgt, 'MODIFY')));
    expect(bad).toEqual([]);
  });

  it('starts no table’s lineage before the table existed', async () => {
    const created = new Map(
      (
        await db.all<{ n: string; c: Date }>(
          "SELECT catalog_name || '.' || schema_name || '.' || table_name AS n, created_at AS c FROM uc_meta.tables",
        )
      ).map((r) => [r.n, r.c.getTime()]),
    );
    const early = rows.filter((r) => [r.src, r.tgt].some((t) => t !== null && r.ts.getTime() < (created.get(t) ?? Infinity)));
    expect(early).toEqual([]);
  });

  it('leaves some grants used every day and others never used', async () => {
    const sp = (name: string) => estate.servicePrincipals.find((s) => s.displayName === name)?.applicationId;
    const days = (who: string | undefined, pick: (r: Row) => string | null, prefix: string) =>
      new Set(rows.filter((r) => r.who === who && pick(r)?.startsWith(prefix)).map((r) => r.day.getTime())).size;
    // etl-orchestrator builds silver every night; Power BI reads gold every working day but never writes it.
    expect(days(sp('etl-orchestrator'), (r) => r.tgt, 'analytics.silver.')).toBeGreaterThanOrEqual(85);
    expect(days(sp('powerbi-gateway'), (r) => r.src, 'analytics.gold.')).toBeGreaterThanOrEqual(55);
    expect(days(sp('powerbi-gateway'), (r) => r.tgt, 'analytics.gold.')).toBe(0);
    expect(rows.some((r) => r.who === sp('legacy-airflow'))).toBe(false);
  });
});
