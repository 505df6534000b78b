// The information_schema views (reference §10.5), generated as DuckDB SQL over uc_meta. `system.information_schema`
// spans every catalog, `<catalog>.information_schema` one. Rows are limited to what the caller may see, read from
// the per-session variables `sim_admin` and `sim_principals` (the caller's name, groups and 'account users').
//
// Choices where the reference is silent: PRIVILEGE_TYPE uses the REST spelling (USE_CATALOG, ALL_PRIVILEGES);
// INHERITED_FROM is 'NONE' for a grant made on the object itself, else the full name of the ancestor it came from;
// a non-admin sees grants made to them (or their groups) and every grant on objects they own; metastore admins see
// everything; an object is visible when the caller owns it (or an ancestor) or holds any privilege reaching it.
import { GRANTABLE } from './privileges';

const mine = (col: string) => `list_contains(getvariable('sim_principals'), ${col})`;
const ADMIN = `getvariable('sim_admin')`;

/** VALUES list of which privileges apply to schemas and tables, for inherited rows. */
function applicable(kind: 'schema' | 'table'): string {
  const rows = [...GRANTABLE[kind]].map((p) => `('${p}')`).join(', ');
  return `(SELECT * FROM (VALUES ${rows}) AS a(privilege))`;
}

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
] as const;

