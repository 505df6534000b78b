// Event counts per bucket × category for the timeline chart. Aggregated in the warehouse: at most
// buckets × 7 rows come back, whatever the number of events; zero-filling happens here, not in the browser.
import 'server-only';
import type { TimelineData } from '@/lib/audit/contract';
import { z } from 'zod';
import { AUDIT_CATEGORY_IDS } from '@/lib/audit/rules/categories';
import { filtersOf, windowOf, type AuditFilters, type AuditQuery } from '@/lib/audit/contract';
import { windowToJson, type TimeWindow } from '@/lib/audit/rules/range';
import { stackByCategory } from '@/lib/audit/rules/series';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { AUDIT_TABLE, auditStatement, auditWhere, CATEGORY_COLUMN, countField, runAudit, sharedAudit, timeField } from './sql';

// 31 days of hourly buckets (the hourly maximum) × 7 categories = 5,208 rows; 367 daily buckets × 7 fewer.
const TIMELINE_MAX_ROWS = 6_000;

const timelineRow = z.object({ bucket: timeField, category: z.enum(AUDIT_CATEGORY_IDS), events: countField, latest: timeField });

export function timelineStatement(window: TimeWindow, filters: AuditFilters) {
  const where = auditWhere(window, filters);
  // Daily buckets group by event_date itself: it is the UTC day and avoids truncating every timestamp.
  const bucket = window.bucket === 'hour' ? "date_trunc('HOUR', event_time)" : 'event_date';
  // Counted per (bucket, service, action) first — cheap grouping keys — and categorised after, so the CASE runs
  // on a few thousand pairs instead of on every event.
  return auditStatement({
    name: 'audit.timeline',
    sql: `SELECT bucket,
  ${CATEGORY_COLUMN},
  CAST(sum(events) AS BIGINT) AS events,
  max(latest) AS latest
FROM (
  SELECT ${bucket} AS bucket, service_name, action_name, count(*) AS events, max(event_time) AS latest
  FROM ${AUDIT_TABLE}
  ${where.sql.replaceAll('\n', '\n  ')}
  GROUP BY 1, 2, 3
) AS pairs
GROUP BY 1, 2
ORDER BY 1, 2`,
    row: timelineRow,
    params: where.params,
    maxRows: TIMELINE_MAX_ROWS,
  });
}

// Shared between identical requests, so no single caller's abort signal may cancel it.
export function loadTimeline(ws: Workspace, query: AuditQuery, now: Date): Promise<TimelineData> {
  return sharedAudit(ws, 'audit.timeline', query, async () => {
    const window = windowOf(query, now);
    const { rows } = await runAudit(ws, timelineStatement(window, filtersOf(query)));
    const latest = rows.reduce<Date | null>((max, r) => (max && max > r.latest ? max : r.latest), null);
    return {
      window: windowToJson(window),
      ...stackByCategory(
        window,
        rows.map((r) => ({ bucket: r.bucket, category: r.category, count: r.events })),
      ),
      latestEvent: latest?.toISOString() ?? null,
    };
  });
}
