// Failed authentication: sign-in category events that failed (401/403 and the like), as top source IPs, top
// accounts and an hourly series with spike markers. The series reaches back a baseline period before the window
// so spike detection can judge the window's first hours too.
import 'server-only';
import type { FailedAuthData } from '@/lib/audit/contract';
import { z } from 'zod';
import { filtersOf, windowOf, type AuditFilters, type AuditQuery } from '@/lib/audit/contract';
import { HOUR_MS, windowToJson, type TimeWindow } from '@/lib/audit/rules/range';
import { axisOf, denseCounts } from '@/lib/audit/rules/series';
import { DEFAULT_SPIKE_OPTIONS, detectSpikes } from '@/lib/audit/rules/spikes';
import type { Workspace } from '@/lib/databricks/get-workspace';
import {
  AUDIT_TABLE,
  auditStatement,
  auditWhere,
  countField,
  FAILED_SQL,
  categoryPredicate,
  runAudit,
  sharedAudit,
  textField,
  timeField,
} from './sql';

export const TOP_LIMIT = 10;
const FAILED_SIGNIN = [categoryPredicate('signin'), FAILED_SQL];
// The account someone tried to sign in as: failed logins often have no resolved identity, only request_params.user.
const ACCOUNT_SQL = "coalesce(nullif(request_params['user'], ''), user_identity.email, '(unknown)')";
// An IPv4 address may carry ':port' (§12.1); one attacker on many source ports is still one address.
export const ADDRESS_SQL = "CASE WHEN source_ip_address LIKE '%.%:%' THEN split_part(source_ip_address, ':', 1) ELSE source_ip_address END";
// 366 days + a week of hours: the longest series the window limits allow.
const HOURLY_MAX_ROWS = 9_000;

const ipRow = z.object({ ip: textField, failures: countField, accounts: countField, first_seen: timeField, last_seen: timeField });
const accountRow = z.object({ account: z.string(), failures: countField, ips: countField, last_seen: timeField });
const hourRow = z.object({ bucket: timeField, events: countField });

export function topFailedIpsStatement(window: TimeWindow, filters: AuditFilters) {
  const where = auditWhere(window, filters, FAILED_SIGNIN);
  return auditStatement({
    name: 'audit.failedAuth.topIps',
    sql: `SELECT ${ADDRESS_SQL} AS ip,
  count(*) AS failures,
  count(DISTINCT ${ACCOUNT_SQL}) AS accounts,
  min(event_time) AS first_seen,
  max(event_time) AS last_seen
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1
ORDER BY failures DESC, ip`,
    row: ipRow,
    params: where.params,
    maxRows: TOP_LIMIT,
  });
}

export function topFailedAccountsStatement(window: TimeWindow, filters: AuditFilters) {
  const where = auditWhere(window, filters, FAILED_SIGNIN);
  return auditStatement({
    name: 'audit.failedAuth.topAccounts',
    sql: `SELECT ${ACCOUNT_SQL} AS account,
  count(*) AS failures,
  count(DISTINCT ${ADDRESS_SQL}) AS ips,
  max(event_time) AS last_seen
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1
ORDER BY failures DESC, account`,
    row: accountRow,
    params: where.params,
    maxRows: TOP_LIMIT,
  });
}

/** The window extended backwards by `baselineHours`, hourly, as the series query reads it. */
export function withBaseline(window: TimeWindow, baselineHours: number): TimeWindow {
  return { ...window, from: new Date(window.from.getTime() - baselineHours * HOUR_MS), bucket: 'hour' };
}

export function failedHourlyStatement(extendedWindow: TimeWindow, filters: AuditFilters) {
  const where = auditWhere(extendedWindow, filters, FAILED_SIGNIN);
  return auditStatement({
    name: 'audit.failedAuth.hourly',
    sql: `SELECT date_trunc('HOUR', event_time) AS bucket, count(*) AS events
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1
ORDER BY 1`,
    row: hourRow,
    params: where.params,
    maxRows: HOURLY_MAX_ROWS,
  });
}

export function loadFailedAuth(ws: Workspace, query: AuditQuery, now: Date): Promise<FailedAuthData> {
  return sharedAudit(ws, 'audit.failedAuth', query, async () => {
    const window = windowOf(query, now);
    const filters = filtersOf(query);
    const baselineHours = DEFAULT_SPIKE_OPTIONS.baselineHours;
    const extended = withBaseline(window, baselineHours);
    const [ips, accounts, hours] = await Promise.all([
      runAudit(ws, topFailedIpsStatement(window, filters)),
      runAudit(ws, topFailedAccountsStatement(window, filters)),
      runAudit(ws, failedHourlyStatement(extended, filters)),
    ]);
    const extendedAxis = axisOf(extended);
    const all = denseCounts(
      extendedAxis,
      hours.rows.map((r) => ({ bucket: r.bucket, count: r.events })),
    );
    const axis = axisOf({ ...window, bucket: 'hour' });
    // Index in the extended series where the window's own hours begin.
    const offset = (axis.start - extendedAxis.start) / HOUR_MS;
    const counts = all.slice(offset);
    return {
      window: windowToJson(window),
      total: counts.reduce((a, b) => a + b, 0),
      topIps: ips.rows.map((r) => ({
        ip: r.ip || '(none recorded)',
        failures: r.failures,
        accounts: r.accounts,
        firstSeen: r.first_seen.toISOString(),
        lastSeen: r.last_seen.toISOString(),
      })),
      topAccounts: accounts.rows.map((r) => ({
        account: r.account,
        failures: r.failures,
        ips: r.ips,
        lastSeen: r.last_seen.toISOString(),
      })),
      hourly: { axis, counts },
      spikes: detectSpikes(all, {}, offset).map(({ index, ...m }) => ({
        ...m,
        at: new Date(extendedAxis.start + index * HOUR_MS).toISOString(),
      })),
    };
  });
}
