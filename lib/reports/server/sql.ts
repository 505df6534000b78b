// The weekly report's SQL over system.access.audit, built from the Audit area's fragments (category predicates,
// failure test, actor, address) so a report's figure and the Audit page's view behind it count the same events.
// Every figure is aggregated in the warehouse; each statement reads both weeks at once and splits them by a `wk`
// column, so the report is one round of parallel queries.
import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FEEDS } from '@/lib/audit/server/feeds';
import { ADDRESS_SQL } from '@/lib/audit/server/failed-auth';
import {
  ACTOR_SQL,
  AUDIT_TABLE,
  auditStatement,
  auditWhere,
  categoryPredicate,
  countField,
  EVENT_MICROS_SQL,
  FAILED_SQL,
  paramsField,
  sqlName,
  SUCCEEDED_SQL,
  textField,
  timeField,
  type AuditStatement,
} from '@/lib/audit/server/sql';

export interface ReportWeeks {
  current: { from: Date; to: Date };
  previous: { from: Date; to: Date };
}

/** How far back token creations are read to find tokens that expire next week: Databricks keeps a year of audit. */
export const TOKEN_LOOKBACK_DAYS = 365;
/** Revocations by one person within an hour from this many on are a bulk revocation. */
export const BULK_REVOCATION_MIN = 5;
export const ACTOR_LIMIT = 10;
const CANDIDATE_LIMIT = 200;
const DAY_MS = 86_400_000;

const WEEK_SQL = "CASE WHEN event_time >= :cur_from THEN 'current' ELSE 'previous' END";
const SUCCEEDED = SUCCEEDED_SQL;
const EXPIRES_MS = "try_cast(request_params['tokenExpirationTime'] AS BIGINT)";
const TOKEN_CREATED = `service_name = 'accounts' AND action_name = 'generateDbToken' AND ${SUCCEEDED}`;
const SECRET_CHANGE_ACTIONS = FEEDS.secretChanges.actions.map(sqlName).join(', ');
const ADMIN_ACTIONS = ['setAdmin', 'setAccountAdmin', 'removeAdmin'].map(sqlName).join(', ');
const PERMISSION_CHANGE = `${categoryPredicate('permissions')} AND ${SUCCEEDED}`;
const FAILED_SIGNIN = `${categoryPredicate('signin')} AND ${FAILED_SQL}`;
/** What counts as a change for "most active actors": a successful permission, configuration, token or secret change. */
const CHANGE = `(${SUCCEEDED} AND (${categoryPredicate('permissions')} OR ${categoryPredicate('config')}
    OR (service_name = 'accounts' AND action_name IN ('generateDbToken', 'revokeDbToken'))
    OR (service_name = 'secrets' AND action_name IN (${SECRET_CHANGE_ACTIONS}))))`;
const POWERFUL_UC_GRANT = `service_name = 'unityCatalog' AND action_name = 'updatePermissions' AND (
    contains(request_params['changes'], 'MANAGE') OR contains(request_params['changes'], 'ALL_PRIVILEGES')
    OR contains(request_params['changes'], 'ALL PRIVILEGES') OR contains(request_params['changes'], 'OWNERSHIP'))`;
const TO_EVERYONE = `(contains(request_params['changes'], '"users"') OR contains(request_params['changes'], '"account users"'))`;

const bothWeeks = (w: ReportWeeks) => ({ from: w.previous.from, to: w.current.to });
const weekRow = z.enum(['current', 'previous']);

export const summaryRow = z.object({
  wk: weekRow,
  permission_changes: countField,
  failed_signins: countField,
  failing_ips: countField,
  tokens_created: countField,
  tokens_without_expiry: countField,
  tokens_revoked: countField,
  secret_reads: countField,
  secret_changes: countField,
  admin_membership_changes: countField,
});
export type SummaryRow = z.infer<typeof summaryRow>;

