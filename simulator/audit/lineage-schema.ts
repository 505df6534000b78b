// Physical storage of system.access.table_lineage, beside the audit table (DuckDB reserves the catalog name
// `system`). Columns follow Databricks' "Lineage system tables reference": one row per read or write of a Unity
// Catalog table, a job run that reads A and writes B being one row with both sides filled.
import { duckTypeOf } from '../uc/types';

export const LINEAGE_TABLE = 'system_access.table_lineage';

export const ENTITY_METADATA =
  'STRUCT<job_info: STRUCT<job_id: STRING, job_run_id: STRING>, dashboard_id: STRING, legacy_dashboard_id: STRING, ' +
  'notebook_id: STRING, sql_query_id: STRING, dlt_pipeline_info: STRUCT<dlt_pipeline_id: STRING, dlt_update_id: STRING>>';

/** The column list in Databricks types, as information_schema.columns reports it. */
export const LINEAGE_COLUMNS: ReadonlyArray<[string, string]> = [
  ['account_id', 'STRING'],
  ['metastore_id', 'STRING'],
  ['workspace_id', 'STRING'],
  ['entity_type', 'STRING'],
  ['entity_id', 'STRING'],
  ['entity_run_id', 'STRING'],
  ['source_table_full_name', 'STRING'],
  ['source_table_catalog', 'STRING'],
  ['source_table_schema', 'STRING'],
  ['source_table_name', 'STRING'],
  ['source_path', 'STRING'],
  ['source_type', 'STRING'],
  ['target_table_full_name', 'STRING'],
  ['target_table_catalog', 'STRING'],
  ['target_table_schema', 'STRING'],
  ['target_table_name', 'STRING'],
  ['target_path', 'STRING'],
  ['target_type', 'STRING'],
  ['created_by', 'STRING'],
  ['event_time', 'TIMESTAMP'],
  ['event_date', 'DATE'],
  ['record_id', 'STRING'],
  ['event_id', 'STRING'],
  ['statement_id', 'STRING'],
  ['entity_metadata', ENTITY_METADATA],
];

export const CREATE_LINEAGE_TABLE = `
  CREATE SCHEMA IF NOT EXISTS system_access;
  CREATE TABLE IF NOT EXISTS ${LINEAGE_TABLE} (${LINEAGE_COLUMNS.map(([n, t]) => `${n} ${duckTypeOf(t)}`).join(', ')});`;
