/** @type {import('next').NextConfig} */
module.exports = {
  // Native addons (DuckDB in the simulator, the Databricks driver's kernel and lz4, SQLite) cannot be bundled.
  serverExternalPackages: ['@duckdb/node-api', '@databricks/sql', 'better-sqlite3'],
  poweredByHeader: false,
};
