// Failed authentication: sign-in category events that failed (401/403 and the like), as top source IPs, top
// accounts and an hourly series. The series reaches back a baseline period before the window so spike
// detection can judge the window's first hours too.
import 'server-only';
import type { AuditFilters } from '@/lib/security/audit-filters';
import { HOUR_MS, type TimeWindow } from '@/lib/security/audit-range';
import { AUDIT_TABLE, auditWhere, FAILED_SQL, inCategory, type AuditStatement } from './audit-sql';

export const TOP_LIMIT = 10;
const FAILED_SIGNIN = [inCategory('signin'), FAILED_SQL];
// The account someone tried to sign in as: failed logins often have no resolved identity, only request_params.user.
const ACCOUNT_SQL = "coalesce(request_params['user'], user_identity.email, '(unknown)')";

export function topFailedIpsStatement(window: TimeWindow, filters: AuditFilters): AuditStatement {
  const where = auditWhere(window, filters, FAILED_SIGNIN);
  return {
    name: 'audit.failedAuth.topIps',
    sql: `SELECT source_ip_address AS ip,
  count(*) AS failures,
  count(DISTINCT ${ACCOUNT_SQL}) AS accounts,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY source_ip_address
ORDER BY failures DESC, ip
LIMIT ${TOP_LIMIT}`,
    params: where.params,
    maxRows: TOP_LIMIT,
  };
}

export function topFailedAccountsStatement(window: TimeWindow, filters: AuditFilters): AuditStatement {
  const where = auditWhere(window, filters, FAILED_SIGNIN);
  return {
    name: 'audit.failedAuth.topAccounts',
    sql: `SELECT ${ACCOUNT_SQL} AS account,
  count(*) AS failures,
  count(DISTINCT source_ip_address) AS ips,
  max(event_time) AS last_seen
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1
ORDER BY failures DESC, account
LIMIT ${TOP_LIMIT}`,
    params: where.params,
    maxRows: TOP_LIMIT,
  };
}

/** The window extended backwards by `baselineHours`, as the hourly series query reads it. */
export function withBaseline(window: TimeWindow, baselineHours: number): TimeWindow {
  return { ...window, from: new Date(window.from.getTime() - baselineHours * HOUR_MS), bucket: 'hour' };
}

// 366 days + a week of hours, the longest series the window limits allow.
const HOURLY_MAX_ROWS = 9_000;

export function failedHourlyStatement(extendedWindow: TimeWindow, filters: AuditFilters): AuditStatement {
  const where = auditWhere(extendedWindow, filters, FAILED_SIGNIN);
  return {
    name: 'audit.failedAuth.hourly',
    sql: `SELECT date_trunc('HOUR', event_time) AS bucket, count(*) AS events
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1
ORDER BY 1
LIMIT ${HOURLY_MAX_ROWS}`,
    params: where.params,
    maxRows: HOURLY_MAX_ROWS,
  };
}
