// The believability checks of what the catalog and workspace seeds add (seed/catalog*.ts, seed/notebooks*.ts), in
// the form of seed/invariants-sql.ts (each counts violations, which must be 0), using its shared definitions (`WITH`:
// audit, window_start, principals, lives):
// - system.access.table_lineage: every read and write by a person or service principal inside their life, on a table
//   that existed, by a job that existed, was not paused and ran as its run-as principal, and none in the future;
// - notebooks and files: created after their creator joined, modified after they were created and before their
//   creator left (or now); the history's createNotebook at the notebook's created_at by its creator, no notebook
//   attached before it existed; home folders only for principals that exist;
// - catalogs, schemas, tables, volumes and functions: created after their parent, inside their owner's and creator's
//   lives, and not in the future.
import { LINEAGE_TABLE } from '../audit/lineage-schema';

const ok = 'response.status_code < 400';
const ms = 'epoch_ms(e.event_time)';

/** Every catalog object with its parent's full name (NULL for a catalog); `system` is Databricks' own. */
const UC_OBJECTS = `uc_objects AS (
    SELECT catalog_name AS name, NULL AS parent, created_at, owner, created_by FROM uc_meta.catalogs
    UNION ALL SELECT catalog_name || '.' || schema_name, catalog_name, created_at, owner, created_by FROM uc_meta.schemas
    UNION ALL SELECT catalog_name || '.' || schema_name || '.' || table_name, catalog_name || '.' || schema_name, created_at, owner, created_by
      FROM uc_meta.tables
    UNION ALL SELECT catalog_name || '.' || schema_name || '.' || volume_name, catalog_name || '.' || schema_name, created_at, owner, created_by
      FROM uc_meta.volumes
    UNION ALL SELECT catalog_name || '.' || schema_name || '.' || function_name, catalog_name || '.' || schema_name, created_at, owner,
      created_by FROM uc_meta.functions)`;

export function objectChecks(WITH: string): Array<readonly [string, string]> {
  return [
    [
      'table lineage by a person or service principal before they joined, after they left, or who does not exist',
      `${WITH} SELECT count(*) AS n FROM ${LINEAGE_TABLE} l LEFT JOIN lives v ON v.name = l.created_by
       WHERE v.name IS NULL OR epoch_ms(l.event_time) < v.joined OR epoch_ms(l.event_time) > v.left_at`,
    ],
    [
      'table lineage on a table before it was created, or on one that does not exist',
      `WITH tables AS (SELECT catalog_name || '.' || schema_name || '.' || table_name AS name, created_at FROM uc_meta.tables),
         sides AS (
           SELECT source_table_full_name AS name, event_time FROM ${LINEAGE_TABLE} WHERE source_table_full_name IS NOT NULL
           UNION ALL SELECT target_table_full_name, event_time FROM ${LINEAGE_TABLE} WHERE target_table_full_name IS NOT NULL)
       SELECT count(*) AS n FROM sides s LEFT JOIN tables t ON t.name = s.name WHERE t.name IS NULL OR s.event_time < t.created_at`,
    ],
    [
      // The audit history has no run of a paused job either (see 'run of a paused job…').
      'table lineage of a job that does not exist, before it was created, while it is paused, or not as its run-as principal',
      `SELECT count(*) AS n FROM ${LINEAGE_TABLE} l LEFT JOIN ws.jobs j ON CAST(j.job_id AS VARCHAR) = l.entity_id
       WHERE l.entity_type = 'JOB' AND (j.job_id IS NULL OR epoch_ms(l.event_time) < j.created_time
         OR json_extract_string(j.doc, '$.settings.schedule.pause_status') = 'PAUSED'
         OR json_extract_string(j.doc, '$.run_as_user_name') IS DISTINCT FROM l.created_by)`,
    ],
    [
      'table lineage in the future',
      `SELECT count(*) AS n FROM ${LINEAGE_TABLE} WHERE event_time > now()::TIMESTAMP OR event_date > CAST(now()::TIMESTAMP AS DATE)`,
    ],
    [
      'notebook or file created before its creator joined or in the future, or modified before it was created, after its creator left or in the future',
      `${WITH} SELECT count(*) AS n FROM ws.workspace_objects o LEFT JOIN lives v ON v.name = o.creator
       WHERE o.object_type IN ('NOTEBOOK', 'FILE') AND (v.name IS NULL OR o.created_at IS NULL OR o.created_at < v.joined
         OR o.modified_at < o.created_at OR o.modified_at > least(coalesce(v.left_at, epoch_ms(now())), epoch_ms(now())))`,
    ],
    [
      'notebook created (audit) at another time or by another than its creator, or attached before it was created',
      `${WITH}, notebooks AS (SELECT CAST(object_id AS VARCHAR) AS id, path, created_at, creator FROM ws.workspace_objects WHERE object_type = 'NOTEBOOK')
       SELECT (SELECT count(*) FROM audit e LEFT JOIN notebooks o ON o.id = e.request_params['notebookId']
           WHERE e.service_name = 'notebook' AND e.action_name = 'createNotebook' AND e.${ok}
             AND (o.id IS NULL OR abs(${ms} - o.created_at) > 1000 OR e.user_identity.email IS DISTINCT FROM o.creator))
         + (SELECT count(*) FROM audit e LEFT JOIN notebooks o ON o.id = e.request_params['notebookId']
           WHERE e.service_name = 'notebook' AND e.action_name = 'importNotebook' AND e.${ok} AND (o.id IS NULL OR ${ms} < o.created_at - 1000))
         + (SELECT count(*) FROM audit e LEFT JOIN notebooks o ON o.path = e.request_params['path']
           WHERE e.service_name = 'notebook' AND e.action_name = 'attachNotebook' AND e.${ok} AND (o.id IS NULL OR ${ms} < o.created_at)) AS n`,
    ],
    [
      'home folder of a principal that does not exist',
      `${WITH} SELECT count(*) AS n FROM ws.workspace_objects
       WHERE object_type = 'DIRECTORY' AND regexp_matches(path, '^/Users/[^/]+$') AND substr(path, 8) NOT IN (SELECT name FROM principals)`,
    ],
    [
      'catalog, schema, table, volume or function created before its parent, in the future, or at no recorded time',
      `WITH ${UC_OBJECTS}
       SELECT count(*) AS n FROM uc_objects o LEFT JOIN uc_objects p ON p.name = o.parent
       WHERE o.created_at IS NULL OR o.created_at > now()::TIMESTAMP OR (o.parent IS NOT NULL AND (p.name IS NULL OR o.created_at < p.created_at))`,
    ],
    [
      'catalog, schema, table, volume or function created before its owner or creator joined, or after they left',
      `${WITH}, ${UC_OBJECTS}, makers AS (SELECT owner AS who, created_at FROM uc_objects UNION ALL SELECT created_by, created_at FROM uc_objects)
       SELECT count(*) AS n FROM makers m JOIN lives v ON v.name = m.who
       WHERE epoch_ms(m.created_at) < v.joined OR epoch_ms(m.created_at) > v.left_at`,
    ],
  ];
}
