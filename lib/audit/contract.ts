// The one schema for audit view state, shared by the /audit page's search params and every /api/audit route, so
// a URL copied from the page and an API call with the same query mean exactly the same thing. Client-safe, and in
// zod/mini because it ships to the browser (lib/url-state.ts).
import * as z from 'zod/mini';
import { orElse, parseSearchParams } from '@/lib/url-state';
import { AUDIT_CATEGORY_IDS } from '@/lib/audit/rules/categories';
import { decodeEventKey, type EventKey } from '@/lib/audit/rules/cursor';
import { AuditInputError, RANGE_PRESETS, resolveWindow, type TimeWindow } from '@/lib/audit/rules/range';

// URL forms send empty strings for cleared fields (absent), and a repeated key arrives as an array (last wins).
const normalise = (v: unknown): unknown => {
  const one = Array.isArray(v) ? v.at(-1) : v;
  return typeof one === 'string' && one.trim() === '' ? undefined : one;
};
const optional = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(normalise), z.optional(schema));

const identifier = (field: string, example: string) =>
  z.string().check(z.trim(), z.regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, `${field} must be a single name such as ${example}`));

const isoDateTime = (field: string) =>
  z.pipe(
    z.iso.datetime({ offset: true, error: `${field} must be an ISO date-time such as 2026-01-31T14:00:00Z` }),
    z.transform((s: string) => new Date(s)),
  );

export const eventKeySchema = z.pipe(
  z.string(),
  z.transform((token: string, ctx): EventKey => {
    try {
      return decodeEventKey(token);
    } catch (e) {
      ctx.issues.push({ code: 'custom', message: e instanceof Error ? e.message : 'not a valid reference', input: token });
      return z.NEVER;
    }
  }),
);

export const auditQueryShape = {
  range: optional(z.enum(RANGE_PRESETS, { error: `range must be one of ${RANGE_PRESETS.join(', ')}` })),
  from: optional(isoDateTime('from')),
  to: optional(isoDateTime('to')),
  bucket: optional(z.enum(['hour', 'day'], { error: 'bucket must be hour or day' })),
  service: optional(identifier('service', 'accounts')),
  action: optional(identifier('action', 'tokenLogin')),
  // Matched case-insensitively as a substring of the actor (always a bound parameter).
  actor: optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(254, 'actor can be at most 254 characters'),
        z.regex(/^[^\u0000-\u001f]+$/, 'actor must not contain control characters'),
      ),
  ),
  // Address only; the column may carry ':port', which the query allows for.
  ip: optional(
    z.string().check(z.trim(), z.regex(/^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]{2,39})$/, 'ip must be an IP address such as 203.0.113.7')),
  ),
  outcome: optional(z.enum(['success', 'failure'], { error: 'outcome must be success or failure' })),
  category: optional(z.enum(AUDIT_CATEGORY_IDS, { error: `category must be one of ${AUDIT_CATEGORY_IDS.join(', ')}` })),
};

type QueryShape = z.output<z.ZodMiniObject<typeof auditQueryShape>>;

// Checked in the schema, so a route answers 400 naming the parameter and a page falls back to its defaults.
const checkWindow = z.superRefine((q: QueryShape, ctx) => {
  // zod still runs this when a field failed; the field's own message is the useful one then.
  if (ctx.issues.length > 0) return;
  if (q.range && (q.from || q.to)) {
    ctx.addIssue({ code: 'custom', path: ['range'], message: 'Give either range or from/to, not both.', input: q });
    return;
  }
  try {
    resolveWindow(q, new Date());
  } catch (e) {
    if (!(e instanceof AuditInputError)) throw e;
    ctx.addIssue({ code: 'custom', path: [q.from || q.to ? 'from' : 'bucket'], message: e.message, input: q });
  }
});

export const auditQuerySchema = z.object(auditQueryShape).check(checkWindow);
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** The explorer's query: the view plus the keyset position to continue after. */
export const auditEventsQuerySchema = z.object({ ...auditQueryShape, cursor: optional(eventKeySchema) }).check(checkWindow);

// For the page, a bad value is dropped (a stale link still renders); the API answers 400 instead.
type Shape = typeof auditQueryShape;
const lenient = Object.fromEntries(Object.entries(auditQueryShape).map(([k, v]) => [k, orElse(v, undefined)])) as unknown as {
  [K in keyof Shape]: z.ZodMiniCatch<Shape[K]>;
};

/** The /audit page's URL: the view plus the event open in the detail drawer. */
export const auditPageSchema = z
  .object({ ...lenient, event: orElse(optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,256}$/))), undefined) })
  .check(checkWindow);
export type AuditPageState = z.output<typeof auditPageSchema>;

export const FILTER_KEYS = ['service', 'action', 'actor', 'ip', 'outcome', 'category'] as const;

