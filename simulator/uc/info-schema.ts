// The information_schema views (reference §10.5), generated as DuckDB SQL over uc_meta. `system.information_schema`
// spans every catalog, `<catalog>.information_schema` one. Rows are limited to what the caller may see (see
// info-schema-sql.ts).
//
// Choices where the reference is silent: PRIVILEGE_TYPE uses the REST spelling (USE_CATALOG, ALL_PRIVILEGES);
// INHERITED_FROM is 'NONE' for a grant made on the object itself, else the full name of the ancestor it came from;
// a non-admin sees grants made to them (or their groups) and every grant on objects they own; metastore admins see
// everything; an object is visible when the caller owns it (or an ancestor) or holds any privilege reaching it.
// column_masks and row_filters carry both column sets in use (see below); routines and volumes are in
// info-schema-routines.ts.
import { routineViewSql } from './info-schema-routines';
import { ADMIN, LEAVES, TYPE_DETAIL_COLUMNS, ViewSql, baseType, fullType, mine } from './info-schema-sql';

export const INFO_SCHEMA_VIEWS = [
  'catalogs',
  'schemata',
  'tables',
  'columns',
  'catalog_privileges',
  'schema_privileges',
  'table_privileges',
  'column_masks',
  'row_filters',
  'column_tags',
  'routines',
  'parameters',
  'routine_privileges',
  'volumes',
  'volume_privileges',
] as const;

export type InfoSchemaView = (typeof INFO_SCHEMA_VIEWS)[number];

