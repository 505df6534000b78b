// Large scale: 50 project catalogs × 10 schemas × 10 tables (5,000 tables) written with a handful of
// INSERT … SELECT statements. The tables share five storage tables (one per archetype), as shallow clones would,
// so thousands of tables cost metadata rather than disk.
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import { METASTORE_ID } from '../uc/grants';
import { duckTypeOf } from '../uc/types';
import { generator, personColumns, REGIONS } from './catalog-data';

const CATALOGS = 50;
const SCHEMAS = ['raw', 'staging', 'curated', 'features', 'reports', 'archive', 'sandbox', 'exports', 'ml', 'ops'];
const TABLES_PER_SCHEMA = 10;

type Col = [string, string, string];
const ARCHETYPES: Array<{ name: string; rows: number; columns: (g: ReturnType<typeof generator>) => Col[] }> = [
  {
    name: 'events',
    rows: 2000,
    columns: (g) => [
      ['event_id', 'BIGINT', 'i'],
      ['event_type', 'STRING', g.pick('t', ['view', 'click', 'quote', 'buy'])],
      ['region', 'STRING', g.pick('r', REGIONS)],
      ['event_time', 'TIMESTAMP', g.recentTs('t', 30)],
    ],
  },
  {
    name: 'customers',
    rows: 1000,
    columns: (g) => {
      const p = personColumns(g, 'example.org');
      return [
        ['customer_id', 'BIGINT', 'i'],
        ['email', 'STRING', p.email],
        ['phone', 'STRING', p.phone],
        ['region', 'STRING', g.pick('r', REGIONS)],
      ];
    },
  },
  {
    name: 'metrics',
    rows: 1000,
    columns: (g) => [
      ['day', 'DATE', g.recentDate('d', 90)],
      ['metric', 'STRING', g.pick('m', ['latency', 'volume', 'errors'])],
      ['value', 'DOUBLE', `${g.rnd('v', 100000)} / 100.0`],
    ],
  },
  {
    name: 'accounts',
    rows: 500,
    columns: (g) => {
      const p = personColumns(g, 'x');
      return [
        ['account_id', 'BIGINT', 'i'],
        ['holder', 'STRING', p.fullName],
        ['iban', 'STRING', p.iban],
        ['balance', 'DECIMAL(14,2)', `CAST(${g.rnd('b', 10000000)} / 100 AS DECIMAL(14,2))`],
      ];
    },
  },
  {
    name: 'logs',
    rows: 2000,
    columns: (g) => [
      ['ts', 'TIMESTAMP', g.recentTs('t', 7)],
      ['ip_address', 'STRING', `'10.' || ${g.rnd('a', 255)} || '.' || ${g.rnd('b', 255)} || '.' || ${g.rnd('c', 255)}`],
      ['message', 'STRING', g.pick('m', ['ok', 'retry', 'denied', 'timeout'])],
    ],
  },
];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: string[]) => `[${xs.map(lit).join(', ')}]`;