/** The counted figures, both weeks. `ownIdentity` is Brickwatch's own (its reads of secrets are not counted). */
export function summaryStatement(weeks: ReportWeeks, ownIdentity: string | null) {
  const where = auditWhere(bothWeeks(weeks), {});
  return auditStatement({
    name: 'reports.summary',
    sql: `SELECT ${WEEK_SQL} AS wk,
  count_if(${PERMISSION_CHANGE}) AS permission_changes,
  count_if(${FAILED_SIGNIN}) AS failed_signins,
  count(DISTINCT CASE WHEN ${FAILED_SIGNIN} THEN ${ADDRESS_SQL} END) AS failing_ips,
  count_if(${TOKEN_CREATED}) AS tokens_created,
  count_if(${TOKEN_CREATED} AND coalesce(${EXPIRES_MS}, 0) <= 0) AS tokens_without_expiry,
  count_if(service_name = 'accounts' AND action_name = 'revokeDbToken' AND ${SUCCEEDED}) AS tokens_revoked,
  count_if(service_name = 'secrets' AND action_name = 'getSecret' AND ${SUCCEEDED}
    AND coalesce(user_identity.email, '') <> :own_identity) AS secret_reads,
  count_if(service_name = 'secrets' AND action_name IN (${SECRET_CHANGE_ACTIONS}) AND ${SUCCEEDED}) AS secret_changes,
  count_if(service_name = 'accounts' AND action_name IN (${ADMIN_ACTIONS}) AND ${SUCCEEDED}) AS admin_membership_changes
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1`,
    row: summaryRow,
    // An empty string matches no identity (every event with an identity has a non-empty one).
    params: { ...where.params, cur_from: weeks.current.from, own_identity: ownIdentity ?? '' },
    maxRows: 2,
  });
}

const kindRow = z.object({ wk: weekRow, service: z.string(), changes: countField });

export function permissionKindsStatement(weeks: ReportWeeks) {
  const where = auditWhere(bothWeeks(weeks), {}, [PERMISSION_CHANGE]);
  return auditStatement({
    name: 'reports.permissionKinds',
    sql: `SELECT ${WEEK_SQL} AS wk, service_name AS service, count(*) AS changes
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1, 2
ORDER BY 1, changes DESC, service`,
    row: kindRow,
    params: { ...where.params, cur_from: weeks.current.from },
    maxRows: 100,
  });
}

const expiringRow = z.object({ current: countField, previous: countField });

/**
 * Tokens that, at the end of each week, were live and due to expire within the following week: created (as the audit
 * log shows, a year back) before the week ended, not revoked by then, expiring in the next seven days.
 */
export function tokensExpiringStatement(weeks: ReportWeeks) {
  const lookback = new Date(weeks.current.to.getTime() - TOKEN_LOOKBACK_DAYS * DAY_MS);
  const where = auditWhere({ from: lookback, to: weeks.current.to }, {}, [
    "service_name = 'accounts'",
    "action_name IN ('generateDbToken', 'revokeDbToken')",
    SUCCEEDED,
    "request_params['tokenHash'] IS NOT NULL",
  ]);
  const next = new Date(weeks.current.to.getTime() + (weeks.current.to.getTime() - weeks.current.from.getTime()));
  return auditStatement({
    name: 'reports.tokensExpiring',
    sql: `SELECT
  count_if(created < :cur_to AND expires_ms >= :cur_to_ms AND expires_ms < :next_to_ms AND (revoked IS NULL OR revoked >= :cur_to)) AS current,
  count_if(created < :cur_from AND expires_ms >= :cur_from_ms AND expires_ms < :cur_to_ms AND (revoked IS NULL OR revoked >= :cur_from)) AS previous
FROM (
  SELECT request_params['tokenHash'] AS token,
    min(CASE WHEN action_name = 'generateDbToken' THEN event_time END) AS created,
    max(CASE WHEN action_name = 'generateDbToken' THEN ${EXPIRES_MS} END) AS expires_ms,
    min(CASE WHEN action_name = 'revokeDbToken' THEN event_time END) AS revoked
  FROM ${AUDIT_TABLE}
  ${where.sql.replaceAll('\n', '\n  ')}
  GROUP BY 1
) AS tokens`,
    row: expiringRow,
    params: {
      ...where.params,
      cur_from: weeks.current.from,
      cur_to: weeks.current.to,
      cur_from_ms: weeks.current.from.getTime(),
      cur_to_ms: weeks.current.to.getTime(),
      next_to_ms: next.getTime(),
    },
    maxRows: 1,
  });
}

