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
import type { AuditedCall } from '@/lib/audit/rules/via';
import { loadPeople, viaBrickwatch, type AuditStore, type People } from './people';

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

export function toFeedEvent(
  row: EventRow,
  summary: EventSummary & Partial<Pick<FeedEvent, 'adminChange' | 'lifetimeDays'>>,
  annotation: Pick<FeedEvent, 'actorRef' | 'via'> = {},
): FeedEvent {
  return {
    key: encodeEventKey({ micros: row.event_us, eventId: row.event_id }),
    time: row.event_time.toISOString(),
    actor: row.actor,
    service: row.service_name,
    action: row.action_name,
    status: row.status_code,
    sourceIp: row.source_ip_address,
    ...summary,
    ...annotation,
  };
}

/** The calls as the via-matcher reads them. */
export const auditedCall = (r: EventRow): AuditedCall => ({
  time: r.event_time.toISOString(),
  actor: r.actor,
  service: r.service_name,
  action: r.action_name,
  params: r.request_params,
});

/** Names and "via Brickwatch" for a page of events (by index), and the directory notice when names are missing. */
export async function annotate(ws: Workspace, rows: readonly EventRow[], store: AuditStore = {}, people?: People) {
  const known = people ?? (await loadPeople(ws));
  const via = await viaBrickwatch(ws, rows.map(auditedCall), known, store);
  return {
    at: (i: number): Pick<FeedEvent, 'actorRef' | 'via'> => ({ actorRef: known.actor(rows[i]!.actor), via: via.get(i) }),
    directoryNotice: known.notice ?? undefined,
  };
}

export async function runFeed(
  ws: Workspace,
  spec: FeedSpec,
  window: TimeWindow,
  filters: AuditFilters,
  describe: (row: EventRow) => Parameters<typeof toFeedEvent>[1],
  store: AuditStore = {},
  people?: People,
) {
  const { rows, truncated } = await runAudit(ws, feedStatement(spec, window, filters));
  const notes = await annotate(ws, rows, store, people);
  return {
    events: rows.map((r, i) => toFeedEvent(r, describe(r), notes.at(i))),
    truncated,
    ...(notes.directoryNotice ? { directoryNotice: notes.directoryNotice } : {}),
  };
}

export function loadPermissionChanges(ws: Workspace, query: AuditQuery, now: Date, store: AuditStore = {}): Promise<FeedData> {
  return sharedAudit(ws, FEEDS.permissions.name, query, async () => {
    const window = windowOf(query, now);
    const feed = await runFeed(
      ws,
      FEEDS.permissions,
      window,
      filtersOf(query),
      (r) => describePermissionChange(r.service_name, r.action_name, r.request_params),
      store,
    );
    return { window: windowToJson(window), ...feed };
  });
}

export function loadConfigChanges(ws: Workspace, query: AuditQuery, now: Date, store: AuditStore = {}): Promise<FeedData> {
  return sharedAudit(ws, FEEDS.config.name, query, async () => {
    const window = windowOf(query, now);
    const feed = await runFeed(
      ws,
      FEEDS.config,
      window,
      filtersOf(query),
      (r) => describeConfigChange(r.action_name, r.request_params),
      store,
    );
    return { window: windowToJson(window), ...feed };
  });
}
