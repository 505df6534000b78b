// The event explorer: matching raw events newest first, paged by keyset on (event_time, event_id) — never
// OFFSET, which would make the warehouse scan and discard every earlier page over millions of rows — plus the
// detail of one event and the capped CSV export of the current filter, which walks the same keyset in pages.
import 'server-only';
import type { EventDetail, ExplorerPage } from '@/lib/audit/contract';
import { z } from 'zod';
import { AUDIT_CATEGORY_IDS } from '@/lib/audit/rules/categories';
import { encodeEventKey, microsToDate, type EventKey } from '@/lib/audit/rules/cursor';
import { filtersOf, windowOf, type AuditFilters, type AuditQuery } from '@/lib/audit/contract';
import { EXPORT_CAP, PAGE_SIZE } from '@/lib/audit/rules/limits';
import { utcDate, windowToJson, type TimeWindow } from '@/lib/audit/rules/range';
import type { Workspace } from '@/lib/databricks/get-workspace';
import {
  AUDIT_TABLE,
  auditStatement,
  auditWhere,
  CATEGORY_COLUMN,
  EVENT_MICROS_SQL,
  paramsField,
  runAudit,
  sharedAudit,
  textField,
  timeField,
} from './sql';
import { eventRow, newestEventsSql, type EventRow } from './events';
import { annotate } from './feeds';
import type { AuditStore } from './people';

const EXPORT_PAGE = 5_000;

// Strictly after the cursor in (event_time DESC, event_id DESC) order. The extra event_date bound lets deep
// pages skip the partitions already shown.
const AFTER_CURSOR = `event_date <= CAST(:cursor_date AS DATE)
  AND (event_time < timestamp_micros(:cursor_us)
       OR (event_time = timestamp_micros(:cursor_us) AND event_id < :cursor_id))`;

export function explorerPageStatement(
  window: TimeWindow,
  filters: AuditFilters,
  cursor: EventKey | null,
  pageSize = PAGE_SIZE,
  name = 'audit.explorer.page',
) {
  const where = auditWhere(window, filters, cursor ? [AFTER_CURSOR] : []);
  const params = cursor
    ? { ...where.params, cursor_date: utcDate(microsToDate(cursor.micros)), cursor_us: cursor.micros, cursor_id: cursor.eventId }
    : where.params;
  return auditStatement({
    name,
    sql: newestEventsSql(where, pageSize + 1),
    row: eventRow,
    params,
    maxRows: pageSize,
  });
}

const keyOf = (r: Pick<EventRow, 'event_us' | 'event_id'>) => encodeEventKey({ micros: r.event_us, eventId: r.event_id });

export function loadExplorerPage(
  ws: Workspace,
  query: AuditQuery,
  cursor: EventKey | null,
  now: Date,
  store: AuditStore = {},
): Promise<ExplorerPage> {
  const cursorKey = cursor ? encodeEventKey(cursor) : '';
  return sharedAudit(
    ws,
    'audit.explorer',
    query,
    async () => {
      const window = windowOf(query, now);
      const { rows, truncated } = await runAudit(ws, explorerPageStatement(window, filtersOf(query), cursor));
      const last = rows.at(-1);
      const notes = await annotate(ws, rows, store);
      return {
        window: windowToJson(window),
        ...(notes.directoryNotice ? { directoryNotice: notes.directoryNotice } : {}),
        events: rows.map((r, i) => ({
          key: keyOf(r),
          time: r.event_time.toISOString(),
          service: r.service_name,
          action: r.action_name,
          category: r.category,
          actor: r.actor,
          sourceIp: r.source_ip_address,
          status: r.status_code,
          ...notes.at(i),
        })),
        nextCursor: truncated && last ? keyOf(last) : null,
      };
    },
    cursorKey,
  );
}

