// The one schema for audit view state, shared by the /audit page's search params and every /api/audit route, so
// a URL copied from the page and an API call with the same query mean exactly the same thing.
import { z } from 'zod';
import { AUDIT_CATEGORY_IDS } from './audit-categories';
import { RANGE_PRESETS, resolveWindow, type Bucket, type RangePreset, type TimeWindow } from './audit-range';

// URL forms send empty strings for cleared fields; treat them as absent.
const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const identifier = (field: string, example: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, `${field} must be a single name such as ${example}`);

const isoDateTime = (field: string) =>
  z.iso
    .datetime({ offset: true, message: `${field} must be an ISO date-time such as 2026-01-31T14:00:00Z` })
    .transform((s) => new Date(s));

export const auditFilterShape = {
  service: optional(identifier('service', 'accounts')),
  action: optional(identifier('action', 'tokenLogin')),
  // Matched case-insensitively as a substring of user_identity.email (always a bound parameter).
  actor: optional(
    z
      .string()
      .trim()
      .max(254, 'actor can be at most 254 characters')
      .regex(/^[^\u0000-\u001f]+$/, 'actor must not contain control characters'),
  ),
  // Address only; the column may carry ':port', which the query allows for.
  ip: optional(
    z
      .string()
      .trim()
      .regex(/^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]{2,39})$/, 'ip must be an IP address such as 203.0.113.7'),
  ),
  outcome: optional(z.enum(['success', 'failure'], { message: 'outcome must be success or failure' })),
  category: optional(z.enum(AUDIT_CATEGORY_IDS, { message: `category must be one of ${AUDIT_CATEGORY_IDS.join(', ')}` })),
};

export const auditRangeShape = {
  range: optional(z.enum(RANGE_PRESETS, { message: `range must be one of ${RANGE_PRESETS.join(', ')}` })),
  from: optional(isoDateTime('from')),
  to: optional(isoDateTime('to')),
  bucket: optional(z.enum(['hour', 'day'], { message: 'bucket must be hour or day' })),
};

export const auditQuerySchema = z
  .object({ ...auditRangeShape, ...auditFilterShape })
  .refine((q) => !(q.range && (q.from || q.to)), { message: 'Give either range or from/to, not both.', path: ['range'] });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const FILTER_KEYS = ['service', 'action', 'actor', 'ip', 'outcome', 'category'] as const;
export type AuditFilters = Pick<AuditQuery, (typeof FILTER_KEYS)[number]>;

export function filtersOf({ service, action, actor, ip, outcome, category }: AuditQuery): AuditFilters {
  return { service, action, actor, ip, outcome, category };
}

export function windowOf(q: AuditQuery, now: Date): TimeWindow {
  return resolveWindow({ range: q.range, from: q.from, to: q.to, bucket: q.bucket }, now);
}

/**
 * Canonical search params for a query: fixed key order, absent values dropped, dates as ISO. Used for URLs and
 * as the cache/coalescing key, so a preset stays "7d" (a window ending now) rather than two timestamps.
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

/** Reads URLSearchParams (or Next's searchParams object) into the schema's input shape; last value wins. */
export function searchParamsToObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries: Array<[string, string]> =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.at(-1) ?? '' : v] as [string, string]]));
  return Object.fromEntries(entries);
}

export type { Bucket, RangePreset };
