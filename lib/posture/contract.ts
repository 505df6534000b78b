// The posture area's contract: the answer of GET /api/posture (score, coverage, every check with its evidence and fix),
// the exception bodies the routes enforce and the dialogs check, and the trend. zod/mini: it ships.
import * as z from 'zod/mini';
import { MAX_EXCEPTION_DAYS } from './rules/exceptions';
import { CATEGORIES, CHECK_IDS, CHECK_STATUSES, SEVERITIES } from './rules/types';

const count = z.number().check(z.int(), z.gte(0));

const exceptionRef = z.object({ id: z.string(), owner: z.string(), reason: z.string(), expiresOn: z.string() });

const evidenceSchema = z.object({
  key: z.string(),
  label: z.string(),
  detail: z.string(),
  href: z.nullable(z.string()),
  accepted: z.nullable(exceptionRef),
});

export const checkResultSchema = z.object({
  id: z.enum(CHECK_IDS),
  number: count,
  title: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  status: z.enum(CHECK_STATUSES),
  /** One sentence: why it passes or fails, or why it was not collected. */
  reason: z.string(),
  /** Not collected: the permission or setting Brickwatch is missing (null when nothing it could be given would help). */
  needs: z.nullable(z.string()),
  /** Parts a failing check could not read. */
  notes: z.array(z.string()),
  evidence: z.array(evidenceSchema),
  evidenceTotal: count,
  acceptedTotal: count,
  exception: z.nullable(exceptionRef),
  fix: z.object({ text: z.string(), label: z.string(), href: z.string(), external: z.boolean() }),
  reads: z.array(z.object({ what: z.string(), permission: z.string() })),
  judges: z.string(),
  durationMs: z.number(),
});
export type CheckResultView = z.output<typeof checkResultSchema>;
export type EvidenceItem = CheckResultView['evidence'][number];

export const postureSchema = z.object({
  /** 0–100, passes ÷ (passes + fails) weighted by severity; null when nothing passed or failed. */
  score: z.nullable(z.number()),
  coverage: z.object({ measured: count, total: count }),
  accepted: count,
  counts: z.record(z.enum(CHECK_STATUSES), count),
  checks: z.array(checkResultSchema),
  /** When the checks ran (epoch ms); results are cached briefly and shared by viewers of the same identity. */
  evaluatedAt: z.number(),
  actingAs: z.object({ kind: z.enum(['user', 'service-principal', 'token']), name: z.string() }),
});
export type Posture = z.output<typeof postureSchema>;

// ---- Exceptions ----

const words = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} is required` })
    .check(
      z.trim(),
      z.minLength(min, { error: min > 1 ? `${what} must be at least ${min} characters` : `${what} is required` }),
      z.maxLength(max, { error: `${what} is at most ${max} characters` }),
    );

const expiresOn = z
  .string({ error: 'The expiry date is required' })
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'The expiry must be a date written as YYYY-MM-DD' }));

export const EXCEPTION_LIMITS = { reason: { min: 10, max: 1000 }, owner: { min: 1, max: 200 }, days: MAX_EXCEPTION_DAYS } as const;

const reason = words('The reason', EXCEPTION_LIMITS.reason.min, EXCEPTION_LIMITS.reason.max);
const owner = words('The owner', EXCEPTION_LIMITS.owner.min, EXCEPTION_LIMITS.owner.max);

export const exceptionBody = z.object({
  checkId: z.enum(CHECK_IDS, { error: 'checkId must be the id of a posture check' }),
  /** One evidence item's key ('job:123'); absent or null accepts the whole check. */
  evidenceKey: z.optional(
    z.nullable(
      z
        .string()
        .check(
          z.minLength(3),
          z.maxLength(400),
          z.regex(/^[a-z-]+:\S/, { error: 'evidenceKey must be the key of an evidence item, e.g. job:123' }),
        ),
    ),
  ),
  reason,
  owner,
  expiresOn,
});
export type ExceptionBody = z.output<typeof exceptionBody>;

export const exceptionChangeBody = z
  .object({ reason: z.optional(reason), owner: z.optional(owner), expiresOn: z.optional(expiresOn) })
  .check(
    z.refine((b) => b.reason !== undefined || b.owner !== undefined || b.expiresOn !== undefined, {
      error: 'Change at least one of reason, owner or expiresOn',
    }),
  );
export type ExceptionChangeBody = z.output<typeof exceptionChangeBody>;

export const exceptionIdParams = z.object({
  id: z.string().check(z.regex(/^[0-9a-f-]{36}$/, { error: 'is not an exception id' })),
});

export const EXCEPTION_STATES = ['active', 'expired', 'ended'] as const;

export const exceptionSchema = z.object({
  id: z.string(),
  checkId: z.string(),
  checkTitle: z.nullable(z.string()),
  evidenceKey: z.nullable(z.string()),
  reason: z.string(),
  owner: z.string(),
  expiresOn: z.string(),
  state: z.enum(EXCEPTION_STATES),
  createdBy: z.string(),
  createdAt: z.number(),
  updatedBy: z.nullable(z.string()),
  updatedAt: z.nullable(z.number()),
  endedBy: z.nullable(z.string()),
  endedAt: z.nullable(z.number()),
});
export type ExceptionView = z.output<typeof exceptionSchema>;

export const exceptionsResponseSchema = z.object({ exceptions: z.array(exceptionSchema) });
export const exceptionResponseSchema = z.object({ exception: exceptionSchema });

// ---- Evaluate now (admin) ----

/** Which checks to read afresh: only 'all' (a trend point needs every check); the field keeps the request explicit. */
export const evaluateBody = z.object({ checks: z.literal('all', { error: 'checks must be "all"' }) });

// ---- Trend ----

export const TREND_DAYS = 90;

export const snapshotPointSchema = z.object({
  takenAt: z.number(),
  cause: z.enum(['daily', 'admin', 'viewer']),
  identity: z.string(),
  takenBy: z.nullable(z.string()),
  score: z.nullable(z.number()),
  measured: count,
  total: count,
  accepted: count,
});
export type SnapshotPointView = z.output<typeof snapshotPointSchema>;

export const trendSchema = z.object({
  points: z.array(snapshotPointSchema),
  /** Who takes the daily snapshot: the background identity, or (without one) whoever first opens the page that day. */
  schedule: z.object({ kind: z.enum(['background', 'viewer']), identity: z.nullable(z.string()) }),
});
export type Trend = z.output<typeof trendSchema>;
