// The grants area's SQL, all over system.information_schema (rows limited to what the caller may see, as Databricks
// does) and system.access.table_lineage. Each view is ONE statement: securables and grants come back as rows of one
// shape told apart by `row_kind`, so a view costs one warehouse round trip whatever the metastore's size. Every
// person-supplied value is a bound parameter; lists (a principal and its groups, catalogs) travel as one string with
// a separator no name can contain, matched with instr().
import 'server-only';
import { z } from 'zod';
import { defineQuery } from '@/lib/databricks/sql-client';

const IS = 'system.information_schema';

/** Separates names in a bound list parameter: a newline, which no principal or catalog name accepted here holds. */
export const LIST_SEP = '\n';
/** `['a', 'B']` → "\na\nb\n" (lower-cased): a list parameter matched by `inList`. */
export const listParam = (names: Iterable<string>): string => {
  const items = [...names].map((n) => n.toLowerCase());
  return items.length ? `${LIST_SEP}${items.join(LIST_SEP)}${LIST_SEP}` : '';
};
/** `col` is in the list parameter `param` (an empty list matches everything when `emptyMatchesAll`). */
const inList = (col: string, param: string, emptyMatchesAll: boolean) =>
  `(${emptyMatchesAll ? `:${param} = '' OR ` : ''}instr(:${param}, concat(:sep, lower(${col}), :sep)) > 0)`;

// information_schema has answered 'NONE' for a grant made on the object itself; older documentation implies NULL.
const DIRECT = "coalesce(inherited_from, 'NONE') = 'NONE'";
const privilegeMatches = "(:privilege = '' OR replace(upper(privilege_type), ' ', '_') = :privilege)";
const grantFilter = `${inList('grantee', 'principals', true)} AND ${privilegeMatches}`;

/** One row of any grants statement. */
export const grantsRow = z.object({
  row_kind: z.enum(['securable', 'grant', 'child']),
  level: z.enum(['CATALOG', 'SCHEMA', 'TABLE', 'VOLUME', 'FUNCTION']),
  name: z.string(),
  principal: z.string().nullable(),
  owner: z.string().nullable(),
  privilege: z.string().nullable(),
  inherited_from: z.string().nullable(),
  objects: z.coerce.number().nullable(),
  table_type: z.string().nullable(),
});
export type GrantsSqlRow = z.output<typeof grantsRow>;

const securable = (level: string, name: string, owner: string, objects = 'CAST(NULL AS BIGINT)', tableType = 'CAST(NULL AS STRING)') =>
  `SELECT 'securable' AS row_kind, '${level}' AS level, ${name} AS name, CAST(NULL AS STRING) AS principal, ${owner} AS owner,
    CAST(NULL AS STRING) AS privilege, CAST(NULL AS STRING) AS inherited_from, ${objects} AS objects, ${tableType} AS table_type`;
const grant = (level: string, name: string, inherited = 'inherited_from') =>
  `SELECT 'grant', '${level}', ${name}, grantee, CAST(NULL AS STRING), privilege_type, ${inherited}, CAST(NULL AS BIGINT), CAST(NULL AS STRING)`;

const TABLE_NAME = "table_catalog || '.' || table_schema || '.' || table_name";
const VOLUME_NAME = "volume_catalog || '.' || volume_schema || '.' || volume_name";
const ROUTINE_NAME = "routine_catalog || '.' || routine_schema || '.' || routine_name";
const SCHEMA_NAME = "catalog_name || '.' || schema_name";
const NOT_INFO_SCHEMA = "schema_name <> 'information_schema'";

/**
 * The whole metastore in one statement: catalogs and schemas with owners (and how many objects each schema holds),
 * the grants on them, and grants made on objects inside a schema counted per principal and privilege. Object-level
 * detail is fetched when a schema is expanded (the catalog view).
 * Parameters: principals (list), privilege (REST spelling or ''), sep.
 */
