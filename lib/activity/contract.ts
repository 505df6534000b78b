// The activity area's contract (Brickwatch's own action log): URL state, API query and response schemas, shared by
// the page, the client, the API route and the server module. zod/mini: this ships to the browser.
import * as z from 'zod/mini';
import { ROLES } from '@/lib/roles';
import { orElse, parseSearchParams, toSearchParams } from '@/lib/url-state';

export const OUTCOMES = ['success', 'failure', 'partial'] as const;

const outcome = z.enum(OUTCOMES, { error: 'must be success, failure or partial' });
const actor = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const action = z.string().check(z.trim(), z.maxLength(100), z.regex(/^[a-z][a-z0-9_.-]*$/, 'must look like "tokens.revoke" or "tokens."'));

/** For the API: a bad value is a 400 naming the parameter. `verify=full` re-checks the whole chain. */
export const activityQuerySchema = z.object({
  outcome: z.optional(outcome),
  actor: z.optional(actor),
  action: z.optional(action),
  verify: z.optional(z.enum(['full'], { error: 'verify takes only "full"' })),
});

/** For pages: ?outcome=failure&actor=ann@example.com&action=tokens. — a bad value is dropped, never an error page. */
export const activityFilters = z.object({
  outcome: orElse(z.optional(outcome), undefined),
  actor: orElse(z.optional(actor), undefined),
  action: orElse(z.optional(action), undefined),
});
export type ActivityFilters = z.output<typeof activityFilters>;

/** An action-log position: entries are numbered from 1. */
const seq = z.coerce.number().check(z.refine(Number.isInteger, 'must be a whole number'), z.gte(1, 'must be 1 or more'));

/** The page: the filters, plus the entry open in the drawer (?entry=123; the Audit page links to it). */
export const activityPage = z.object({ ...activityFilters.shape, entry: orElse(z.optional(seq), undefined) });
export type ActivityPageState = z.output<typeof activityPage>;
export const ACTIVITY_URL = {
  keys: ['outcome', 'actor', 'action', 'entry'],
  parse: (raw: URLSearchParams): ActivityPageState => parseSearchParams(activityPage, raw),
  serialize: (state: ActivityPageState) => toSearchParams(state),
} as const;

export function filtersOf({ outcome, actor, action }: ActivityPageState): ActivityFilters {
  return { outcome, actor, action };
}

export const activityEntryParams = z.object({ seq });

export { activityEntryHref } from './links';

export const actionRecordSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  role: z.enum([...ROLES, 'none', 'system']),
  action: z.string(),
  target: z.string(),
  outcome: z.enum(OUTCOMES),
  detail: z.nullable(z.record(z.string(), z.unknown())),
  upstreamRequestId: z.nullish(z.string()),
  requestId: z.nullish(z.string()),
  actingAs: z.nullish(z.string()),
  prevHash: z.string(),
  hash: z.string(),
});
export type ActionEntry = z.output<typeof actionRecordSchema>;

/**
 * The chain head exported outside the store (a secret in the workspace), read back: `off` without a background
 * identity to write it, `none` before the first anchor, `unavailable` when it could not be read, `broken` when the
 * store no longer holds the anchored row as it was (truncated, or replaced by an older or rebuilt copy).
 */
export const anchorStatusSchema = z.object({
  state: z.enum(['off', 'none', 'ok', 'broken', 'unavailable']),
  seq: z.optional(z.number()),
  /** When the head was anchored (ISO). */
  at: z.optional(z.string()),
  reason: z.optional(z.string()),
  /** Where anchors are written: the secret scope. */
  scope: z.optional(z.string()),
});
export type AnchorStatus = z.output<typeof anchorStatusSchema>;

/** The chain as last verified: the whole of it, or incrementally from a position verified before. */
export const chainStatusSchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  /** First bad entry, when not ok. */
  brokenAt: z.optional(z.number()),
  reason: z.optional(z.string()),
  /** When the whole chain was last verified from its first row (ISO), null if never in this process. */
  fullVerifiedAt: z.nullable(z.string()),
  /** Entries at the start written before the log was keyed (verified by plain SHA-256), when known. */
  unkeyedRows: z.optional(z.number()),
  anchor: anchorStatusSchema,
});
export type ChainStatus = z.output<typeof chainStatusSchema>;

export const activityResponseSchema = z.object({
  entries: z.array(actionRecordSchema),
  chain: chainStatusSchema,
  /** More rows exist beyond the newest `limit`. */
  limited: z.boolean(),
});
export type ActivityResponse = z.output<typeof activityResponseSchema>;

/** GET /api/activity/{seq}: one entry, and the chain it sits in as last verified. */
export const activityEntryResponseSchema = z.object({
  entry: actionRecordSchema,
  chain: chainStatusSchema,
  /** Display names from the workspace directory for the person and the identity Brickwatch acted as (null: not known). */
  names: z.optional(z.object({ actor: z.nullable(z.string()), actingAs: z.nullable(z.string()) })),
});
export type ActivityEntryResponse = z.output<typeof activityEntryResponseSchema>;
