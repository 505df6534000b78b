// Event counts per bucket × category for the timeline chart. Aggregated in the warehouse: at most
// buckets × 7 rows come back, whatever the number of events.
import 'server-only';
import type { AuditFilters } from '@/lib/security/audit-filters';
import type { TimeWindow } from '@/lib/security/audit-range';
import { AUDIT_TABLE, auditWhere, CATEGORY_COLUMN, type AuditStatement } from './audit-sql';

// 31 days of hourly buckets (the hourly maximum) × 7 categories = 5,208 rows; 367 daily buckets × 7 fewer.
const TIMELINE_MAX_ROWS = 6_000;

export function timelineStatement(window: TimeWindow, filters: AuditFilters): AuditStatement {
  const where = auditWhere(window, filters);
  // Daily buckets group by event_date itself: it is the UTC day and avoids truncating every timestamp.
  const bucket = window.bucket === 'hour' ? "date_trunc('HOUR', event_time)" : 'event_date';
  return {
    name: 'audit.timeline',
    sql: `SELECT ${bucket} AS bucket,
  ${CATEGORY_COLUMN},
  count(*) AS events,
  max(event_time) AS latest
FROM ${AUDIT_TABLE}
${where.sql}
GROUP BY 1, 2
ORDER BY 1, 2
LIMIT ${TIMELINE_MAX_ROWS}`,
    params: where.params,
    maxRows: TIMELINE_MAX_ROWS,
  };
}
