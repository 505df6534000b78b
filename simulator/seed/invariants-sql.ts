// The seeded estate's believability, checked on a seeded database with aggregate SQL: every figure counts
// violations and must be 0. Run against the demo estate in an integration test and against the large one by the
// simulator bench (a few seconds over 10 million audit rows). What "inside its life" means is in seed/invariants.ts;
// the checks of what the catalog and workspace seeds add (lineage, catalog objects, notebooks) are in
// seed/invariants-sql-objects.ts.
import { AUDIT_TABLE } from '../audit/schema';
import type { SimDb } from '../core/db';
import { DEACTIVATED_GRANTS_MEANT } from './catalog-grants';
import { objectChecks } from './invariants-sql-objects';

const DAY = 86_400_000;
const ok = 'response.status_code < 400';
const ms = 'epoch_ms(event_time)';

/**
 * Shared definitions: who is who (with when they joined and, from the history, when they were deactivated); `lives`
 * gives everyone's span in epoch ms, `left_at` NULL while active and the history's start for whoever left before it.
 * `audit` is NOT MATERIALIZED: used twice, DuckDB would otherwise copy every column of the 10 million large-scale rows
 * in each check that names it (the 32 checks took 23 s instead of 6–10 s).
 */
const WITH = `WITH
  audit AS NOT MATERIALIZED (SELECT * FROM ${AUDIT_TABLE}),
  window_start AS (SELECT epoch_ms(min(event_date)) AS t FROM audit),
  deactivated AS (
    SELECT request_params['targetUserName'] AS name, max(${ms}) AS t FROM audit
    WHERE service_name = 'accounts' AND action_name = 'deactivateUser' AND ${ok} GROUP BY 1),
  principals AS (
    SELECT p.id, p.name, p.kind, p.active, p.created_at, d.t AS left_at FROM ws.principals p
    LEFT JOIN deactivated d ON d.name = p.name WHERE p.kind <> 'group'),
  lives AS (
    SELECT name, kind, created_at AS joined, CASE WHEN NOT active THEN coalesce(left_at, (SELECT t FROM window_start)) END AS left_at
    FROM principals),
  grantees AS (SELECT name, active FROM ws.principals UNION ALL SELECT 'account users', true),
  logins AS (
    SELECT request_params['tokenId'] AS token_id, ${ms} AS t FROM audit
    WHERE service_name = 'accounts' AND action_name = 'tokenLogin' AND ${ok})`;

const meantGrants = DEACTIVATED_GRANTS_MEANT.flatMap((g) =>
  g.privileges.map((p) => `('${g.type}', '${g.fullName}', '${g.principal}', '${p}')`),
).join(', ');