export const MATRIX_SUMMARY = defineQuery({
  name: 'grants.matrix.summary',
  row: grantsRow,
  maxRows: 200_000,
  timeoutSeconds: 60,
  sql: `WITH objects AS (
    SELECT table_catalog AS c, table_schema AS s FROM ${IS}.tables
    UNION ALL SELECT volume_catalog, volume_schema FROM ${IS}.volumes
    UNION ALL SELECT routine_catalog, routine_schema FROM ${IS}.routines
  ), counts AS (SELECT c, s, count(*) AS n FROM objects GROUP BY c, s),
  children AS (
    SELECT grantee, table_catalog || '.' || table_schema AS parent, privilege_type FROM ${IS}.table_privileges WHERE ${DIRECT}
    UNION ALL SELECT grantee, volume_catalog || '.' || volume_schema, privilege_type FROM ${IS}.volume_privileges WHERE ${DIRECT}
    UNION ALL SELECT grantee, routine_catalog || '.' || routine_schema, privilege_type FROM ${IS}.routine_privileges WHERE ${DIRECT}
  )
  ${securable('CATALOG', 'catalog_name', 'catalog_owner')} FROM ${IS}.catalogs
  UNION ALL
  ${securable('SCHEMA', "sc.catalog_name || '.' || sc.schema_name", 'sc.schema_owner', 'coalesce(k.n, 0)')}
    FROM ${IS}.schemata sc LEFT JOIN counts k ON k.c = sc.catalog_name AND k.s = sc.schema_name WHERE sc.${NOT_INFO_SCHEMA}
  UNION ALL ${grant('CATALOG', 'catalog_name')} FROM ${IS}.catalog_privileges WHERE ${grantFilter}
  UNION ALL ${grant('SCHEMA', SCHEMA_NAME)} FROM ${IS}.schema_privileges WHERE ${NOT_INFO_SCHEMA} AND ${grantFilter}
  UNION ALL
  SELECT 'child', 'SCHEMA', parent, grantee, CAST(NULL AS STRING), privilege_type, CAST(NULL AS STRING), count(*), CAST(NULL AS STRING)
    FROM children WHERE ${grantFilter} GROUP BY parent, grantee, privilege_type`,
});

const inCatalog = (catalogCol: string, schemaCol: string) =>
  `lower(${catalogCol}) = lower(:catalog) AND (:schema = '' OR lower(${schemaCol}) = lower(:schema))`;

/**
 * One catalog (or one schema of it): every schema, table, view, volume and function with its owner, and every grant
 * on them — inherited ones as information_schema lists them, with the ancestor they come from.
 * Parameters: catalog, schema ('' for all), principals, privilege, sep.
 */
export const MATRIX_CATALOG = defineQuery({
  name: 'grants.matrix.catalog',
  row: grantsRow,
  maxRows: 200_000,
  timeoutSeconds: 60,
  sql: `${securable('CATALOG', 'catalog_name', 'catalog_owner')} FROM ${IS}.catalogs WHERE lower(catalog_name) = lower(:catalog)
  UNION ALL ${securable('SCHEMA', SCHEMA_NAME, 'schema_owner')} FROM ${IS}.schemata WHERE ${inCatalog('catalog_name', 'schema_name')} AND ${NOT_INFO_SCHEMA}
  UNION ALL ${securable('TABLE', TABLE_NAME, 'table_owner', undefined, 'table_type')} FROM ${IS}.tables WHERE ${inCatalog('table_catalog', 'table_schema')}
  UNION ALL ${securable('VOLUME', VOLUME_NAME, 'volume_owner')} FROM ${IS}.volumes WHERE ${inCatalog('volume_catalog', 'volume_schema')}
  UNION ALL ${securable('FUNCTION', ROUTINE_NAME, 'routine_owner')} FROM ${IS}.routines WHERE ${inCatalog('routine_catalog', 'routine_schema')}
  UNION ALL ${grant('CATALOG', 'catalog_name')} FROM ${IS}.catalog_privileges WHERE lower(catalog_name) = lower(:catalog) AND ${grantFilter}
  UNION ALL ${grant('SCHEMA', SCHEMA_NAME)} FROM ${IS}.schema_privileges WHERE ${inCatalog('catalog_name', 'schema_name')} AND ${grantFilter}
  UNION ALL ${grant('TABLE', TABLE_NAME)} FROM ${IS}.table_privileges WHERE ${inCatalog('table_catalog', 'table_schema')} AND ${grantFilter}
  UNION ALL ${grant('VOLUME', VOLUME_NAME)} FROM ${IS}.volume_privileges WHERE ${inCatalog('volume_catalog', 'volume_schema')} AND ${grantFilter}
  UNION ALL ${grant('FUNCTION', ROUTINE_NAME)} FROM ${IS}.routine_privileges WHERE ${inCatalog('routine_catalog', 'routine_schema')} AND ${grantFilter}`,
});

