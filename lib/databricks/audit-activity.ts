// Aggregates behind the token and secret panels: counts per action (with failures), token lifetimes at creation,
// and who reads which scope. All computed in the warehouse.
import 'server-only';
import type { AuditFilters } from '@/lib/security/audit-filters';
import type { TimeWindow } from '@/lib/security/audit-range';
import { AUDIT_TABLE, auditWhere, EVENT_MICROS_SQL, FAILED_SQL, inCategory, type AuditStatement } from './audit-sql';

const ACTION_LIMIT = 50;
export const READER_LIMIT = 20;
/** Tokens created for longer than this are called out (the practice is 90 days at most). */
export const LONG_LIVED_DAYS = 90;

// tokenExpirationTime is epoch milliseconds as a string; absent, 0 or negative means the token never expires.
const EXPIRES_MS = "try_cast(request_params['tokenExpirationTime'] AS BIGINT)";

export function tokenActionsStatement(window: TimeWindow, filters: AuditFilters): AuditStatement {
  const where = auditWhere(window, filters, [inCategory('tokens')]);
  return {
    name: 'audit.tokens.actions',
    sql: `SELECT action_name AS action,
  count(*) AS events,
  count_if(${FAILED_SQL}) AS failed,
  count_if(action_name = 'generateDbToken' AND coalesce(${EXPIRES_MS}, 0) <= 0) AS no_expiry,
  count_if(action_name = 'generateDbToken' AND ${EXPIRES_MS} * 1000 - ${EVENT_MICROS_SQL} > :long_lived_us) AS long_lived
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY action_name
ORDER BY events DESC, action
LIMIT ${ACTION_LIMIT}`,
    params: { ...where.params, long_lived_us: LONG_LIVED_DAYS * 86_400_000_000 },
    maxRows: ACTION_LIMIT,
  };
}

export function secretActionsStatement(window: TimeWindow, filters: AuditFilters): AuditStatement {
  const where = auditWhere(window, filters, [inCategory('secrets')]);
  return {
    name: 'audit.secrets.actions',
    sql: `SELECT action_name AS action, count(*) AS events, count_if(${FAILED_SQL}) AS failed
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY action_name
ORDER BY events DESC, action
LIMIT ${ACTION_LIMIT}`,
    params: where.params,
    maxRows: ACTION_LIMIT,
  };
}

export function secretReadersStatement(window: TimeWindow, filters: AuditFilters): AuditStatement {
  const where = auditWhere(window, filters, [inCategory('secrets'), "action_name = 'getSecret'"]);
  return {
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
ORDER BY reads DESC, actor, scope
LIMIT ${READER_LIMIT}`,
    params: where.params,
    maxRows: READER_LIMIT,
  };
}
