// Pages of events — the explorer, its export and every feed panel — all read the same columns into one row shape,
// cut from the table newest first by a top-N over raw columns, with computed values (category, actor) evaluated
// only on the rows kept.
import 'server-only';
import { z } from 'zod';
import { AUDIT_CATEGORY_IDS } from '@/lib/audit/rules/categories';
import { ACTOR_SQL, AUDIT_TABLE, CATEGORY_COLUMN, EVENT_MICROS_SQL, paramsField, textField, timeField, type WhereClause } from './sql';

export const EVENT_COLUMNS = `${EVENT_MICROS_SQL} AS event_us,
  event_time,
  event_id,
  service_name,
  action_name,
  ${CATEGORY_COLUMN},
  ${ACTOR_SQL} AS actor,
  source_ip_address,
  response.status_code AS status_code,
  response.error_message AS error_message,
  request_id,
  request_params`;

export const eventRow = z.object({
  event_us: z.coerce.number().int(),
  event_time: timeField,
  event_id: z.string(),
  service_name: z.string(),
  action_name: z.string(),
  category: z.enum(AUDIT_CATEGORY_IDS),
  actor: textField,
  source_ip_address: textField,
  status_code: z.coerce.number().int().nullable(),
  error_message: textField,
  request_id: textField,
  request_params: paramsField,
});
export type EventRow = z.infer<typeof eventRow>;

// The columns a page of events is cut from: plain references, so the top-N sort carries no computed values.
const RAW_EVENT_COLUMNS =
  'event_time, event_id, service_name, action_name, user_identity, source_ip_address, response, request_id, request_params';

/**
 * The newest `limit` events matching `where`, newest first, with EVENT_COLUMNS computed on those rows only. A flat
 * SELECT would evaluate every select-list expression (the category CASE, map lookups) on every matching row
 * before the sort keeps a hundred of them; over 90 days of a busy workspace that is millions of evaluations.
 */
export function newestEventsSql(where: WhereClause, limit: number): string {
  return `SELECT ${EVENT_COLUMNS}
FROM (
  SELECT ${RAW_EVENT_COLUMNS}
  FROM ${AUDIT_TABLE}
  ${where.sql.replaceAll('\n', '\n  ')}
  ORDER BY event_time DESC, event_id DESC
  LIMIT ${limit}
) AS newest
ORDER BY event_time DESC, event_id DESC`;
}
