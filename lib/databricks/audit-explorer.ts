// The event explorer: matching raw events newest first, paged by keyset on (event_time, event_id) — never
// OFFSET, which would make the warehouse scan and discard every earlier page over millions of rows — plus the
// detail of one event and the capped CSV export of the current filter.
import 'server-only';
import { microsToDate, type EventKey } from '@/lib/security/audit-cursor';
import type { AuditFilters } from '@/lib/security/audit-filters';
import { utcDate, type TimeWindow } from '@/lib/security/audit-range';
import { AUDIT_TABLE, auditWhere, CATEGORY_COLUMN, EVENT_MICROS_SQL, type AuditStatement } from './audit-sql';

export const PAGE_SIZE = 100;
/** Stated in the UI and in the file name: an export never silently stops short. */
export const EXPORT_CAP = 50_000;

const LIST_COLUMNS = `${EVENT_MICROS_SQL} AS event_us,
  event_time,
  event_id,
  service_name,
  action_name,
  user_identity.email AS actor,
  source_ip_address,
  response.status_code AS status_code,
  ${CATEGORY_COLUMN}`;

// Strictly after the cursor in (event_time DESC, event_id DESC) order. The extra event_date bound lets deep
// pages skip the partitions already shown.
const AFTER_CURSOR = `event_date <= CAST(:cursor_date AS DATE)
  AND (event_time < timestamp_micros(:cursor_us)
       OR (event_time = timestamp_micros(:cursor_us) AND event_id < :cursor_id))`;

/** Fetches one row more than a page, so the caller knows whether another page exists without counting. */
export function explorerPageStatement(window: TimeWindow, filters: AuditFilters, cursor: EventKey | null, pageSize = PAGE_SIZE): AuditStatement {
  const where = auditWhere(window, filters, cursor ? [AFTER_CURSOR] : []);
  const params = cursor
    ? { ...where.params, cursor_date: utcDate(microsToDate(cursor.micros)), cursor_us: cursor.micros, cursor_id: cursor.eventId }
    : where.params;
  return {
    name: 'audit.explorer.page',
    sql: `SELECT ${LIST_COLUMNS}
FROM ${AUDIT_TABLE}
${where.sql}
ORDER BY event_time DESC, event_id DESC
LIMIT ${pageSize + 1}`,
    params,
    maxRows: pageSize + 1,
  };
}

export function eventDetailStatement(key: EventKey): AuditStatement {
  return {
    name: 'audit.explorer.detail',
    sql: `SELECT ${EVENT_MICROS_SQL} AS event_us,
  event_time, event_date, event_id, account_id, workspace_id, version, audit_level,
  service_name, action_name, ${CATEGORY_COLUMN},
  user_identity, identity_metadata, source_ip_address, user_agent, session_id, request_id,
  request_params, response
FROM ${AUDIT_TABLE}
WHERE event_date = CAST(:event_date AS DATE)
  AND event_id = :event_id
LIMIT 1`,
    params: { event_date: utcDate(microsToDate(key.micros)), event_id: key.eventId },
    maxRows: 1,
  };
}

/** One row past the cap is fetched, so the export can say it was cut rather than pretend to be complete. */
export function exportStatement(window: TimeWindow, filters: AuditFilters, cap = EXPORT_CAP): AuditStatement {
  const where = auditWhere(window, filters);
  return {
    name: 'audit.explorer.export',
    sql: `SELECT event_time,
  ${CATEGORY_COLUMN},
  service_name, action_name,
  user_identity.email AS actor,
  source_ip_address,
  response.status_code AS status_code,
  response.error_message AS error_message,
  request_id, event_id,
  to_json(request_params) AS request_params
FROM ${AUDIT_TABLE}
${where.sql}
ORDER BY event_time DESC, event_id DESC
LIMIT ${cap + 1}`,
    params: where.params,
    maxRows: cap + 1,
  };
}
