// Tables of the workspace side (REST, identity, OAuth) in the shared DuckDB file, schema `ws`.
// No PRIMARY KEY / UNIQUE constraints on purpose: DuckDB's ART indexes slow the bulk seed down and make UPDATEs
// of indexed rows fragile; uniqueness (token ids, scope names, policy names) is enforced by the code that writes.
import type { SimDb } from '../core/db';

const DDL = [
  'CREATE SCHEMA IF NOT EXISTS ws',
  'CREATE TABLE IF NOT EXISTS ws.meta (key VARCHAR, value VARCHAR)',
  `CREATE TABLE IF NOT EXISTS ws.principals (id VARCHAR, kind VARCHAR, name VARCHAR, display_name VARCHAR,
     given_name VARCHAR, family_name VARCHAR, active BOOLEAN, external_id VARCHAR, entitlements VARCHAR, created_at BIGINT)`,
  'CREATE TABLE IF NOT EXISTS ws.memberships (group_id VARCHAR, member_id VARCHAR)',
  `CREATE TABLE IF NOT EXISTS ws.tokens (token_id VARCHAR, owner_id VARCHAR, created_by_id VARCHAR,
     created_by_username VARCHAR, comment VARCHAR, creation_time BIGINT, expiry_time BIGINT, last_used_day BIGINT, scopes VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS ws.acls (object_type VARCHAR, object_id VARCHAR, principal_kind VARCHAR,
     principal_name VARCHAR, permission_level VARCHAR)`,
  'CREATE TABLE IF NOT EXISTS ws.workspace_conf (key VARCHAR, value VARCHAR)',
  `CREATE TABLE IF NOT EXISTS ws.ip_access_lists (list_id VARCHAR, label VARCHAR, list_type VARCHAR, ip_addresses VARCHAR,
     enabled BOOLEAN, created_at BIGINT, created_by BIGINT, updated_at BIGINT, updated_by BIGINT)`,
  `CREATE TABLE IF NOT EXISTS ws.cluster_policies (policy_id VARCHAR, name VARCHAR, definition VARCHAR, description VARCHAR,
     creator_user_name VARCHAR, created_at BIGINT, is_default BOOLEAN, max_clusters_per_user BIGINT,
     policy_family_id VARCHAR, policy_family_definition_overrides VARCHAR)`,
  'CREATE TABLE IF NOT EXISTS ws.clusters (cluster_id VARCHAR, cluster_name VARCHAR, doc VARCHAR)',
  'CREATE TABLE IF NOT EXISTS ws.jobs (job_id BIGINT, name VARCHAR, created_time BIGINT, doc VARCHAR)',
  `CREATE TABLE IF NOT EXISTS ws.secret_scopes (name VARCHAR, backend_type VARCHAR, keyvault_resource_id VARCHAR,
     keyvault_dns_name VARCHAR, created_by VARCHAR, created_at BIGINT)`,
  'CREATE TABLE IF NOT EXISTS ws.secrets (scope VARCHAR, key VARCHAR, value BLOB, last_updated_timestamp BIGINT)',
  'CREATE TABLE IF NOT EXISTS ws.secret_acls (scope VARCHAR, principal VARCHAR, permission VARCHAR)',
  `CREATE TABLE IF NOT EXISTS ws.oauth_clients (client_id VARCHAR, secret_hash VARCHAR, name VARCHAR, kind VARCHAR,
     principal_id VARCHAR, created_at BIGINT)`,
  `CREATE TABLE IF NOT EXISTS ws.refresh_tokens (token_hash VARCHAR, client_id VARCHAR, principal_id VARCHAR, scope VARCHAR,
     created_at BIGINT, expires_at BIGINT)`,
  `CREATE TABLE IF NOT EXISTS ws.workspace_objects (object_id BIGINT, path VARCHAR, object_type VARCHAR, language VARCHAR,
     created_at BIGINT, modified_at BIGINT, creator VARCHAR, spec VARCHAR, size BIGINT, repo VARCHAR, content BLOB)`,
];

export async function createWorkspaceSchema(db: SimDb): Promise<void> {
  for (const stmt of DDL) await db.run(stmt);
}

export async function getMeta(db: SimDb, key: string): Promise<string | undefined> {
  const row = await db.one<{ value: string }>('SELECT value FROM ws.meta WHERE key = ?', [key]);
  return row?.value;
}

export async function setMeta(db: SimDb, key: string, value: string): Promise<void> {
  await db.exclusive(() =>
    db.transaction(async (c) => {
      await c.run('DELETE FROM ws.meta WHERE key = ?', [key]);
      await c.run('INSERT INTO ws.meta VALUES (?, ?)', [key, value]);
    }),
  );
}
