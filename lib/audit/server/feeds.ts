// The newest matching events of one kind (permission changes, token lifecycle, secret changes, configuration
// edits). Every feed reads the same columns, so one statement builder and one row mapper serve them all; what an
// event means (who changed what on which object) is derived in lib/security/audit-describe.ts.
import 'server-only';
import type { FeedData, FeedEvent } from '@/lib/audit/contract';
import type { AuditCategory } from '@/lib/audit/rules/categories';
import { encodeEventKey } from '@/lib/audit/rules/cursor';
import { describeConfigChange, describePermissionChange, type EventSummary } from '@/lib/audit/rules/describe';
import { FEED_LIMIT } from '@/lib/audit/rules/limits';
import { filtersOf, windowOf, type AuditFilters, type AuditQuery } from '@/lib/audit/contract';
import { windowToJson, type TimeWindow } from '@/lib/audit/rules/range';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { auditStatement, auditWhere, categoryPredicate, runAudit, sharedAudit, sqlName } from './sql';
import { eventRow, newestEventsSql, type EventRow } from './events';

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

export function feedStatement(spec: FeedSpec, window: TimeWindow, filters: AuditFilters, limit = FEED_LIMIT) {
  const extra = [categoryPredicate(spec.category)];
  if (spec.actions) extra.push(`action_name IN (${spec.actions.map(sqlName).join(', ')})`);
  const where = auditWhere(window, filters, extra);
  return auditStatement({
    name: spec.name,
    sql: newestEventsSql(where, limit + 1),
    row: eventRow,
    params: where.params,
    maxRows: limit,
  });
}

export function toFeedEvent(row: EventRow, summary: EventSummary & Partial<Pick<FeedEvent, 'adminChange' | 'lifetimeDays'>>): FeedEvent {
  return {
    key: encodeEventKey({ micros: row.event_us, eventId: row.event_id }),
    time: row.event_time.toISOString(),
    actor: row.actor,
    service: row.service_name,
    action: row.action_name,
    status: row.status_code,
    sourceIp: row.source_ip_address,
    ...summary,
  };
}

export async function runFeed(
  ws: Workspace,
  spec: FeedSpec,
  window: TimeWindow,
  filters: AuditFilters,
  describe: (row: EventRow) => Parameters<typeof toFeedEvent>[1],
) {
  const { rows, truncated } = await runAudit(ws, feedStatement(spec, window, filters));
  return { events: rows.map((r) => toFeedEvent(r, describe(r))), truncated };
}

export function loadPermissionChanges(ws: Workspace, query: AuditQuery, now: Date): Promise<FeedData> {
  return sharedAudit(ws, FEEDS.permissions.name, query, async () => {
    const window = windowOf(query, now);
    const feed = await runFeed(ws, FEEDS.permissions, window, filtersOf(query), (r) =>
      describePermissionChange(r.service_name, r.action_name, r.request_params),
    );
    return { window: windowToJson(window), ...feed };
  });
}

export function loadConfigChanges(ws: Workspace, query: AuditQuery, now: Date): Promise<FeedData> {
  return sharedAudit(ws, FEEDS.config.name, query, async () => {
    const window = windowOf(query, now);
    const feed = await runFeed(ws, FEEDS.config, window, filtersOf(query), (r) => describeConfigChange(r.action_name, r.request_params));
    return { window: windowToJson(window), ...feed };
  });
}
