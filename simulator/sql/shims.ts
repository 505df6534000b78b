// Databricks functions DuckDB lacks or spells differently, as per-connection TEMP macros. Temp macros win over
// DuckDB built-ins of the same name and are found whatever catalog the session has USE'd, which macros in a
// schema are not. The identity functions read per-connection variables the session sets (session.ts), so they
// answer for the caller even inside mask and row-filter functions evaluated through views.
//
// To add a shim: append one `name(args) AS expr` line. If polyglot rewrites the Databricks call into something
// with different semantics first, rename the call before transpiling instead (translate.ts PRE_RENAMES).

export const SHIM_MACROS: readonly string[] = [
  // date_sub/date_add are renamed before transpiling: polyglot turns them into `d + INTERVAL` (a TIMESTAMP),
  // while Databricks returns a DATE, and a DATE keeps `event_date >= …` prunable by zone maps.
  'sim_date_sub(d, n) AS CAST(d AS DATE) - CAST(n AS INTEGER)',
  'sim_date_add(d, n) AS CAST(d AS DATE) + CAST(n AS INTEGER)',
  'current_timestamp() AS CAST(now() AS TIMESTAMP)',
  'get_json_object(j, p) AS json_extract_string(j, p)',
  'timestamp_millis(ms) AS epoch_ms(CAST(ms AS BIGINT))',
  'timestamp_micros(us) AS make_timestamp(CAST(us AS BIGINT))',
  'timestamp_seconds(s) AS CAST(to_timestamp(CAST(s AS DOUBLE)) AS TIMESTAMP)',
  'unix_millis(ts) AS epoch_ms(CAST(ts AS TIMESTAMP))',
  'unix_micros(ts) AS epoch_us(CAST(ts AS TIMESTAMP))',
  'unix_seconds(ts) AS CAST(epoch(CAST(ts AS TIMESTAMP)) AS BIGINT)',
  'nvl2(a, b, c) AS CASE WHEN a IS NOT NULL THEN b ELSE c END',
  // Databricks' array_join(array, delimiter) joins the elements and skips NULLs, as array_to_string does.
  'array_join(a, d) AS array_to_string(a, d)',
  // Identity and namespace: variables set per session.
  "current_user() AS getvariable('sim_user')",
  "session_user() AS getvariable('sim_user')",
  "is_account_group_member(g) AS list_contains(getvariable('sim_groups'), g)",
  "is_member(g) AS list_contains(getvariable('sim_groups'), g)",
  "current_catalog() AS getvariable('sim_catalog')",
  "current_schema() AS getvariable('sim_schema')",
  "current_database() AS getvariable('sim_schema')",
];

export const CREATE_SHIMS_SQL = SHIM_MACROS.map((m) => `CREATE OR REPLACE TEMP MACRO ${m};`).join('\n');
