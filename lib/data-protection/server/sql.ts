// The data-protection page's SQL: five fixed statements whatever the estate's size. Sensitive columns are filtered in
// the warehouse (bound name and tag patterns from the pure rules), masks and filters are read with SELECT * and
// mapped by column name (Databricks' documentation and live workspaces name their columns differently), and the
// grants that decide who can read are the direct ones, as the grants area reads them.
import 'server-only';
import { z } from 'zod';
import { defineQuery } from '@/lib/databricks/sql-client';
import { grantsRow } from '@/lib/grants/server/sql';

const IS = 'system.information_schema';

export const candidateRow = z.object({
  table_catalog: z.string(),
  table_schema: z.string(),
  table_name: z.string(),
  column_name: z.string(),
  full_data_type: z.string().nullable(),
  tags: z.string().nullable(),
  table_owner: z.string().nullable(),
  table_type: z.string().nullable(),
  schema_owner: z.string().nullable(),
  catalog_owner: z.string().nullable(),
});
export type CandidateRow = z.output<typeof candidateRow>;

/**
 * Columns named like personal data, or tagged as sensitive, with the owners on their table's path. System tables are
 * left out: nobody can mask them. Parameters: catalog ('' for all), name_pattern, tag_pattern.
 */
export const CANDIDATES = defineQuery({
  name: 'data_protection.candidates',
  row: candidateRow,
  maxRows: 200_000,
  timeoutSeconds: 60,
  sql: `WITH tagged AS (
    SELECT catalog_name, schema_name, table_name, column_name,
      array_join(collect_set(CASE WHEN coalesce(tag_value, '') = '' THEN tag_name ELSE tag_name || '=' || tag_value END), ',') AS tags
    FROM ${IS}.column_tags WHERE lower(tag_name) RLIKE :tag_pattern
    GROUP BY catalog_name, schema_name, table_name, column_name
  )
  SELECT c.table_catalog, c.table_schema, c.table_name, c.column_name, c.full_data_type, tg.tags,
    t.table_owner, t.table_type, s.schema_owner, k.catalog_owner
  FROM ${IS}.columns c
    JOIN ${IS}.tables t ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema AND t.table_name = c.table_name
    JOIN ${IS}.schemata s ON s.catalog_name = c.table_catalog AND s.schema_name = c.table_schema
    JOIN ${IS}.catalogs k ON k.catalog_name = c.table_catalog
    LEFT JOIN tagged tg ON tg.catalog_name = c.table_catalog AND tg.schema_name = c.table_schema AND tg.table_name = c.table_name
      AND tg.column_name = c.column_name
  WHERE (:catalog = '' OR lower(c.table_catalog) = lower(:catalog))
    AND c.table_catalog <> 'system' AND c.table_schema <> 'information_schema'
    AND (tg.tags IS NOT NULL OR lower(c.column_name) RLIKE :name_pattern)`,
});

/** Whatever columns this workspace's view has: mapped by name in masks.ts. */
const anyRow = z.record(z.string(), z.unknown());

export const COLUMN_MASKS = defineQuery({
  name: 'data_protection.column_masks',
  row: anyRow,
  maxRows: 200_000,
  sql: `SELECT * FROM ${IS}.column_masks`,
});

export const ROW_FILTERS = defineQuery({
  name: 'data_protection.row_filters',
  row: anyRow,
  maxRows: 200_000,
  sql: `SELECT * FROM ${IS}.row_filters`,
});

const READING = "('USE_CATALOG', 'USE_SCHEMA', 'SELECT', 'ALL_PRIVILEGES')";
const DIRECT = "coalesce(inherited_from, 'NONE') = 'NONE'";
const grant = (level: string, name: string) =>
  `SELECT 'grant' AS row_kind, '${level}' AS level, ${name} AS name, grantee AS principal, CAST(NULL AS STRING) AS owner,
    privilege_type AS privilege, inherited_from, CAST(NULL AS BIGINT) AS objects, CAST(NULL AS STRING) AS table_type`;

/** The direct grants that decide who can read a table: USE CATALOG, USE SCHEMA, SELECT, ALL PRIVILEGES. No parameters. */
export const READ_GRANTS = defineQuery({
  name: 'data_protection.read_grants',
  row: grantsRow,
  maxRows: 500_000,
  timeoutSeconds: 60,
  sql: `${grant('CATALOG', 'catalog_name')} FROM ${IS}.catalog_privileges WHERE ${DIRECT} AND privilege_type IN ${READING}
  UNION ALL ${grant('SCHEMA', "catalog_name || '.' || schema_name")} FROM ${IS}.schema_privileges WHERE ${DIRECT} AND privilege_type IN ${READING}
  UNION ALL ${grant('TABLE', "table_catalog || '.' || table_schema || '.' || table_name")} FROM ${IS}.table_privileges
    WHERE ${DIRECT} AND privilege_type IN ${READING}`,
});

export const routineRow = z.object({
  routine_catalog: z.string(),
  routine_schema: z.string(),
  routine_name: z.string(),
  routine_owner: z.string().nullable(),
  routine_definition: z.string().nullable(),
  full_data_type: z.string().nullable(),
});
export type RoutineRow = z.output<typeof routineRow>;

/** Every function's owner, return type and (for its owner only) body. No parameters. */
export const ROUTINES = defineQuery({
  name: 'data_protection.routines',
  row: routineRow,
  maxRows: 100_000,
  sql: `SELECT routine_catalog, routine_schema, routine_name, routine_owner, routine_definition, full_data_type FROM ${IS}.routines`,
});

/** One column's type, for writing a masking function that fits it. Parameters: catalog, schema, table, column. */
export const COLUMN_TYPE = defineQuery({
  name: 'data_protection.column_type',
  row: z.object({ column_name: z.string(), full_data_type: z.string().nullable() }),
  maxRows: 1,
  sql: `SELECT column_name, full_data_type FROM ${IS}.columns WHERE lower(table_catalog) = lower(:catalog)
    AND lower(table_schema) = lower(:schema) AND lower(table_name) = lower(:table) AND lower(column_name) = lower(:column)`,
});