const actorRow = z.object({ actor: z.string(), events: countField, changes: countField, failed: countField });

export function activeActorsStatement(weeks: ReportWeeks) {
  const where = auditWhere(weeks.current, {}, [`${ACTOR_SQL} IS NOT NULL`]);
  return auditStatement({
    name: 'reports.activeActors',
    sql: `SELECT ${ACTOR_SQL} AS actor, count(*) AS events, count_if(${CHANGE}) AS changes, count_if(${FAILED_SQL}) AS failed
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1
ORDER BY changes DESC, events DESC, actor`,
    row: actorRow,
    params: where.params,
    maxRows: ACTOR_LIMIT,
  });
}

export const candidateRow = z.object({
  event_us: z.coerce.number().int(),
  event_time: timeField,
  event_id: z.string(),
  service_name: z.string(),
  action_name: z.string(),
  actor: textField,
  request_params: paramsField,
});

/** Events that may be notable, most important first: the ranking in rules/notable.ts decides the final ten. */
export function notableCandidatesStatement(weeks: ReportWeeks) {
  const where = auditWhere(weeks.current, {}, [
    SUCCEEDED,
    `((service_name = 'accounts' AND action_name IN (${ADMIN_ACTIONS}))
    OR (${POWERFUL_UC_GRANT})
    OR ${categoryPredicate('config')}
    OR (${TOKEN_CREATED} AND coalesce(${EXPIRES_MS}, 0) <= 0)
    OR (service_name = 'secrets' AND action_name IN ('putAcl', 'deleteAcl')))`,
  ]);
  return auditStatement({
    name: 'reports.notableCandidates',
    sql: `SELECT ${EVENT_MICROS_SQL} AS event_us, event_time, event_id, service_name, action_name, ${ACTOR_SQL} AS actor, request_params
FROM (
  SELECT event_time, event_id, service_name, action_name, user_identity, request_params,
    CASE
      WHEN service_name = 'unityCatalog' AND ${TO_EVERYONE} THEN 100
      WHEN action_name IN ('setAdmin', 'setAccountAdmin') THEN 95
      WHEN service_name IN ('workspace', 'accounts', 'globalInitScripts') AND action_name NOT IN (${ADMIN_ACTIONS}, 'generateDbToken') THEN 75
      WHEN action_name = 'removeAdmin' THEN 60
      WHEN service_name = 'unityCatalog' THEN 55
      WHEN action_name = 'generateDbToken' THEN 40
      ELSE 30
    END AS priority
  FROM ${AUDIT_TABLE}
  ${where.sql.replaceAll('\n', '\n  ')}
  ORDER BY priority DESC, event_time DESC, event_id DESC
  LIMIT ${CANDIDATE_LIMIT}
) AS candidates
ORDER BY priority DESC, event_time DESC, event_id DESC`,
    row: candidateRow,
    params: where.params,
    maxRows: CANDIDATE_LIMIT,
  });
}

const bulkRow = z.object({ actor: z.string(), hour: timeField, tokens: countField });

export function bulkRevocationsStatement(weeks: ReportWeeks) {
  const where = auditWhere(weeks.current, {}, ["service_name = 'accounts'", "action_name = 'revokeDbToken'", SUCCEEDED]);
  return auditStatement({
    name: 'reports.bulkRevocations',
    sql: `SELECT coalesce(user_identity.email, '(unknown)') AS actor, date_trunc('HOUR', event_time) AS hour, count(*) AS tokens
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1, 2
HAVING count(*) >= ${BULK_REVOCATION_MIN}
ORDER BY tokens DESC, hour DESC`,
    row: bulkRow,
    params: where.params,
    maxRows: 20,
  });
}

/** 'name@<12 hex>': the statement's text hashed, recorded with the report so a figure traces to the SQL that counted it. */
export function queryVersion(statement: AuditStatement<unknown>): string {
  return createHash('sha256').update(statement.query.sql).digest('hex').slice(0, 12);
}
