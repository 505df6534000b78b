// Who read which secret, from system.access.audit, aggregated in the warehouse: the last successful getSecret of every
// key over 90 days (for "unread" findings) and one scope's last 30 days (reads, writes, ACL changes, and who). Every
// query bounds event_date for partition pruning and binds every value. Brickwatch's own listing calls are not
// activity: they are left out in SQL — by the acting identity's name, and by Brickwatch's user agent (in user mode
// Brickwatch acts as each signed-in person, so their names alone cannot tell its calls from theirs).
import 'server-only';
import { z } from 'zod';
import { AUDIT_TABLE, auditStatement, auditWhere, countField, runAudit, textField, timeField } from '@/lib/audit/server/sql';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { cachedRead } from '@/lib/read-cache';
import { READS_READ } from './cache';

const DAY = 86_400_000;
export const UNREAD_WINDOW_DAYS = 90;
export const ACTIVITY_DAYS = 30;
/** Distinct (scope, key) pairs read in 90 days: 1,000 scopes × 1,000 keys is Databricks' ceiling; far fewer in practice. */
const READS_LIMIT = 50_000;
const ACTORS_LIMIT = 50;
const CHANGES_LIMIT = 20;
const KEYS_LIMIT = 1_000;

const OK = '(response.status_code IS NULL OR response.status_code < 400)';
const FAILED = 'response.status_code >= 400';
/** Listing calls: Brickwatch makes these to draw the page; people's own listings stay in the counts. */
const LISTING = "action_name IN ('listScopes', 'listSecrets', 'listAcls', 'getAcl')";
const BRICKWATCH = "(coalesce(user_identity.email, '') = :acting OR coalesce(user_agent, '') LIKE :brickwatch_agent)";
/** The REST client's User-Agent (lib/databricks/rest-client.ts), as a LIKE prefix. */
const BRICKWATCH_AGENT = 'brickwatch%';

const windowOf = (days: number, now: number) => ({ from: new Date(now - days * DAY), to: new Date(now) });

const lastReadRow = z.object({ scope: z.string(), key: z.string(), last_read: timeField });

export function lastReadsStatement(now: number) {
  const where = auditWhere(windowOf(UNREAD_WINDOW_DAYS, now), {}, [
    "service_name = 'secrets'",
    "action_name = 'getSecret'",
    OK,
    "request_params['scope'] IS NOT NULL",
    "request_params['key'] IS NOT NULL",
  ]);
  return auditStatement({
    name: 'secrets.last_reads',
    sql: `SELECT lower(request_params['scope']) AS scope, request_params['key'] AS key, max(event_time) AS last_read
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1, 2`,
    row: lastReadRow,
    params: where.params,
    maxRows: READS_LIMIT,
    timeoutSeconds: 30,
  });
}

export interface LastReads {
  /** Lower-cased scope name → key → last successful read (epoch ms). */
  byScope: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** More pairs than the cap: the map is incomplete, so "unread" cannot be claimed. */
  truncated: boolean;
}

export function loadLastReads(ws: Workspace): Promise<LastReads> {
  return cachedRead(ws, 'secrets.reads', READS_READ, async () => {
    const { rows, truncated } = await runAudit(ws, lastReadsStatement(Date.now()));
    const byScope = new Map<string, Map<string, number>>();
    for (const r of rows) {
      let keys = byScope.get(r.scope);
      if (!keys) byScope.set(r.scope, (keys = new Map()));
      keys.set(r.key, r.last_read.getTime());
    }
    return { byScope, truncated };
  });
}

function scopeWhere(scope: string, acting: string, now: number, extra: string[] = []) {
  const where = auditWhere(windowOf(ACTIVITY_DAYS, now), {}, [
    "service_name = 'secrets'",
    "lower(request_params['scope']) = lower(:scope)",
    `NOT (${LISTING} AND ${BRICKWATCH})`,
    ...extra,
  ]);
  return { sql: where.sql, params: { ...where.params, scope, acting, brickwatch_agent: BRICKWATCH_AGENT } };
}

const totalsRow = z.object({ reads: countField, denied_reads: countField, writes: countField, acl_changes: countField, lists: countField });
const COUNTS = `count_if(action_name = 'getSecret' AND ${OK}) AS reads,
  count_if(action_name = 'getSecret' AND ${FAILED}) AS denied_reads,
  count_if(action_name IN ('putSecret', 'deleteSecret') AND ${OK}) AS writes,
  count_if(action_name IN ('putAcl', 'deleteAcl') AND ${OK}) AS acl_changes,
  count_if(${LISTING}) AS lists`;

export function scopeTotalsStatement(scope: string, acting: string, now: number) {
  const where = scopeWhere(scope, acting, now);
  return auditStatement({
    name: 'secrets.scope.totals',
    sql: `SELECT ${COUNTS}
FROM ${AUDIT_TABLE}
${where.sql}`,
    row: totalsRow,
    params: where.params,
    maxRows: 1,
  });
}

const actorRow = totalsRow.extend({ actor: z.string(), keys_read: countField, last_event: timeField });

export function scopeActorsStatement(scope: string, acting: string, now: number) {
  const where = scopeWhere(scope, acting, now);
  return auditStatement({
    name: 'secrets.scope.actors',
    sql: `SELECT coalesce(user_identity.email, '(unknown)') AS actor,
  ${COUNTS},
  count(DISTINCT CASE WHEN action_name = 'getSecret' AND ${OK} THEN request_params['key'] END) AS keys_read,
  max(event_time) AS last_event
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1
ORDER BY reads + writes + acl_changes DESC, last_event DESC, actor`,
    row: actorRow,
    params: where.params,
    maxRows: ACTORS_LIMIT,
  });
}

const changeRow = z.object({
  event_time: timeField,
  actor: z.string(),
  action: z.enum(['createScope', 'putSecret', 'deleteSecret', 'putAcl', 'deleteAcl']),
  key: textField,
  principal: textField,
  permission: textField,
  status_code: z.coerce.number().nullable(),
});

export function scopeChangesStatement(scope: string, acting: string, now: number) {
  const where = scopeWhere(scope, acting, now, ["action_name IN ('createScope', 'putSecret', 'deleteSecret', 'putAcl', 'deleteAcl')"]);
  return auditStatement({
    name: 'secrets.scope.changes',
    sql: `SELECT event_time, coalesce(user_identity.email, '(unknown)') AS actor, action_name AS action,
  request_params['key'] AS key, request_params['principal'] AS principal, request_params['permission'] AS permission,
  response.status_code AS status_code
FROM ${AUDIT_TABLE}
${where.sql}
ORDER BY event_time DESC`,
    row: changeRow,
    params: where.params,
    maxRows: CHANGES_LIMIT,
  });
}

const keyRow = z.object({ key: z.string(), reads: countField });

export function scopeKeyReadsStatement(scope: string, acting: string, now: number) {
  const where = scopeWhere(scope, acting, now, ["action_name = 'getSecret'", OK, "request_params['key'] IS NOT NULL"]);
  return auditStatement({
    name: 'secrets.scope.key_reads',
    sql: `SELECT request_params['key'] AS key, count(*) AS reads
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1`,
    row: keyRow,
    params: where.params,
    maxRows: KEYS_LIMIT,
  });
}