const isObject = (catalog: string, schema: string, name: string) =>
  `lower(${catalog}) = lower(:catalog) AND lower(${schema}) = lower(:schema) AND lower(${name}) = lower(:name)`;

/**
 * One table, view or volume with the owners on its path and the direct grants on it, its schema and its catalog:
 * what effective read access is computed from. Parameters: catalog, schema, name.
 */
export const READ_PATH = defineQuery({
  name: 'grants.read_path',
  row: grantsRow,
  maxRows: 50_000,
  sql: `${securable('CATALOG', 'catalog_name', 'catalog_owner')} FROM ${IS}.catalogs WHERE lower(catalog_name) = lower(:catalog)
  UNION ALL ${securable('SCHEMA', SCHEMA_NAME, 'schema_owner')} FROM ${IS}.schemata WHERE lower(catalog_name) = lower(:catalog) AND lower(schema_name) = lower(:schema)
  UNION ALL ${securable('TABLE', TABLE_NAME, 'table_owner', undefined, 'table_type')} FROM ${IS}.tables WHERE ${isObject('table_catalog', 'table_schema', 'table_name')}
  UNION ALL ${securable('VOLUME', VOLUME_NAME, 'volume_owner')} FROM ${IS}.volumes WHERE ${isObject('volume_catalog', 'volume_schema', 'volume_name')}
  UNION ALL ${grant('CATALOG', 'catalog_name')} FROM ${IS}.catalog_privileges WHERE lower(catalog_name) = lower(:catalog) AND ${DIRECT}
  UNION ALL ${grant('SCHEMA', SCHEMA_NAME)} FROM ${IS}.schema_privileges WHERE lower(catalog_name) = lower(:catalog) AND lower(schema_name) = lower(:schema) AND ${DIRECT}
  UNION ALL ${grant('TABLE', TABLE_NAME)} FROM ${IS}.table_privileges WHERE ${isObject('table_catalog', 'table_schema', 'table_name')} AND ${DIRECT}
  UNION ALL ${grant('VOLUME', VOLUME_NAME)} FROM ${IS}.volume_privileges WHERE ${isObject('volume_catalog', 'volume_schema', 'volume_name')} AND ${DIRECT}`,
});

/**
 * What a principal and its groups were granted directly, and what they own. Parameters: principals (list), sep.
 */