export function infoSchemaViewSql(view: InfoSchemaView, mainDb: string, catalog: string | null): string {
  const v = new ViewSql(mainDb, catalog);
  const { m } = v;
  const visibleTables = v.visibleLeaves(LEAVES.table);
  const privilegeCols = `g.grantor AS grantor, g.principal AS grantee`;

  switch (view) {
    case 'catalogs':
      return `SELECT c.catalog_name, c.owner AS catalog_owner, c.comment, c.created_at AS created, c.created_by,
          c.created_at AS last_altered, c.created_by AS last_altered_by
        FROM ${m}.catalogs c WHERE ${v.onlyCatalog('c.catalog_name')} AND (${ADMIN} OR ${mine('c.owner')}
          OR c.catalog_name IN (SELECT split_part(securable_full_name, '.', 1) FROM ${v.myGrants}))`;
    case 'schemata':
      return `SELECT s.catalog_name, s.schema_name, s.owner AS schema_owner, s.comment, s.created_at AS created,
          s.created_by, s.created_at AS last_altered, s.created_by AS last_altered_by
        FROM ${m}.schemas s JOIN ${m}.catalogs c USING (catalog_name)
        WHERE ${v.onlyCatalog('s.catalog_name')} AND (${ADMIN} OR ${mine('s.owner')} OR ${mine('c.owner')}
          OR s.catalog_name || '.' || s.schema_name IN (SELECT securable_full_name FROM ${v.myGrants} WHERE securable_type = 'schema')
          OR s.catalog_name IN (SELECT securable_full_name FROM ${v.myGrants} WHERE securable_type = 'catalog'
            AND privilege IN (SELECT privilege FROM ${v.applicable('schema')}))
          OR s.catalog_name || '.' || s.schema_name IN (SELECT regexp_extract(securable_full_name, '^[^.]+\\.[^.]+') FROM ${v.myGrants}
            WHERE securable_type IN ('table', 'function', 'volume')))`;
    case 'tables':
      return `SELECT t.catalog_name AS table_catalog, t.schema_name AS table_schema, t.table_name, t.table_type,
          CASE WHEN t.table_type LIKE '%VIEW%' THEN 'NO' ELSE 'YES' END AS is_insertable_into,
          'PRESERVE' AS commit_action, t.owner AS table_owner, t.comment, t.created_at AS created, t.created_by,
          t.last_altered, t.last_altered_by, t.data_source_format, CAST(NULL AS VARCHAR) AS storage_path,
          CAST(NULL AS VARCHAR) AS storage_sub_directory
        FROM ${visibleTables} t`;
    case 'columns':
      return `SELECT k.catalog_name AS table_catalog, k.schema_name AS table_schema, k.table_name, k.column_name,
          k.ordinal_position, CAST(NULL AS VARCHAR) AS column_default, CASE WHEN k.is_nullable THEN 'YES' ELSE 'NO' END AS is_nullable,
          ${fullType('k.data_type')} AS full_data_type, ${baseType('k.data_type')} AS data_type, ${TYPE_DETAIL_COLUMNS},
          'NO' AS is_identity, CAST(NULL AS VARCHAR) AS identity_generation,
          'NO' AS is_generated, CAST(NULL AS VARCHAR) AS generation_expression, 'YES' AS is_updatable,
          CAST(NULL AS INTEGER) AS partition_ordinal_position, k.comment
        FROM ${m}.columns k JOIN ${visibleTables} t USING (catalog_name, schema_name, table_name)`;
    case 'catalog_privileges':
      return `SELECT ${privilegeCols}, g.securable_full_name AS catalog_name, g.privilege AS privilege_type,
          'NO' AS is_grantable, 'NONE' AS inherited_from
        FROM ${m}.grants g JOIN ${m}.catalogs c ON c.catalog_name = g.securable_full_name
        WHERE g.securable_type = 'catalog' AND ${v.onlyCatalog('c.catalog_name')} AND ${v.grantVisible(['c.owner'])}`;
    case 'schema_privileges':
      return `WITH s AS (SELECT s.catalog_name, s.schema_name, s.catalog_name || '.' || s.schema_name AS full_name,
            s.owner AS s_owner, c.owner AS c_owner
          FROM ${m}.schemas s JOIN ${m}.catalogs c USING (catalog_name) WHERE ${v.onlyCatalog('s.catalog_name')}),
        j AS (SELECT s.*, g.* FROM s JOIN ${m}.grants g ON g.securable_type = 'schema' AND g.securable_full_name = s.full_name
          UNION ALL BY NAME
          SELECT s.*, g.* FROM s JOIN ${m}.grants g ON g.securable_type = 'catalog' AND g.securable_full_name = s.catalog_name
          WHERE g.privilege IN (SELECT privilege FROM ${v.applicable('schema')}))
        SELECT ${privilegeCols}, g.catalog_name, g.schema_name, g.privilege AS privilege_type, 'NO' AS is_grantable,
            CASE g.securable_type WHEN 'schema' THEN 'NONE' ELSE g.securable_full_name END AS inherited_from
        FROM j g WHERE ${v.grantVisible(['g.s_owner', 'g.c_owner'])}`;
    case 'table_privileges':
      return `SELECT ${privilegeCols}, g.catalog_name AS table_catalog, g.schema_name AS table_schema, g.table_name,
          g.privilege AS privilege_type, 'NO' AS is_grantable, g.inherited_from
        FROM ${v.leafPrivileges(LEAVES.table)} g`;
    // Databricks' documentation names mask_catalog/mask_schema/mask_name/mask_col_usage beside catalog_name,
    // schema_name; live workspaces (and Databricks' dbt adapter, which reads them) answer table_catalog,
    // table_schema, a three-part mask_name and using_columns. Both sets are served; mask_name is the three-part
    // name as live workspaces return it, and mask_catalog/mask_schema hold its first two parts.
    case 'column_masks':
      return `SELECT k.catalog_name AS table_catalog, k.schema_name AS table_schema, k.table_name, k.column_name,
          k.function_full_name AS mask_name,
          CASE WHEN len(k.using_columns) = 0 THEN NULL ELSE array_to_string(k.using_columns, ',') END AS using_columns,
          k.catalog_name, k.schema_name,
          split_part(k.function_full_name, '.', 1) AS mask_catalog, split_part(k.function_full_name, '.', 2) AS mask_schema,
          CASE WHEN len(k.using_columns) = 0 THEN NULL ELSE array_to_string(k.using_columns, ',') END AS mask_col_usage
        FROM ${m}.column_masks k JOIN ${visibleTables} t USING (catalog_name, schema_name, table_name)`;
    // Same two sets: documented catalog_name/schema_name/filter_catalog/filter_schema/filter_name/filter_col_usage
    // and live table_catalog/table_schema/filter_name (three-part)/target_columns (comma-separated, '' for none).
    case 'row_filters':
      return `SELECT k.catalog_name AS table_catalog, k.schema_name AS table_schema, k.table_name,
          k.function_full_name AS filter_name, array_to_string(k.input_columns, ',') AS target_columns,
          k.catalog_name, k.schema_name,
          split_part(k.function_full_name, '.', 1) AS filter_catalog, split_part(k.function_full_name, '.', 2) AS filter_schema,
          array_to_string(k.input_columns, ',') AS filter_col_usage
        FROM ${m}.row_filters k JOIN ${visibleTables} t USING (catalog_name, schema_name, table_name)`;
    case 'column_tags':
      return `SELECT k.catalog_name, k.schema_name, k.table_name, k.column_name, k.tag_name, k.tag_value
        FROM ${m}.column_tags k JOIN ${visibleTables} t USING (catalog_name, schema_name, table_name)`;
    default:
      return routineViewSql(view, v);
  }
}