export type UrlIssueKey = (typeof FILTER_KEYS)[number] | 'range' | 'from' | 'to' | 'bucket';
/** A value the page's URL held but could not use, and why: the page shows it beside its field instead of dropping it. */
export interface UrlIssue {
  value: string;
  message: string;
}

/**
 * What the lenient page parse dropped from a URL (a mistyped address, a range that ends before it starts): the page
 * would otherwise show its default view without a word. Keys are the fields the messages belong beside.
 */
export function auditUrlIssues(raw: URLSearchParams): Partial<Record<UrlIssueKey, UrlIssue>> {
  const issues: Partial<Record<UrlIssueKey, UrlIssue>> = {};
  const value = (key: string) => raw.getAll(key).at(-1) ?? '';
  for (const key of [...FILTER_KEYS, 'range', 'from', 'to', 'bucket'] as const) {
    if (!raw.has(key)) continue;
    const parsed = z.safeParse(auditQueryShape[key], value(key));
    if (!parsed.success) issues[key] = { value: value(key), message: parsed.error.issues[0]?.message ?? 'not understood' };
  }
  if (Object.keys(issues).length) return issues;
  const whole = z.safeParse(auditQuerySchema, Object.fromEntries(raw.entries()));
  if (!whole.success) {
    const issue = whole.error.issues[0]!;
    const key = String(issue.path[0] ?? 'from') as UrlIssueKey;
    issues[key] = { value: value(key), message: issue.message };
  }
  return issues;
}
export type AuditFilters = Pick<AuditQuery, (typeof FILTER_KEYS)[number]>;

export function filtersOf({ service, action, actor, ip, outcome, category }: AuditFilters): AuditFilters {
  return { service, action, actor, ip, outcome, category };
}

/** Only the view: what the API routes and query keys take (drops page-only state such as the open event). */
export function viewOf({ range, from, to, bucket, ...rest }: AuditQuery & Record<string, unknown>): AuditQuery {
  return { range, from, to, bucket, ...filtersOf(rest) };
}

export function windowOf(q: AuditQuery, now: Date): TimeWindow {
  return resolveWindow(q, now);
}

/**
 * Canonical search params for a view: fixed key order, absent values dropped, dates as ISO. Used for URLs and as
 * the cache/coalescing key, so a preset stays "7d" (a window ending now) rather than two timestamps.
 */
export function auditQueryToSearchParams(q: Partial<AuditQuery>): URLSearchParams {
  const out = new URLSearchParams();
  const put = (key: string, value: string | Date | undefined) => {
    if (value !== undefined) out.set(key, value instanceof Date ? value.toISOString() : value);
  };
  put('range', q.range);
  put('from', q.from);
  put('to', q.to);
  put('bucket', q.bucket);
  for (const key of FILTER_KEYS) put(key, q[key]);
  return out;
}

/** The /audit page's URL: every key it owns, parsed leniently and written canonically (plus the open event). */
export const AUDIT_URL = {
  keys: ['range', 'from', 'to', 'bucket', ...FILTER_KEYS, 'event'],
  parse: (raw: URLSearchParams): AuditPageState => parseSearchParams(auditPageSchema, raw),
  serialize: (state: AuditPageState): URLSearchParams => {
    const params = auditQueryToSearchParams(state);
    if (state.event) params.set('event', state.event);
    return params;
  },
  // Back undoes a zoom or a filter, and closes an opened event.
  history: 'push',
} as const;

// ---- Responses: what each /api/audit route answers, parsed by the browser and produced by lib/audit/server ----

const text = z.nullable(z.string());

/** Who an actor is, from the workspace directory: people and service principals by name (the raw id stays `actor`). */
export const actorRefSchema = z.object({
  kind: z.enum(['user', 'service_principal']),
  displayName: text,
  status: z.enum(['active', 'deactivated']),
});
export type ActorRef = z.output<typeof actorRefSchema>;

/** The change made through Brickwatch that caused an event: the Activity entry, who made it, and what the match rests on. */
export const viaRefSchema = z.object({ seq: z.number(), person: z.string(), personName: text, basis: z.string() });
export type ViaRef = z.output<typeof viaRefSchema>;

const annotations = {
  actorRef: z.optional(z.nullable(actorRefSchema)),
  via: z.optional(viaRefSchema),
};
/** Set when names could not be read from the directory: the panel says so. */
const directoryNotice = z.optional(z.string());
const windowSchema = z.object({
  range: z.enum([...RANGE_PRESETS, 'custom']),
  from: z.string(),
  to: z.string(),
  bucket: z.enum(['hour', 'day']),
});
const axisSchema = z.object({ start: z.number(), size: z.number(), count: z.number() });

export const timelineSchema = z.object({
  window: windowSchema,
  axis: axisSchema,
  /** Every category, in AUDIT_CATEGORY_IDS order, including those with no events (all zeros). */
  series: z.array(z.object({ category: z.enum(AUDIT_CATEGORY_IDS), counts: z.array(z.number()), total: z.number() })),
  total: z.number(),
  /** Newest event in the window: audit delivery lags, so the page says "data as of". */
  latestEvent: text,
});
export type TimelineData = z.output<typeof timelineSchema>;

