// Expands lineage patterns (catalog-lineage.ts) into 90 days of system.access.table_lineage rows inside DuckDB: the
// patterns travel as one JSON parameter into a temporary table, and one INSERT … SELECT crosses them with the days
// and hours of the window. Which slot fires is a hash of (pattern group, day, hour, seed), so a job run's records
// (one per source table) appear together, share a run id and an event id, and the output is the same every seeding.
import type { DuckDBConnection } from '@duckdb/node-api';
import { ENTITY_METADATA, LINEAGE_TABLE } from '../audit/lineage-schema';
import { duckTypeOf } from '../uc/types';

export interface LineagePattern {
  createdBy: string;
  entityType: 'JOB' | 'NOTEBOOK' | 'DASHBOARD_V3' | null;
  entityId: string | null;
  /** Records of one run share this key: they fire together and carry one run id and event id. */
  group: string;
  source: string | null;
  sourcePath: string | null;
  target: string | null;
  targetPath: string | null;
  /** UTC hours at which a run may happen each day. */
  hours: number[];
  minute: number;
  weekdaysOnly: boolean;
  /** Chance per slot, in thousandths. */
  permille: number;
  /** Window in days before the seed's day, both ends included (firstDay ≥ lastDay ≥ 0). */
  firstDay: number;
  lastDay: number;
}

const SHAPE = JSON.stringify([
  {
    createdBy: 'VARCHAR',
    entityType: 'VARCHAR',
    entityId: 'VARCHAR',
    group: 'VARCHAR',
    source: 'VARCHAR',
    sourcePath: 'VARCHAR',
    target: 'VARCHAR',
    targetPath: 'VARCHAR',
    hours: 'INTEGER[]',
    minute: 'INTEGER',
    weekdaysOnly: 'BOOLEAN',
    permille: 'INTEGER',
    firstDay: 'INTEGER',
    lastDay: 'INTEGER',
  },
]);

/** A UUID-shaped id from the md5 of a text expression. */
const uuidOf = (expr: string) => `(SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a' || substr(h, 18, 3)
    || '-' || substr(h, 21, 12) FROM (SELECT md5(${expr}) AS h))`;
const part = (col: string, i: number) => `CASE WHEN ${col} IS NULL THEN NULL ELSE split_part(${col}, '.', ${i}) END`;
const kind = (table: string, path: string) => `CASE WHEN ${table} IS NOT NULL THEN 'TABLE' WHEN ${path} IS NOT NULL THEN 'PATH' END`;
const metadata = (fields: Record<string, string>) =>
  `CAST({${['job_info', 'dashboard_id', 'legacy_dashboard_id', 'notebook_id', 'sql_query_id', 'dlt_pipeline_info']
    .map((k) => `'${k}': ${fields[k] ?? 'NULL'}`)
    .join(', ')}} AS ${duckTypeOf(ENTITY_METADATA)})`;

export async function insertLineage(
  conn: DuckDBConnection,
  patterns: readonly LineagePattern[],
  opts: { seed: number; now: Date; accountId: string; workspaceId: string; metastoreId: string },
): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE lineage_plan AS SELECT r.* FROM (SELECT unnest(json_transform(CAST($plan AS JSON), '${SHAPE}')) AS r)`,
    { plan: JSON.stringify(patterns) },
  );
  const today = opts.now.toISOString().slice(0, 10);
  const now = opts.now.toISOString().replace('T', ' ').replace('Z', '');
  const seed = opts.seed;
  const run = `f."group" || ':' || f.d || ':' || f.hr`;
  const runId = `CAST(hash('run', f."group", f.d, f.hr, ${seed}) % 900000000000000 + 100000000000000 AS VARCHAR)`;
  await conn.run(
    `INSERT INTO ${LINEAGE_TABLE}
    WITH slots AS (SELECT *, unnest(hours) AS hr FROM lineage_plan),
    fired AS (
      SELECT s.*, d.d, DATE '${today}' - CAST(d.d AS INTEGER) AS day
      FROM slots s, range(0, 90) d(d)
      WHERE d.d BETWEEN s.lastDay AND s.firstDay AND hash('fire', s."group", d.d, s.hr, ${seed}) % 1000 < s.permille),
    timed AS (
      SELECT *, CAST(day AS TIMESTAMP) + to_hours(hr) + to_minutes(minute)
          + to_seconds(CAST(hash('at', "group", d, hr, ${seed}) % 600 AS INTEGER))
          + to_seconds(CAST(hash('rec', coalesce(source, sourcePath, ''), coalesce(target, targetPath, '')) % 20 AS INTEGER)) AS ts
      FROM fired WHERE NOT (weekdaysOnly AND isodow(day) > 5))
    SELECT $account, $metastore, $workspace, f.entityType, f.entityId, CASE WHEN f.entityType = 'JOB' THEN ${runId} END,
      f.source, ${part('f.source', 1)}, ${part('f.source', 2)}, ${part('f.source', 3)}, f.sourcePath, ${kind('f.source', 'f.sourcePath')},
      f.target, ${part('f.target', 1)}, ${part('f.target', 2)}, ${part('f.target', 3)}, f.targetPath, ${kind('f.target', 'f.targetPath')},
      f.createdBy, f.ts, CAST(f.ts AS DATE),
      ${uuidOf(`'record:' || ${run} || ':' || coalesce(f.source, f.sourcePath, '') || '>' || coalesce(f.target, f.targetPath, '')`)},
      ${uuidOf(`'event:' || ${run}`)},
      CASE WHEN f.entityType IS NULL OR f.entityType = 'DASHBOARD_V3' THEN ${uuidOf(`'statement:' || ${run}`)} END,
      CASE f.entityType
        WHEN 'JOB' THEN ${metadata({ job_info: `{'job_id': f.entityId, 'job_run_id': ${runId}}` })}
        WHEN 'NOTEBOOK' THEN ${metadata({ notebook_id: 'f.entityId' })}
        WHEN 'DASHBOARD_V3' THEN ${metadata({ dashboard_id: 'f.entityId' })}
      END
    FROM timed f
    WHERE f.ts <= TIMESTAMP '${now}'
    ORDER BY f.ts`,
    { account: opts.accountId, metastore: opts.metastoreId, workspace: opts.workspaceId },
  );
  await conn.run('DROP TABLE lineage_plan');
}
