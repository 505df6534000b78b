// Physical storage of system.access.audit. DuckDB reserves the catalog name `system`, so the rows live in the
// simulator's main database as `system_access.audit`; the SQL warehouse exposes them as `system.access.audit`.
// Column names and types follow §12.1 of the API reference exactly.

export const AUDIT_TABLE = 'system_access.audit';

export const AUDIT_COLUMNS_DDL = `
  account_id VARCHAR,
  workspace_id VARCHAR,
  version VARCHAR,
  event_time TIMESTAMP,
  event_date DATE,
  source_ip_address VARCHAR,
  user_agent VARCHAR,
  session_id VARCHAR,
  user_identity STRUCT(email VARCHAR, subject_name VARCHAR),
  service_name VARCHAR,
  action_name VARCHAR,
  request_id VARCHAR,
  request_params MAP(VARCHAR, VARCHAR),
  response STRUCT(status_code INTEGER, error_message VARCHAR, result VARCHAR),
  audit_level VARCHAR,
  event_id VARCHAR,
  identity_metadata STRUCT(run_by VARCHAR, run_as VARCHAR, acting_resource VARCHAR)`;

export const CREATE_AUDIT_TABLE = `
  CREATE SCHEMA IF NOT EXISTS system_access;
  CREATE TABLE IF NOT EXISTS ${AUDIT_TABLE} (${AUDIT_COLUMNS_DDL});`;