export const failedAuthSchema = z.object({
  window: windowSchema,
  total: z.number(),
  topIps: z.array(z.object({ ip: z.string(), failures: z.number(), accounts: z.number(), firstSeen: z.string(), lastSeen: z.string() })),
  topAccounts: z.array(z.object({ account: z.string(), failures: z.number(), ips: z.number(), lastSeen: z.string() })),
  /** Hourly failures over the window (always hourly: a spike is an hour's worth). */
  hourly: z.object({ axis: axisSchema, counts: z.array(z.number()) }),
  spikes: z.array(
    z.object({
      at: z.string(),
      count: z.number(),
      baseline: z.number(),
      threshold: z.number(),
      score: z.number(),
      explanation: z.string(),
    }),
  ),
});
export type FailedAuthData = z.output<typeof failedAuthSchema>;

export const feedEventSchema = z.object({
  /** Opens the event in the explorer's detail view. */
  key: z.string(),
  time: z.string(),
  actor: text,
  service: z.string(),
  action: z.string(),
  status: z.nullable(z.number()),
  sourceIp: text,
  object: z.string(),
  change: z.string(),
  adminChange: z.optional(z.boolean()),
  lifetimeDays: z.optional(z.nullable(z.number())),
  ...annotations,
});
export type FeedEvent = z.output<typeof feedEventSchema>;

export const feedSchema = z.object({
  window: windowSchema,
  events: z.array(feedEventSchema),
  /** More events matched than the feed shows; the explorer has them all. */
  truncated: z.boolean(),
  directoryNotice,
});
export type FeedData = z.output<typeof feedSchema>;

const actionCount = z.object({ action: z.string(), events: z.number(), failed: z.number() });
export type ActionCount = z.output<typeof actionCount>;

export const tokenActivitySchema = z.object({
  window: windowSchema,
  actions: z.array(actionCount),
  created: z.object({ total: z.number(), noExpiry: z.number(), longLived: z.number(), longLivedDays: z.number() }),
  events: z.array(feedEventSchema),
  truncated: z.boolean(),
  directoryNotice,
});
export type TokenActivityData = z.output<typeof tokenActivitySchema>;

export const secretActivitySchema = z.object({
  window: windowSchema,
  actions: z.array(actionCount),
  readers: z.array(
    z.object({
      actor: z.string(),
      actorRef: z.optional(z.nullable(actorRefSchema)),
      scope: text,
      reads: z.number(),
      keys: z.number(),
      denied: z.number(),
      lastRead: z.string(),
    }),
  ),
  events: z.array(feedEventSchema),
  truncated: z.boolean(),
  directoryNotice,
});
export type SecretActivityData = z.output<typeof secretActivitySchema>;

export const explorerPageSchema = z.object({
  window: windowSchema,
  events: z.array(
    z.object({
      key: z.string(),
      time: z.string(),
      service: z.string(),
      action: z.string(),
      category: z.enum(AUDIT_CATEGORY_IDS),
      actor: text,
      sourceIp: text,
      status: z.nullable(z.number()),
      ...annotations,
    }),
  ),
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: text,
  directoryNotice,
});
export type ExplorerPage = z.output<typeof explorerPageSchema>;
export type ExplorerEvent = ExplorerPage['events'][number];

export const eventDetailSchema = z.object({
  key: z.string(),
  event_time: z.string(),
  event_id: z.string(),
  account_id: text,
  workspace_id: text,
  version: text,
  audit_level: text,
  service_name: z.string(),
  action_name: z.string(),
  category: z.enum(AUDIT_CATEGORY_IDS),
  user_identity: z.nullable(z.object({ email: text, subject_name: z.optional(text) })),
  identity_metadata: z.nullable(z.object({ run_by: z.optional(text), run_as: z.optional(text), acting_resource: z.optional(text) })),
  source_ip_address: text,
  user_agent: text,
  session_id: text,
  request_id: text,
  request_params: z.record(z.string(), z.string()),
  response: z.nullable(z.object({ status_code: z.nullable(z.number()), error_message: text, result: text })),
  ...annotations,
});
export type EventDetail = z.output<typeof eventDetailSchema>;
export const eventResponseSchema = z.object({ event: eventDetailSchema });

/** Each panel of the /audit page, by the path of its API route. */
export const AUDIT_PANEL_SCHEMAS = {
  timeline: timelineSchema,
  'failed-auth': failedAuthSchema,
  permissions: feedSchema,
  tokens: tokenActivitySchema,
  secrets: secretActivitySchema,
  config: feedSchema,
} as const;
export type AuditPanel = keyof typeof AUDIT_PANEL_SCHEMAS;
export type AuditPanels = { [P in AuditPanel]: z.output<(typeof AUDIT_PANEL_SCHEMAS)[P]> };
