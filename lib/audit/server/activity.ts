// Token lifecycle and secret activity: counts per action (with failures), token lifetimes at creation, who reads
// which scope — aggregated in the warehouse — plus the newest token events and secret changes as feeds.
import 'server-only';
import type { SecretActivityData, TokenActivityData } from '@/lib/audit/contract';
import { z } from 'zod';
import { describeSecretChange, describeTokenEvent } from '@/lib/audit/rules/describe';
import { filtersOf, windowOf, type AuditFilters, type AuditQuery } from '@/lib/audit/contract';
import { windowToJson, type TimeWindow } from '@/lib/audit/rules/range';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { FEEDS, runFeed } from './feeds';
import { loadPeople, type AuditStore } from './people';
import {
  AUDIT_TABLE,
  auditStatement,
  auditWhere,
  countField,
  EVENT_MICROS_SQL,
  FAILED_SQL,
  categoryPredicate,
  runAudit,
  sharedAudit,
  SUCCEEDED_SQL,
  textField,
  timeField,
} from './sql';

const ACTION_LIMIT = 50;
export const READER_LIMIT = 10;
/** Tokens created for longer than this are called out (the practice is 90 days at most). */
export const LONG_LIVED_DAYS = 90;

// tokenExpirationTime is epoch milliseconds as a string; absent, 0 or negative means the token never expires.
const EXPIRES_MS = "try_cast(request_params['tokenExpirationTime'] AS BIGINT)";

const actionRow = z.object({ action: z.string(), events: countField, failed: countField });
const tokenActionRow = actionRow.extend({ created: countField, no_expiry: countField, long_lived: countField });
// Only creations that succeeded made a token; a refused one (quota, lifetime above the maximum) did not.
const CREATED = `action_name = 'generateDbToken' AND ${SUCCEEDED_SQL}`;
const readerRow = z.object({
  actor: z.string(),
  scope: textField,
  reads: countField,
  keys: countField,
  denied: countField,
  last_read: timeField,
});

export function tokenActionsStatement(window: TimeWindow, filters: AuditFilters) {
  const where = auditWhere(window, filters, [categoryPredicate('tokens')]);
  return auditStatement({
    name: 'audit.tokens.actions',
    sql: `SELECT action_name AS action,
  count(*) AS events,
  count_if(${FAILED_SQL}) AS failed,
  count_if(${CREATED}) AS created,
  count_if(${CREATED} AND coalesce(${EXPIRES_MS}, 0) <= 0) AS no_expiry,
  count_if(${CREATED} AND ${EXPIRES_MS} * 1000 - ${EVENT_MICROS_SQL} > :long_lived_us) AS long_lived
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY action_name
ORDER BY events DESC, action`,
    row: tokenActionRow,
    params: { ...where.params, long_lived_us: LONG_LIVED_DAYS * 86_400_000_000 },
    maxRows: ACTION_LIMIT,
  });
}

export function secretActionsStatement(window: TimeWindow, filters: AuditFilters) {
  const where = auditWhere(window, filters, [categoryPredicate('secrets')]);
  return auditStatement({
    name: 'audit.secrets.actions',
    sql: `SELECT action_name AS action, count(*) AS events, count_if(${FAILED_SQL}) AS failed
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY action_name
ORDER BY events DESC, action`,
    row: actionRow,
    params: where.params,
    maxRows: ACTION_LIMIT,
  });
}

export function secretReadersStatement(window: TimeWindow, filters: AuditFilters) {
  const where = auditWhere(window, filters, [categoryPredicate('secrets'), "action_name = 'getSecret'"]);
  return auditStatement({
    name: 'audit.secrets.readers',
    sql: `SELECT coalesce(user_identity.email, '(unknown)') AS actor,
  request_params['scope'] AS scope,
  count(*) AS reads,
  count(DISTINCT request_params['key']) AS keys,
  count_if(${FAILED_SQL}) AS denied,
  max(event_time) AS last_read
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1, 2
ORDER BY reads DESC, actor, scope`,
    row: readerRow,
    params: where.params,
    maxRows: READER_LIMIT,
  });
}

export function loadTokenActivity(ws: Workspace, query: AuditQuery, now: Date, store: AuditStore = {}): Promise<TokenActivityData> {
  return sharedAudit(ws, 'audit.tokens', query, async () => {
    const window = windowOf(query, now);
    const filters = filtersOf(query);
    const [actions, feed] = await Promise.all([
      runAudit(ws, tokenActionsStatement(window, filters)),
      runFeed(
        ws,
        FEEDS.tokens,
        window,
        filters,
        (r) => describeTokenEvent(r.action_name, r.event_time, r.request_params, r.status_code),
        store,
      ),
    ]);
    const created = actions.rows.find((r) => r.action === 'generateDbToken');
    return {
      window: windowToJson(window),
      actions: actions.rows.map(({ action, events, failed }) => ({ action, events, failed })),
      created: {
        total: created?.created ?? 0,
        noExpiry: created?.no_expiry ?? 0,
        longLived: created?.long_lived ?? 0,
        longLivedDays: LONG_LIVED_DAYS,
      },
      ...feed,
    };
  });
}

export function loadSecretActivity(ws: Workspace, query: AuditQuery, now: Date, store: AuditStore = {}): Promise<SecretActivityData> {
  return sharedAudit(ws, 'audit.secrets', query, async () => {
    const window = windowOf(query, now);
    const filters = filtersOf(query);
    const people = await loadPeople(ws);
    const [actions, readers, feed] = await Promise.all([
      runAudit(ws, secretActionsStatement(window, filters)),
      runAudit(ws, secretReadersStatement(window, filters)),
      runFeed(ws, FEEDS.secretChanges, window, filters, (r) => describeSecretChange(r.action_name, r.request_params), store, people),
    ]);
    return {
      window: windowToJson(window),
      actions: actions.rows,
      readers: readers.rows.map(({ last_read, ...r }) => ({ ...r, actorRef: people.actor(r.actor), lastRead: last_read.toISOString() })),
      ...feed,
    };
  });
}