/** [figure, SELECT count(*) AS n …] — each counts one kind of thing outside its object's life. */
export const ESTATE_CHECKS: ReadonlyArray<readonly [string, string]> = [
  // Tokens as the token list shows them: last_used_day (midnight of the day of last use) within the token's life.
  ['token last used before it was created', 'SELECT count(*) AS n FROM ws.tokens WHERE last_used_day < creation_time'],
  ['token last used after it expired', 'SELECT count(*) AS n FROM ws.tokens WHERE expiry_time <> -1 AND last_used_day > expiry_time'],
  ['token last used in the future', 'SELECT count(*) AS n FROM ws.tokens WHERE last_used_day > epoch_ms(now())'],
  [
    'token created before its owner or creator joined',
    `${WITH} SELECT count(*) AS n FROM ws.tokens t JOIN principals o ON o.id = t.owner_id JOIN principals c ON c.id = t.created_by_id
     WHERE t.creation_time < o.created_at OR t.creation_time < c.created_at`,
  ],
  [
    'token of a principal that does not exist',
    `${WITH} SELECT count(*) AS n FROM ws.tokens t WHERE t.owner_id NOT IN (SELECT id FROM principals) OR t.created_by_id NOT IN (SELECT id FROM principals)`,
  ],
  [
    'token used (audit) before its creation or after its expiry',
    `${WITH} SELECT count(*) AS n FROM logins l JOIN ws.tokens t ON t.token_id = l.token_id
     WHERE l.t < t.creation_time OR (t.expiry_time <> -1 AND l.t > t.expiry_time)`,
  ],
  [
    'token used (audit) before its generateDbToken or after its revokeDbToken',
    `${WITH}, life AS (
       SELECT request_params['tokenHash'] AS token_id, min(${ms}) FILTER (WHERE action_name = 'generateDbToken') AS made,
         min(${ms}) FILTER (WHERE action_name = 'revokeDbToken') AS revoked
       FROM audit WHERE service_name = 'accounts' AND action_name IN ('generateDbToken', 'revokeDbToken') AND ${ok} GROUP BY 1)
     SELECT count(*) AS n FROM logins l JOIN life ON life.token_id = l.token_id WHERE l.t < life.made OR l.t > life.revoked`,
  ],
  [
    'token whose last_used_day disagrees with its last use in the audit history',
    `${WITH}, last AS (SELECT token_id, max(t) AS t FROM logins GROUP BY 1)
     SELECT count(*) AS n FROM ws.tokens k LEFT JOIN last ON last.token_id = k.token_id, window_start w
     WHERE (last.t IS NOT NULL AND (k.last_used_day IS NULL OR last.t // ${DAY} * ${DAY} <> k.last_used_day))
        OR (last.t IS NULL AND k.last_used_day >= w.t)`,
  ],
  // People and service principals act only while they are in the workspace.
  [
    'event by a principal before they joined',
    `${WITH} SELECT count(*) AS n FROM audit e JOIN principals p ON p.name = e.user_identity.email WHERE ${ms} < p.created_at`,
  ],
  [
    'successful event by a principal after they were deactivated',
    `${WITH}, w AS (SELECT t FROM window_start)
     SELECT count(*) AS n FROM audit e JOIN principals p ON p.name = e.user_identity.email
     WHERE NOT p.active AND e.${ok} AND ${ms} > coalesce(p.left_at, (SELECT t FROM w))`,
  ],
  // Grants and ACLs name principals that exist (and are active, bar the one kind the seed means).
  [
    'grant or ACL naming a principal that does not exist',
    `${WITH} SELECT (SELECT count(*) FROM uc_meta.grants WHERE principal NOT IN (SELECT name FROM grantees) AND securable_full_name NOT LIKE 'system%')
       + (SELECT count(*) FROM ws.acls WHERE principal_name NOT IN (SELECT name FROM grantees))
       + (SELECT count(*) FROM ws.secret_acls WHERE principal NOT IN (SELECT name FROM grantees)) AS n`,
  ],
  [
    // Meant, and nothing else:
    // - a job that runs as a since-deactivated service principal keeps it as IS_OWNER (an orphaned-job finding);
    // - a person who left keeps CAN_MANAGE on their home folder /Users/<name>: Databricks keeps the folder ("When you
    //   remove a user from a workspace, the user's home folder is retained. If you re-add a user to the workspace,
    //   their home folder is restored." — docs.databricks.com/en/workspace/workspace-objects.html, User home folders);
    // - the grants of DEACTIVATED_GRANTS_MEANT (seed/catalog-grants.ts: legacy-airflow's, never revoked);
    // - a person who left keeps a READ entry on a secret scope (Databricks keeps ACL entries of deactivated people: a
    //   stale-ACL finding).
    'grant or ACL to a deactivated principal (other than a job’s run-as owner, a leaver’s home folder or scope READ, DEACTIVATED_GRANTS_MEANT)',
    `${WITH}, inactive AS (SELECT name FROM ws.principals WHERE NOT active),
     meant AS (
       SELECT m.type, m.full_name, p.name AS principal, m.privilege FROM (VALUES ${meantGrants}) m(type, full_name, display_name, privilege)
       JOIN ws.principals p ON p.display_name = m.display_name AND p.kind <> 'group')
     SELECT (SELECT count(*) FROM uc_meta.grants g WHERE g.principal IN (SELECT name FROM inactive) AND NOT EXISTS (
           SELECT 1 FROM meant m WHERE m.type = g.securable_type AND m.full_name = g.securable_full_name AND m.principal = g.principal
             AND m.privilege = g.privilege))
       + (SELECT count(*) FROM ws.acls a WHERE a.principal_name IN (SELECT name FROM inactive)
           AND NOT (a.object_type = 'jobs' AND a.permission_level = 'IS_OWNER' AND EXISTS (
             SELECT 1 FROM ws.jobs j WHERE CAST(j.job_id AS VARCHAR) = a.object_id AND json_extract_string(j.doc, '$.run_as_user_name') = a.principal_name))
           AND NOT (a.object_type = 'directories' AND a.permission_level = 'CAN_MANAGE' AND EXISTS (
             SELECT 1 FROM ws.workspace_objects o WHERE CAST(o.object_id AS VARCHAR) = a.object_id AND o.path = '/Users/' || a.principal_name)))
       + (SELECT count(*) FROM ws.secret_acls WHERE principal IN (SELECT name FROM inactive) AND NOT (permission = 'READ' AND principal LIKE '%@%')) AS n`,
  ],
  // Objects: nothing is read or changed before it was made, or after it was gone.
  [
    'secret event before its scope was created, or on a scope that never existed',
    `${WITH} SELECT count(*) AS n FROM audit e LEFT JOIN ws.secret_scopes s ON lower(s.name) = lower(e.request_params['scope'])
     WHERE e.service_name = 'secrets' AND e.request_params['scope'] IS NOT NULL AND e.action_name <> 'createScope'
       AND (s.name IS NULL OR ${ms} < s.created_at)`,
  ],
  [
    'putSecret after the key was last updated, or deleteSecret of a key that is still there',
    `${WITH} SELECT count(*) AS n FROM audit e JOIN ws.secrets k ON lower(k.scope) = lower(e.request_params['scope']) AND k.key = e.request_params['key']
     WHERE e.service_name = 'secrets' AND e.${ok}
       AND ((e.action_name = 'putSecret' AND ${ms} > k.last_updated_timestamp + 1000) OR (e.action_name = 'deleteSecret' AND ${ms} > k.last_updated_timestamp))`,
  ],
  [
    'job event on a job that does not exist or before it was created',
    `${WITH} SELECT count(*) AS n FROM (
       SELECT event_time, coalesce(request_params['jobId'], regexp_extract(request_params['resourceId'], '^/jobs/(\\d+)$', 1)) AS job FROM audit
       WHERE service_name = 'jobs') e LEFT JOIN ws.jobs j ON CAST(j.job_id AS VARCHAR) = e.job
     WHERE j.job_id IS NULL OR ${ms} < j.created_time`,
  ],
  [
    'run of a paused job, or as a principal other than its run-as',
    `${WITH} SELECT count(*) AS n FROM audit e JOIN ws.jobs j ON CAST(j.job_id AS VARCHAR) = e.request_params['jobId']
     WHERE e.service_name = 'jobs' AND e.action_name = 'runStart'
       AND (json_extract_string(j.doc, '$.settings.schedule.pause_status') = 'PAUSED' OR json_extract_string(j.doc, '$.run_as_user_name') <> e.user_identity.email)`,
  ],
  [
    'cluster event on a cluster that does not exist',
    `${WITH} SELECT count(*) AS n FROM audit e WHERE e.service_name = 'clusters'
       AND coalesce(e.request_params['cluster_id'], regexp_extract(e.request_params['resourceId'], '^/clusters/(.+)$', 1)) NOT IN (SELECT cluster_id FROM ws.clusters)`,
  ],
  [
    'cluster policy event before the policy existed',
    `${WITH} SELECT count(*) AS n FROM audit e LEFT JOIN ws.cluster_policies p ON '/cluster-policies/' || p.policy_id = e.request_params['resourceId']
     WHERE e.service_name = 'clusterPolicies' AND (p.policy_id IS NULL OR ${ms} < p.created_at)`,
  ],
  [
    'table read before the table was created, or of a table that does not exist',
    `${WITH} SELECT count(*) AS n FROM audit e
       LEFT JOIN uc_meta.tables t ON t.catalog_name || '.' || t.schema_name || '.' || t.table_name = coalesce(e.request_params['full_name_arg'], e.request_params['table_full_name'])
     WHERE e.service_name = 'unityCatalog' AND e.action_name IN ('getTable', 'generateTemporaryTableCredential') AND (t.table_name IS NULL OR e.event_time < t.created_at)`,
  ],
  [
    'permission change on a catalog, schema or table before it was created',
    `${WITH}, made AS (SELECT catalog_name AS n, created_at FROM uc_meta.catalogs
       UNION ALL SELECT catalog_name || '.' || schema_name, created_at FROM uc_meta.schemas
       UNION ALL SELECT catalog_name || '.' || schema_name || '.' || table_name, created_at FROM uc_meta.tables)
     SELECT count(*) AS n FROM audit e JOIN made ON made.n = e.request_params['securable_full_name']
     WHERE e.service_name = 'unityCatalog' AND e.action_name = 'updatePermissions' AND e.event_time < made.created_at`,
  ],
  [
    'IP access list event outside the list (before it was made, or after its last change)',
    `${WITH} SELECT count(*) AS n FROM audit e JOIN ws.ip_access_lists l ON l.list_id = e.request_params['ipAccessListId']
     WHERE e.service_name = 'accounts' AND e.${ok}
       AND ((e.action_name = 'createIpAccessList' AND abs(${ms} - l.created_at) > 1000)
         OR (e.action_name = 'updateIpAccessList' AND (${ms} < l.created_at OR ${ms} > l.updated_at + 1000)))`,
  ],
  [
    'admins group change that the group membership contradicts',
    `${WITH}, changes AS (
       SELECT request_params['targetUserName'] AS name, arg_max(action_name, event_time) AS last FROM audit
       WHERE service_name = 'accounts' AND action_name IN ('addPrincipalToGroup', 'removePrincipalFromGroup')
         AND request_params['targetGroupName'] = 'admins' AND ${ok} GROUP BY 1),
     admins AS (SELECT p.name FROM ws.memberships m JOIN ws.principals g ON g.id = m.group_id AND g.name = 'admins' JOIN ws.principals p ON p.id = m.member_id)
     SELECT count(*) AS n FROM changes WHERE (last = 'addPrincipalToGroup') <> (name IN (SELECT name FROM admins))`,
  ],
  ['event in the future', `SELECT count(*) AS n FROM ${AUDIT_TABLE} WHERE event_time > now()::TIMESTAMP`],
  ...objectChecks(WITH),
];

/** Every figure of ESTATE_CHECKS, by name. */
export async function estateViolations(db: SimDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, sql] of ESTATE_CHECKS) out[name] = Number((await db.one<{ n: number | bigint }>(sql))?.n ?? 0);
  return out;
}