export const HELD_BY = defineQuery({
  name: 'grants.held_by',
  row: grantsRow,
  maxRows: 100_000,
  timeoutSeconds: 60,
  sql: `${securable('CATALOG', 'catalog_name', 'catalog_owner')} FROM ${IS}.catalogs WHERE ${inList('catalog_owner', 'principals', false)}
  UNION ALL ${securable('SCHEMA', SCHEMA_NAME, 'schema_owner')} FROM ${IS}.schemata WHERE ${inList('schema_owner', 'principals', false)}
  UNION ALL ${securable('TABLE', TABLE_NAME, 'table_owner', undefined, 'table_type')} FROM ${IS}.tables WHERE ${inList('table_owner', 'principals', false)}
  UNION ALL ${securable('VOLUME', VOLUME_NAME, 'volume_owner')} FROM ${IS}.volumes WHERE ${inList('volume_owner', 'principals', false)}
  UNION ALL ${grant('CATALOG', 'catalog_name')} FROM ${IS}.catalog_privileges WHERE ${DIRECT} AND ${inList('grantee', 'principals', false)}
  UNION ALL ${grant('SCHEMA', SCHEMA_NAME)} FROM ${IS}.schema_privileges WHERE ${DIRECT} AND ${inList('grantee', 'principals', false)}
  UNION ALL ${grant('TABLE', TABLE_NAME)} FROM ${IS}.table_privileges WHERE ${DIRECT} AND ${inList('grantee', 'principals', false)}
  UNION ALL ${grant('VOLUME', VOLUME_NAME)} FROM ${IS}.volume_privileges WHERE ${DIRECT} AND ${inList('grantee', 'principals', false)}`,
});

/** Tables, views and volumes of the given catalogs (list), with their owners. Parameters: catalogs, sep. */
export const OBJECTS_IN = defineQuery({
  name: 'grants.objects_in',
  row: grantsRow,
  maxRows: 50_000,
  timeoutSeconds: 60,
  sql: `${securable('TABLE', TABLE_NAME, 'table_owner', undefined, 'table_type')} FROM ${IS}.tables WHERE ${inList('table_catalog', 'catalogs', false)}
  UNION ALL ${securable('VOLUME', VOLUME_NAME, 'volume_owner')} FROM ${IS}.volumes WHERE ${inList('volume_catalog', 'catalogs', false)}`,
});

/**
 * Every direct grant in the metastore (what findings judge), with the securables of the given catalogs so the policy's
 * names can be resolved to their types. Parameters: catalogs (list), sep.
 */
export const DIRECT_GRANTS = defineQuery({
  name: 'grants.direct',
  row: grantsRow,
  maxRows: 500_000,
  timeoutSeconds: 60,
  sql: `${securable('CATALOG', 'catalog_name', 'catalog_owner')} FROM ${IS}.catalogs WHERE ${inList('catalog_name', 'catalogs', false)}
  UNION ALL ${securable('SCHEMA', SCHEMA_NAME, 'schema_owner')} FROM ${IS}.schemata WHERE ${inList('catalog_name', 'catalogs', false)} AND ${NOT_INFO_SCHEMA}
  UNION ALL ${securable('TABLE', TABLE_NAME, 'table_owner', undefined, 'table_type')} FROM ${IS}.tables WHERE ${inList('table_catalog', 'catalogs', false)}
  UNION ALL ${securable('VOLUME', VOLUME_NAME, 'volume_owner')} FROM ${IS}.volumes WHERE ${inList('volume_catalog', 'catalogs', false)}
  UNION ALL ${securable('FUNCTION', ROUTINE_NAME, 'routine_owner')} FROM ${IS}.routines WHERE ${inList('routine_catalog', 'catalogs', false)}
  UNION ALL ${grant('CATALOG', 'catalog_name')} FROM ${IS}.catalog_privileges WHERE ${DIRECT}
  UNION ALL ${grant('SCHEMA', SCHEMA_NAME)} FROM ${IS}.schema_privileges WHERE ${DIRECT} AND ${NOT_INFO_SCHEMA}
  UNION ALL SELECT 'grant', 'TABLE', ${TABLE_NAME.replace(/table_/g, 'p.table_')}, p.grantee, CAST(NULL AS STRING), p.privilege_type,
      p.inherited_from, CAST(NULL AS BIGINT), t.table_type
    FROM ${IS}.table_privileges p LEFT JOIN ${IS}.tables t USING (table_catalog, table_schema, table_name)
    WHERE coalesce(p.inherited_from, 'NONE') = 'NONE'
  UNION ALL ${grant('VOLUME', VOLUME_NAME)} FROM ${IS}.volume_privileges WHERE ${DIRECT}
  UNION ALL ${grant('FUNCTION', ROUTINE_NAME)} FROM ${IS}.routine_privileges WHERE ${DIRECT}`,
});