export async function seedLargeCatalog(db: SimDb, estate: Estate, opts: SeedOptions): Promise<void> {
  const seed = opts.seed;
  const chosen = estate.people.filter((p) => p.active && !p.groups.includes('admins'));
  const people = chosen.map((p) => p.userName);
  const joined = chosen.map((p) => String(p.createdAt));
  const projectGroups = estate.groups.filter((g) => g.startsWith('project-'));
  const groups = projectGroups.length ? projectGroups : ['data-engineering', 'analytics', 'data-science'];
  const h = (expr: string, key: string, n: number) => `CAST(hash(${expr}, '${key}', ${seed}) % ${n} AS BIGINT)`;
  // A table is made (and, when a person owns it or holds a grant on it, by/for them) after that person joined.
  const personIdx = `1 + ${h('i', 'person', people.length)}`;
  const created = `greatest(TIMESTAMP '${opts.now.toISOString().slice(0, 19)}' - to_days(CAST(30 + ${h('i', 'created', 600)} AS INTEGER)),
      make_timestamp(CAST(${`[${joined.join(', ')}]`}[${personIdx}] AS BIGINT) * 1000) + INTERVAL 1 DAY)`;

  const columnRows: string[] = [];
  for (const [a, arch] of ARCHETYPES.entries()) {
    const g = generator(seed, opts.now, `large:${arch.name}`);
    const cols = arch.columns(g);
    await db.run(`CREATE OR REPLACE TABLE uc_store.large_${arch.name} (${cols.map(([n, t]) => `"${n}" ${duckTypeOf(t)}`).join(', ')})`);
    await db.run(
      `INSERT INTO uc_store.large_${arch.name} ${g.rows(
        arch.rows,
        cols.map(([, , e]) => e),
      )}`,
    );
    cols.forEach(([n, t], i) => columnRows.push(`(${a}, ${lit(n)}, ${i + 1}, ${lit(t)})`));
  }

  // One connection throughout: large_tables is a temp table.
  await db.withConnection(async (c) => {
    await c.run(`
    CREATE OR REPLACE TEMP TABLE large_tables AS
    SELECT i, format('project_{:03d}', i // 100 + 1) AS catalog_name, ${list(SCHEMAS)}[1 + (i // ${TABLES_PER_SCHEMA}) % ${SCHEMAS.length}] AS schema_name,
      ${list(ARCHETYPES.map((a) => a.name))}[1 + i % ${ARCHETYPES.length}] || '_' || format('{:04d}', i) AS table_name, i % ${ARCHETYPES.length} AS archetype,
      ${list(groups)}[1 + (i // 100) % ${groups.length}] AS grp, ${list(people)}[${personIdx}] AS person, ${created} AS created_at
    FROM range(${CATALOGS * SCHEMAS.length * TABLES_PER_SCHEMA}) t(i)`);
    await c.run(`
    INSERT OR REPLACE INTO uc_meta.catalogs SELECT DISTINCT catalog_name, grp, 'Project workspace catalog', min(created_at) OVER (PARTITION BY catalog_name), grp FROM large_tables;
    INSERT OR REPLACE INTO uc_meta.schemas SELECT DISTINCT catalog_name, schema_name, grp, NULL, min(created_at) OVER (PARTITION BY catalog_name, schema_name), grp FROM large_tables;
    INSERT OR REPLACE INTO uc_meta.tables SELECT catalog_name, schema_name, table_name, 'MANAGED',
      CASE WHEN ${h('i', 'own', 10)} = 0 THEN person ELSE grp END, NULL,
      'uc_store.large_' || ${list(ARCHETYPES.map((a) => a.name))}[1 + archetype], 'DELTA', created_at, person, created_at, person FROM large_tables;
    INSERT OR REPLACE INTO uc_meta.columns SELECT t.catalog_name, t.schema_name, t.table_name, c.name, c.pos, c.type, true, NULL
      FROM large_tables t JOIN (VALUES ${columnRows.join(', ')}) c(archetype, name, pos, type) USING (archetype);`);

    // Grants: the project group reads its catalog; some schemas open to everyone; direct grants and MANAGE to people.
    await c.run(`
    INSERT INTO uc_meta.grants SELECT DISTINCT 'catalog', catalog_name, grp, 'USE_CATALOG', 'System user', created_at FROM large_tables ON CONFLICT DO NOTHING;
    INSERT INTO uc_meta.grants SELECT DISTINCT 'schema', catalog_name || '.' || schema_name, grp, p, 'System user', created_at
      FROM large_tables, (VALUES ('USE_SCHEMA'), ('SELECT')) v(p) ON CONFLICT DO NOTHING;
    INSERT INTO uc_meta.grants SELECT DISTINCT 'schema', catalog_name || '.' || schema_name, 'users', 'ALL_PRIVILEGES', 'System user', created_at
      FROM large_tables WHERE ${h('catalog_name || schema_name', 'all', 12)} = 0 ON CONFLICT DO NOTHING;
    INSERT INTO uc_meta.grants SELECT 'table', catalog_name || '.' || schema_name || '.' || table_name, person, 'SELECT', 'System user', created_at
      FROM large_tables WHERE ${h('i', 'direct', 20)} = 0 ON CONFLICT DO NOTHING;
    INSERT INTO uc_meta.grants SELECT 'table', catalog_name || '.' || schema_name || '.' || table_name, person, 'MANAGE', 'System user', created_at
      FROM large_tables WHERE ${h('i', 'manage', 50)} = 0 ON CONFLICT DO NOTHING;`);

    // Masks on a fifth of the customer and account tables, row filters on some event tables, PII tags on others.
    await c.run(`
    INSERT OR REPLACE INTO uc_meta.column_masks SELECT catalog_name, schema_name, table_name, CASE archetype WHEN 1 THEN 'email' ELSE 'iban' END,
      CASE archetype WHEN 1 THEN 'main.governance.mask_email' ELSE 'main.governance.mask_iban' END, []::VARCHAR[]
      FROM large_tables WHERE archetype IN (1, 3) AND ${h('i', 'mask', 5)} = 0;
    INSERT OR REPLACE INTO uc_meta.row_filters SELECT catalog_name, schema_name, table_name, 'main.governance.region_filter', ['region']
      FROM large_tables WHERE archetype = 0 AND ${h('i', 'filter', 10)} = 0;
    INSERT OR REPLACE INTO uc_meta.column_tags SELECT catalog_name, schema_name, table_name, CASE archetype WHEN 1 THEN 'email' WHEN 3 THEN 'iban' ELSE 'ip_address' END,
      'pii', CASE archetype WHEN 1 THEN 'email' WHEN 3 THEN 'iban' ELSE 'ip_address' END
      FROM large_tables WHERE archetype IN (1, 3, 4) AND ${h('i', 'tag', 3)} = 0;`);

    // A landing volume per project (its group reads and writes it), and outbound exports in every fifth project that
    // the whole account may read. Each is made a few days after its schema by whoever made the schema's first table
    // (who had joined by then).
    const uuid = (expr: string) =>
      `(SELECT substr(m, 1, 8) || '-' || substr(m, 9, 4) || '-' || substr(m, 13, 4) || '-' || substr(m, 17, 4) || '-' || substr(m, 21, 12) FROM (SELECT md5(${expr}) AS m))`;
    await c.run(`
    CREATE OR REPLACE TEMP TABLE large_volumes AS
    SELECT catalog_name, 'raw' AS schema_name, 'landing' AS volume_name, 'MANAGED' AS volume_type, grp,
      'abfss://unity-catalog@hpunitycatalog.dfs.core.windows.net/${METASTORE_ID}/volumes/' || ${uuid("'volume:' || catalog_name")} AS location,
      min(created_at) + INTERVAL 3 DAY AS created_at, arg_min(person, created_at) AS person
    FROM large_tables WHERE schema_name = 'raw' GROUP BY catalog_name, grp
    UNION ALL
    SELECT catalog_name, 'exports', 'outbound', 'EXTERNAL', grp,
      'abfss://exports@hpdatalakeprod.dfs.core.windows.net/' || catalog_name || '/outbound', min(created_at) + INTERVAL 5 DAY,
      arg_min(person, created_at)
    FROM large_tables WHERE schema_name = 'exports' GROUP BY catalog_name, grp HAVING ${h('catalog_name', 'exports', 5)} = 0;
    INSERT OR REPLACE INTO uc_meta.volumes SELECT catalog_name, schema_name, volume_name, volume_type, grp,
      CASE volume_name WHEN 'landing' THEN 'Files dropped by upstream systems' ELSE 'Files shared with partners' END,
      location, created_at, person FROM large_volumes;
    INSERT INTO uc_meta.grants SELECT 'volume', catalog_name || '.raw.landing', grp, p, 'System user', created_at
      FROM large_volumes, (VALUES ('READ_VOLUME'), ('WRITE_VOLUME')) v(p) WHERE volume_name = 'landing' ON CONFLICT DO NOTHING;
    INSERT INTO uc_meta.grants SELECT 'volume', catalog_name || '.exports.outbound', 'account users', 'READ_VOLUME', 'System user', created_at
      FROM large_volumes WHERE volume_name = 'outbound' ON CONFLICT DO NOTHING;
    DROP TABLE large_volumes;
    DROP TABLE large_tables;`);
  });
}