export function infoSchemaViewSql(view: (typeof INFO_SCHEMA_VIEWS)[number], mainDb: string, catalog: string | null): string {
  const m = `"${mainDb.replace(/"/g, '""')}".uc_meta`;
  const onlyCatalog = (col: string) => (catalog === null ? 'true' : `${col} = '${catalog.replace(/'/g, "''")}'`);
  const myGrants = `(SELECT securable_type, securable_full_name, privilege FROM ${m}.grants WHERE ${mine('principal')})`;
  // A grant on an ancestor makes an object visible only if it reaches it (same rule as PrivilegeModel.isVisible).
  const reaching = (kind: 'schema' | 'table') => `privilege IN (SELECT privilege FROM ${applicable(kind)})`;
  // t: table row with c_owner/s_owner joined in.
  const tableScope = `(SELECT t.*, t.catalog_name || '.' || t.schema_name AS schema_full,
      t.catalog_name || '.' || t.schema_name || '.' || t.table_name AS full_name, s.owner AS s_owner, c.owner AS c_owner
    FROM ${m}.tables t JOIN ${m}.schemas s USING (catalog_name, schema_name) JOIN ${m}.catalogs c USING (catalog_name)
    WHERE ${onlyCatalog('t.catalog_name')})`;
  const tableVisible = `(${ADMIN} OR ${mine('t.owner')} OR ${mine('t.s_owner')} OR ${mine('t.c_owner')}
    OR t.full_name IN (SELECT securable_full_name FROM ${myGrants} WHERE securable_type = 'table')
    OR t.schema_full IN (SELECT securable_full_name FROM ${myGrants} WHERE securable_type = 'schema' AND ${reaching('table')})
    OR t.catalog_name IN (SELECT securable_full_name FROM ${myGrants} WHERE securable_type = 'catalog' AND ${reaching('table')}))`;
  const visibleTables = `(SELECT * FROM ${tableScope} t WHERE ${tableVisible})`;
  const grantVisible = (owners: string[]) => `(${ADMIN} OR ${mine('g.principal')} OR ${owners.map(mine).join(' OR ')})`;
  const privilegeCols = `g.grantor AS grantor, g.principal AS grantee`;

  switch (view) {
    case 'catalogs':
      return `SELECT c.catalog_name, c.owner AS catalog_owner, c.comment, c.created_at AS created, c.created_by,
          c.created_at AS last_altered, c.created_by AS last_altered_by
        FROM ${m}.catalogs c WHERE ${onlyCatalog('c.catalog_name')} AND (${ADMIN} OR ${mine('c.owner')}
          OR c.catalog_name IN (SELECT split_part(securable_full_name, '.', 1) FROM ${myGrants}))`;
    case 'schemata':
      return `SELECT s.catalog_name, s.schema_name, s.owner AS schema_owner, s.comment, s.created_at AS created,
          s.created_by, s.created_at AS last_altered, s.created_by AS last_altered_by
        FROM ${m}.schemas s JOIN ${m}.catalogs c USING (catalog_name)
        WHERE ${onlyCatalog('s.catalog_name')} AND (${ADMIN} OR ${mine('s.owner')} OR ${mine('c.owner')}
          OR s.catalog_name || '.' || s.schema_name IN (SELECT securable_full_name FROM ${myGrants} WHERE securable_type = 'schema')
          OR s.catalog_name IN (SELECT securable_full_name FROM ${myGrants} WHERE securable_type = 'catalog' AND ${reaching('schema')})
          OR s.catalog_name || '.' || s.schema_name IN (SELECT regexp_extract(securable_full_name, '^[^.]+\\.[^.]+') FROM ${myGrants} WHERE securable_type IN ('table', 'function')))`;
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
          lower(replace(k.data_type, ' ', '')) AS full_data_type, upper(regexp_extract(k.data_type, '^[A-Za-z_]+')) AS data_type,
          CAST(NULL AS BIGINT) AS character_maximum_length, CAST(NULL AS BIGINT) AS character_octet_length,
          CAST(NULL AS BIGINT) AS numeric_precision, CAST(NULL AS BIGINT) AS numeric_precision_radix,
          CAST(NULL AS BIGINT) AS numeric_scale, CAST(NULL AS BIGINT) AS datetime_precision,
          CAST(NULL AS VARCHAR) AS interval_type, CAST(NULL AS BIGINT) AS interval_precision,
          CAST(NULL AS BIGINT) AS maximum_cardinality, 'NO' AS is_identity, CAST(NULL AS VARCHAR) AS identity_generation,
          'NO' AS is_generated, CAST(NULL AS VARCHAR) AS generation_expression, 'YES' AS is_updatable,
          CAST(NULL AS INTEGER) AS partition_ordinal_position, k.comment
        FROM ${m}.columns k JOIN ${visibleTables} t USING (catalog_name, schema_name, table_name)`;
    case 'catalog_privileges':
      return `SELECT ${privilegeCols}, g.securable_full_name AS catalog_name, g.privilege AS privilege_type,
          'NO' AS is_grantable, 'NONE' AS inherited_from
        FROM ${m}.grants g JOIN ${m}.catalogs c ON c.catalog_name = g.securable_full_name
        WHERE g.securable_type = 'catalog' AND ${onlyCatalog('c.catalog_name')} AND ${grantVisible(['c.owner'])}`;
    case 'schema_privileges':
      // One equi-join per level (an OR join would be a nested loop over every grant).
      return `WITH s AS (SELECT s.catalog_name, s.schema_name, s.catalog_name || '.' || s.schema_name AS full_name,
            s.owner AS s_owner, c.owner AS c_owner
          FROM ${m}.schemas s JOIN ${m}.catalogs c USING (catalog_name) WHERE ${onlyCatalog('s.catalog_name')}),
        j AS (SELECT s.*, g.* FROM s JOIN ${m}.grants g ON g.securable_type = 'schema' AND g.securable_full_name = s.full_name
          UNION ALL BY NAME
          SELECT s.*, g.* FROM s JOIN ${m}.grants g ON g.securable_type = 'catalog' AND g.securable_full_name = s.catalog_name
          WHERE g.privilege IN (SELECT privilege FROM ${applicable('schema')}))
        SELECT ${privilegeCols}, g.catalog_name, g.schema_name, g.privilege AS privilege_type, 'NO' AS is_grantable,
            CASE g.securable_type WHEN 'schema' THEN 'NONE' ELSE g.securable_full_name END AS inherited_from
        FROM j g WHERE ${grantVisible(['g.s_owner', 'g.c_owner'])}`;
    case 'table_privileges':
      return `WITH t AS ${tableScope},
        j AS (SELECT t.*, g.* FROM t JOIN ${m}.grants g ON g.securable_type = 'table' AND g.securable_full_name = t.full_name
          UNION ALL BY NAME
          SELECT t.*, g.* FROM t JOIN ${m}.grants g ON g.securable_type = 'schema' AND g.securable_full_name = t.schema_full
          WHERE g.privilege IN (SELECT privilege FROM ${applicable('table')})
          UNION ALL BY NAME
          SELECT t.*, g.* FROM t JOIN ${m}.grants g ON g.securable_type = 'catalog' AND g.securable_full_name = t.catalog_name
          WHERE g.privilege IN (SELECT privilege FROM ${applicable('table')}))
        SELECT ${privilegeCols}, g.catalog_name AS table_catalog, g.schema_name AS table_schema, g.table_name,
            g.privilege AS privilege_type, 'NO' AS is_grantable,
            CASE g.securable_type WHEN 'table' THEN 'NONE' ELSE g.securable_full_name END AS inherited_from
        FROM j g WHERE ${grantVisible(['g.owner', 'g.s_owner', 'g.c_owner'])}`;
    case 'column_masks':
      return `SELECT k.catalog_name, k.schema_name, k.table_name, k.column_name,
          split_part(k.function_full_name, '.', 1) AS mask_catalog, split_part(k.function_full_name, '.', 2) AS mask_schema,
          split_part(k.function_full_name, '.', 3) AS mask_name,
          CASE WHEN len(k.using_columns) = 0 THEN NULL ELSE array_to_string(k.using_columns, ',') END AS mask_col_usage
        FROM ${m}.column_masks k JOIN ${visibleTables} t USING (catalog_name, schema_name, table_name)`;
    case 'row_filters':
      return `SELECT k.catalog_name, k.schema_name, k.table_name,
          split_part(k.function_full_name, '.', 1) AS filter_catalog, split_part(k.function_full_name, '.', 2) AS filter_schema,
          split_part(k.function_full_name, '.', 3) AS filter_name, array_to_string(k.input_columns, ',') AS filter_col_usage
        FROM ${m}.row_filters k JOIN ${visibleTables} t USING (catalog_name, schema_name, table_name)`;
    case 'column_tags':
      return `SELECT k.catalog_name, k.schema_name, k.table_name, k.column_name, k.tag_name, k.tag_value
        FROM ${m}.column_tags k JOIN ${visibleTables} t USING (catalog_name, schema_name, table_name)`;
  }
}