export const usageRow = z.object({
  user: z.string(),
  securable: z.string(),
  how: z.enum(['read', 'write']),
  last_used: z.coerce.date(),
});

/**
 * Lineage (a year of it, pruned by event_date) rolled up to the catalogs, schemas and tables that hold a direct
 * SELECT or MODIFY grant: who last read or wrote anything in each. One equi-join per level (an OR join would compare
 * every lineage row with every grant). Parameters: since (DATE).
 */
export const USAGE = defineQuery({
  name: 'grants.usage',
  row: usageRow,
  maxRows: 500_000,
  timeoutSeconds: 60,
  sql: `WITH granted AS (
    SELECT DISTINCT catalog_name AS name FROM ${IS}.catalog_privileges WHERE ${DIRECT} AND privilege_type IN ('SELECT', 'MODIFY')
    UNION SELECT DISTINCT ${SCHEMA_NAME} FROM ${IS}.schema_privileges WHERE ${DIRECT} AND privilege_type IN ('SELECT', 'MODIFY')
    UNION SELECT DISTINCT ${TABLE_NAME} FROM ${IS}.table_privileges WHERE ${DIRECT} AND privilege_type IN ('SELECT', 'MODIFY')
  ), events AS (
    SELECT created_by, source_table_catalog AS c, source_table_schema AS s, source_table_name AS t, 'read' AS how, max(event_time) AS last_used
      FROM system.access.table_lineage
      WHERE event_date >= CAST(:since AS DATE) AND source_table_name IS NOT NULL AND created_by IS NOT NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT created_by, target_table_catalog, target_table_schema, target_table_name, 'write', max(event_time)
      FROM system.access.table_lineage
      WHERE event_date >= CAST(:since AS DATE) AND target_table_name IS NOT NULL AND created_by IS NOT NULL GROUP BY 1, 2, 3, 4
  )
  SELECT e.created_by AS user, g.name AS securable, e.how, max(e.last_used) AS last_used
    FROM events e JOIN granted g ON lower(g.name) = lower(e.c || '.' || e.s || '.' || e.t) GROUP BY 1, 2, 3
  UNION ALL
  SELECT e.created_by, g.name, e.how, max(e.last_used) FROM events e JOIN granted g ON lower(g.name) = lower(e.c || '.' || e.s) GROUP BY 1, 2, 3
  UNION ALL
  SELECT e.created_by, g.name, e.how, max(e.last_used) FROM events e JOIN granted g ON lower(g.name) = lower(e.c) GROUP BY 1, 2, 3`,
});

export const showGrantsRow = z.object({
  principal: z.string(),
  actionType: z.string(),
  objectType: z.string().nullable(),
  objectKey: z.string().nullable(),
});

export const OWNER_OF = defineQuery({
  name: 'grants.owner_of',
  row: z.object({ owner: z.string().nullable() }),
  maxRows: 1,
  sql: `SELECT catalog_owner AS owner FROM ${IS}.catalogs WHERE :level = 'CATALOG' AND lower(catalog_name) = lower(:catalog)
  UNION ALL SELECT schema_owner FROM ${IS}.schemata WHERE :level = 'SCHEMA' AND lower(catalog_name) = lower(:catalog) AND lower(schema_name) = lower(:schema)
  UNION ALL SELECT table_owner FROM ${IS}.tables WHERE :level = 'TABLE' AND ${isObject('table_catalog', 'table_schema', 'table_name')}
  UNION ALL SELECT volume_owner FROM ${IS}.volumes WHERE :level = 'VOLUME' AND ${isObject('volume_catalog', 'volume_schema', 'volume_name')}
  UNION ALL SELECT routine_owner FROM ${IS}.routines WHERE :level = 'FUNCTION' AND ${isObject('routine_catalog', 'routine_schema', 'routine_name')}`,
});
