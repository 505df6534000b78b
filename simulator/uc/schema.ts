// Where Unity Catalog lives in the simulator's main database: metadata in `uc_meta`, table data in `uc_store`
// (one storage table may back several UC tables at large scale). The SQL warehouse exposes both through views
// (see views.ts); REST and SQL change only these tables, so there is one truth.
import { LINEAGE_COLUMNS, LINEAGE_TABLE } from '../audit/lineage-schema';
import { AUDIT_TABLE } from '../audit/schema';

export const UC_DDL = `
CREATE SCHEMA IF NOT EXISTS uc_meta;
CREATE SCHEMA IF NOT EXISTS uc_store;
CREATE TABLE IF NOT EXISTS uc_meta.catalogs (
  catalog_name VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL, comment VARCHAR,
  created_at TIMESTAMP, created_by VARCHAR);
CREATE TABLE IF NOT EXISTS uc_meta.schemas (
  catalog_name VARCHAR, schema_name VARCHAR, owner VARCHAR NOT NULL, comment VARCHAR,
  created_at TIMESTAMP, created_by VARCHAR, PRIMARY KEY (catalog_name, schema_name));
CREATE TABLE IF NOT EXISTS uc_meta.tables (
  catalog_name VARCHAR, schema_name VARCHAR, table_name VARCHAR, table_type VARCHAR NOT NULL,
  owner VARCHAR NOT NULL, comment VARCHAR, storage VARCHAR NOT NULL, data_source_format VARCHAR,
  created_at TIMESTAMP, created_by VARCHAR, last_altered TIMESTAMP, last_altered_by VARCHAR,
  PRIMARY KEY (catalog_name, schema_name, table_name));
CREATE TABLE IF NOT EXISTS uc_meta.columns (
  catalog_name VARCHAR, schema_name VARCHAR, table_name VARCHAR, column_name VARCHAR,
  ordinal_position INTEGER, data_type VARCHAR NOT NULL, is_nullable BOOLEAN, comment VARCHAR,
  PRIMARY KEY (catalog_name, schema_name, table_name, column_name));
CREATE TABLE IF NOT EXISTS uc_meta.functions (
  catalog_name VARCHAR, schema_name VARCHAR, function_name VARCHAR, params VARCHAR NOT NULL,
  return_type VARCHAR, body VARCHAR NOT NULL, owner VARCHAR NOT NULL, comment VARCHAR,
  created_at TIMESTAMP, created_by VARCHAR, PRIMARY KEY (catalog_name, schema_name, function_name));
CREATE TABLE IF NOT EXISTS uc_meta.grants (
  securable_type VARCHAR, securable_full_name VARCHAR, principal VARCHAR, privilege VARCHAR,
  grantor VARCHAR, granted_at TIMESTAMP,
  PRIMARY KEY (securable_type, securable_full_name, principal, privilege));
CREATE TABLE IF NOT EXISTS uc_meta.column_masks (
  catalog_name VARCHAR, schema_name VARCHAR, table_name VARCHAR, column_name VARCHAR,
  function_full_name VARCHAR NOT NULL, using_columns VARCHAR[] NOT NULL,
  PRIMARY KEY (catalog_name, schema_name, table_name, column_name));
CREATE TABLE IF NOT EXISTS uc_meta.row_filters (
  catalog_name VARCHAR, schema_name VARCHAR, table_name VARCHAR,
  function_full_name VARCHAR NOT NULL, input_columns VARCHAR[] NOT NULL,
  PRIMARY KEY (catalog_name, schema_name, table_name));
CREATE TABLE IF NOT EXISTS uc_meta.volumes (
  catalog_name VARCHAR, schema_name VARCHAR, volume_name VARCHAR, volume_type VARCHAR NOT NULL, owner VARCHAR NOT NULL,
  comment VARCHAR, storage_location VARCHAR NOT NULL, created_at TIMESTAMP, created_by VARCHAR,
  PRIMARY KEY (catalog_name, schema_name, volume_name));
CREATE TABLE IF NOT EXISTS uc_meta.column_tags (
  catalog_name VARCHAR, schema_name VARCHAR, table_name VARCHAR, column_name VARCHAR,
  tag_name VARCHAR, tag_value VARCHAR,
  PRIMARY KEY (catalog_name, schema_name, table_name, column_name, tag_name));
`;

/** The column list of system.access.audit in Databricks types (reference §12.1). */
export const AUDIT_COLUMNS: ReadonlyArray<[string, string]> = [
  ['account_id', 'STRING'],
  ['workspace_id', 'STRING'],
  ['version', 'STRING'],
  ['event_time', 'TIMESTAMP'],
  ['event_date', 'DATE'],
  ['source_ip_address', 'STRING'],
  ['user_agent', 'STRING'],
  ['session_id', 'STRING'],
  ['user_identity', 'STRUCT<email: STRING, subject_name: STRING>'],
  ['service_name', 'STRING'],
  ['action_name', 'STRING'],
  ['request_id', 'STRING'],
  ['request_params', 'MAP<STRING, STRING>'],
  ['response', 'STRUCT<status_code: INT, error_message: STRING, result: STRING>'],
  ['audit_level', 'STRING'],
  ['event_id', 'STRING'],
  ['identity_metadata', 'STRUCT<run_by: STRING, run_as: STRING, acting_resource: STRING>'],
];

const SYSTEM_OWNER = 'System user';

function systemTableSql(name: string, storage: string, comment: string, columns: ReadonlyArray<[string, string]>): string {
  return `
INSERT OR IGNORE INTO uc_meta.tables VALUES ('system', 'access', '${name}', 'MANAGED', '${SYSTEM_OWNER}',
  '${comment}', '${storage}', 'DELTA', TIMESTAMP '2024-01-01', '${SYSTEM_OWNER}', TIMESTAMP '2024-01-01', '${SYSTEM_OWNER}');
INSERT OR IGNORE INTO uc_meta.columns VALUES
  ${columns.map(([col, type], i) => `('system', 'access', '${name}', '${col}', ${i + 1}, '${type}', true, NULL)`).join(',\n  ')};`;
}

/** The built-in `system` catalog: always present, whether or not a seed ran. */
export const SYSTEM_CATALOG_SQL = `
INSERT OR IGNORE INTO uc_meta.catalogs VALUES ('system', '${SYSTEM_OWNER}', 'System catalog', TIMESTAMP '2024-01-01', '${SYSTEM_OWNER}');
INSERT OR IGNORE INTO uc_meta.schemas VALUES
  ('system', 'access', '${SYSTEM_OWNER}', 'Audit and access logs', TIMESTAMP '2024-01-01', '${SYSTEM_OWNER}'),
  ('system', 'information_schema', '${SYSTEM_OWNER}', 'Information schema', TIMESTAMP '2024-01-01', '${SYSTEM_OWNER}');
${systemTableSql('audit', AUDIT_TABLE, 'Audit events from the workspace', AUDIT_COLUMNS)}
${systemTableSql('table_lineage', LINEAGE_TABLE, 'Reads and writes of Unity Catalog tables', LINEAGE_COLUMNS)}
`;