const detailRow = z.object({
  event_us: z.coerce.number().int(),
  event_time: timeField,
  event_id: z.string(),
  account_id: textField,
  workspace_id: z.coerce.string().nullable(),
  version: textField,
  audit_level: textField,
  service_name: z.string(),
  action_name: z.string(),
  category: z.enum(AUDIT_CATEGORY_IDS),
  user_identity: z.object({ email: textField, subject_name: textField.optional() }).nullable(),
  identity_metadata: z
    .object({ run_by: textField.optional(), run_as: textField.optional(), acting_resource: textField.optional() })
    .nullable(),
  source_ip_address: textField,
  user_agent: textField,
  session_id: textField,
  request_id: textField,
  request_params: paramsField,
  response: z.object({ status_code: z.coerce.number().int().nullable(), error_message: textField, result: textField }).nullable(),
});

export function eventDetailStatement(key: EventKey) {
  return auditStatement({
    name: 'audit.explorer.detail',
    sql: `SELECT ${EVENT_MICROS_SQL} AS event_us,
  event_time, event_id, account_id, workspace_id, version, audit_level,
  service_name, action_name, ${CATEGORY_COLUMN},
  user_identity, identity_metadata, source_ip_address, user_agent, session_id, request_id,
  request_params, response
FROM ${AUDIT_TABLE}
WHERE event_date = CAST(:event_date AS DATE)
  AND event_id = :event_id`,
    row: detailRow,
    params: { event_date: utcDate(microsToDate(key.micros)), event_id: key.eventId },
    maxRows: 1,
  });
}

export const EVENT_NOT_FOUND = 'This audit event does not exist, or this identity cannot see it.';

/** null when no such event exists (or the identity may not see it). */
export async function loadEventDetail(ws: Workspace, key: EventKey, store: AuditStore = {}): Promise<EventDetail | null> {
  return ws.coalesce(`audit.event#${encodeEventKey(key)}`, async () => {
    const { rows } = await runAudit(ws, eventDetailStatement(key));
    const row = rows[0];
    if (!row) return null;
    const { event_us, event_time, ...rest } = row;
    const actor = row.user_identity?.email ?? row.request_params.user ?? null;
    const notes = await annotate(
      ws,
      [{ ...row, actor, status_code: row.response?.status_code ?? null, error_message: null, source_ip_address: row.source_ip_address }],
      store,
    );
    return {
      ...rest,
      ...notes.at(0),
      key: encodeEventKey({ micros: event_us, eventId: row.event_id }),
      event_time: event_time.toISOString(),
    };
  });
}

export const EXPORT_COLUMNS = [
  'event_time',
  'category',
  'service_name',
  'action_name',
  'actor',
  'source_ip_address',
  'status_code',
  'error_message',
  'request_id',
  'event_id',
  'request_params',
] as const;

/**
 * The export as rows, newest first, fetched page by page along the keyset so memory stays bounded to one page.
 * Ends with `{ capped: true }` when more than `cap` events matched.
 */
export async function* exportRows(
  ws: Workspace,
  query: AuditQuery,
  now: Date,
  cap = EXPORT_CAP,
): AsyncGenerator<Array<string | number | null> | { capped: true }> {
  const window = windowOf(query, now);
  const filters = filtersOf(query);
  let cursor: EventKey | null = null;
  let sent = 0;
  for (;;) {
    const pageSize = Math.min(EXPORT_PAGE, cap - sent);
    const page: ReturnType<typeof explorerPageStatement> = explorerPageStatement(
      window,
      filters,
      cursor,
      pageSize,
      'audit.explorer.export',
    );
    const { rows, truncated } = await runAudit(ws, page);
    for (const r of rows) {
      yield [
        r.event_time.toISOString(),
        r.category,
        r.service_name,
        r.action_name,
        r.actor,
        r.source_ip_address,
        r.status_code,
        r.error_message,
        r.request_id,
        r.event_id,
        JSON.stringify(r.request_params),
      ];
    }
    sent += rows.length;
    const last = rows.at(-1);
    if (!truncated || !last) return;
    if (sent >= cap) {
      yield { capped: true };
      return;
    }
    cursor = { micros: last.event_us, eventId: last.event_id };
  }
}
