// The newest matching events of one kind (permission changes, token lifecycle, secret changes, configuration
// edits). Each feed reads the same columns, so one statement builder and one row mapper serve them all; the
// per-feed meaning (who changed what on which object) is derived in lib/security/audit-describe.ts.
import 'server-only';
import type { AuditCategory } from '@/lib/security/audit-categories';
import type { AuditFilters } from '@/lib/security/audit-filters';
import type { TimeWindow } from '@/lib/security/audit-range';
import { AUDIT_TABLE, auditWhere, EVENT_MICROS_SQL, inCategory, sqlName, type AuditStatement } from './audit-sql';

export const FEED_LIMIT = 100;

export const FEED_COLUMNS = `${EVENT_MICROS_SQL} AS event_us,
  event_time,
  event_id,
  service_name,
  action_name,
  user_identity.email AS actor,
  source_ip_address,
  response.status_code AS status_code,
  response.error_message AS error_message,
  request_params`;

export interface FeedSpec {
  name: string;
  category: AuditCategory;
  /** Narrow the category to these actions (constants). */
  actions?: readonly string[];
}

export const FEEDS = {
  permissions: { name: 'audit.feed.permissions', category: 'permissions' },
  tokens: { name: 'audit.feed.tokens', category: 'tokens' },
  // Reads are summarised separately (they dwarf everything else); this feed is what changed.
  secretChanges: {
    name: 'audit.feed.secretChanges',
    category: 'secrets',
    actions: ['createScope', 'deleteScope', 'putSecret', 'deleteSecret', 'putAcl', 'deleteAcl'],
  },
  config: { name: 'audit.feed.config', category: 'config' },
} as const satisfies Record<string, FeedSpec>;

export function feedStatement(spec: FeedSpec, window: TimeWindow, filters: AuditFilters, limit = FEED_LIMIT): AuditStatement {
  const extra = [inCategory(spec.category)];
  if (spec.actions) extra.push(`action_name IN (${spec.actions.map(sqlName).join(', ')})`);
  const where = auditWhere(window, filters, extra);
  return {
    name: spec.name,
    sql: `SELECT ${FEED_COLUMNS}
FROM ${AUDIT_TABLE}
${where.sql}
ORDER BY event_time DESC, event_id DESC
LIMIT ${limit}`,
    params: where.params,
    maxRows: limit,
  };
}
