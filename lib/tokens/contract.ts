// The tokens area's contract: request bodies (enforced by the routes, checked by the dialogs before sending, so a
// person sees the same message either way), URL state, and the responses the browser parses. zod/mini: it ships.
import * as z from 'zod/mini';
import { count } from '@/lib/plural';
import { scopeNameSchema, secretKeySchema } from '@/lib/secrets/name-schemas';
import { MAX_TOKEN_LIFETIME_LIMITS } from './rules/policy';
import { ROTATION_STATES } from './rules/rotation-states';
import { RETRY_ACTIONS, ROTATION_STATUSES } from './rules/rotation-outcome';
import { OWNER_KINDS, OWNER_STATUSES, RISK_CODES, RISK_LEVELS, RISK_RANK, type RiskLevel } from './rules/types';
import type { WireRow } from './rules/wire';

/** Databricks token ids are 64 hex characters; accept any plain id so an odd workspace still works. */
export const tokenIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{1,128}$/, { error: 'is not a token id' }));
export const tokenIdParams = z.object({ id: tokenIdSchema });

/** "1 day", "30 days". */
export const dayCount = (n: number) => count(n, 'day');

/** A whole number of days between min and max; messages say what the field is in words ("Lifetime must be …"). */
const days = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number of days` })
    .check(
      z.refine(Number.isInteger, { error: `${what} must be a whole number of days` }),
      z.gte(min, { error: `${what} must be at least ${dayCount(min)}` }),
      z.lte(max, { error: `${what} must be at most ${dayCount(max)}` }),
    );

export const rotateBody = z.object({
  lifetimeDays: z.optional(days('Lifetime', 1, MAX_TOKEN_LIFETIME_LIMITS.max)),
  /** Allows a lifetime above 90 days (never above the workspace maximum). */
  override: z.optional(z.boolean()),
  delivery: z.discriminatedUnion(
    'kind',
    [
      // Databricks' naming rules, from the one validator the secrets area uses too (scope names may hold @).
      z.object({ kind: z.literal('secret'), scope: scopeNameSchema('Secret scope'), key: secretKeySchema('Key') }),
      z.object({ kind: z.literal('reveal') }),
    ],
    { error: 'Choose where the new value goes: a secret (scope and key) or shown once' },
  ),
});
export type RotateBody = z.output<typeof rotateBody>;

/** Bulk revokes are capped so one request stays well within Databricks' rate limits and a person's attention. */
export const MAX_BULK_REVOKE = 500;

export const bulkRevokeBody = z
  .object({
    tokenIds: z
      .array(tokenIdSchema, { error: 'tokenIds must be a list of token ids' })
      .check(
        z.minLength(1, { error: 'choose at least one token' }),
        z.maxLength(MAX_BULK_REVOKE, { error: `revoke at most ${MAX_BULK_REVOKE} tokens at once` }),
      ),
    /** The number the admin typed to confirm; must equal the number of tokens. */
    confirmCount: z.number({ error: 'confirmCount must be the number of tokens, as typed to confirm' }).check(z.refine(Number.isInteger)),
  })
  .check(
    z.refine((b) => b.confirmCount === new Set(b.tokenIds).size, {
      error: 'confirmCount does not match the number of tokens selected',
      path: ['confirmCount'],
    }),
  );
export type BulkRevokeBody = z.output<typeof bulkRevokeBody>;

export const policyBody = z.object({
  maxTokenLifetimeDays: days('The maximum lifetime', MAX_TOKEN_LIFETIME_LIMITS.min, MAX_TOKEN_LIFETIME_LIMITS.max),
});
export type PolicyBody = z.output<typeof policyBody>;

export const rotationIdParams = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'is not a rotation id' })) });

/** How a token is named in the action log and the Activity screen. */
export const tokenTarget = (tokenId: string) => `token:${tokenId}`;

// ---- URL state: the tokens view's filters and sort, one schema for the page URL and for GET /api/tokens ----

export const EXPIRY_WINDOWS = ['never', 'expired', '7d', '30d', '90d'] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];
export const TOKEN_SORT_FIELDS = ['risk', 'expiry', 'lastUsed', 'created', 'owner'] as const;
export type TokenSortField = (typeof TOKEN_SORT_FIELDS)[number];

const list = (values: readonly string[]) => values.join(', ');

const RISK_LIST_ERROR = `risk takes a comma-separated list of ${list(RISK_LEVELS)}`;
const isRisk = (v: string): v is RiskLevel => (RISK_LEVELS as readonly string[]).includes(v);
// Checked as one value (not per item) so the error names `risk`, not `risk.0`.
const riskList = z.pipe(
  z
    .pipe(
      z.string(),
      z.transform((s: string) => [
        ...new Set(
          s
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        ),
      ]),
    )
    .check(z.refine((levels: string[]) => levels.length > 0 && levels.every(isRisk), { error: RISK_LIST_ERROR })),
  z.transform((levels: string[]) => levels.filter(isRisk)),
);

const text = (field: string, max: number) =>
  z.string().check(z.trim(), z.maxLength(max, { error: `${field} is at most ${max} characters` }));

const tokenFiltersShape = z.object({
  risk: z.optional(riskList),
  ownerType: z.optional(z.enum(OWNER_KINDS, { error: `ownerType must be one of ${list(OWNER_KINDS)}` })),
  owner: z.optional(text('owner', 320)),
  expiry: z.optional(z.enum(EXPIRY_WINDOWS, { error: `expiry must be one of ${list(EXPIRY_WINDOWS)}` })),
  unused: z.optional(
    z.coerce
      .number({ error: 'unused must be a number of days' })
      .check(
        z.refine(Number.isInteger, { error: 'unused must be a whole number of days' }),
        z.gte(1, { error: 'unused must be at least 1 day' }),
        z.lte(3650, { error: 'unused must be at most 3650 days' }),
      ),
  ),
  q: z.optional(text('search text', 200)),
  sort: z._default(z.enum(TOKEN_SORT_FIELDS, { error: `sort must be one of ${list(TOKEN_SORT_FIELDS)}` }), 'risk'),
  dir: z._default(z.enum(['asc', 'desc'], { error: 'dir must be asc or desc' }), 'desc'),
});

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

/** Flattens URL search params (or Next's `searchParams` record) to one string per key; repeats join with commas; blanks drop. */
export function searchParamsRecord(source: ParamSource): Record<string, string> {
  const entries: Array<[string, string]> =
    source instanceof URLSearchParams
      ? [...source.entries()]
      : Object.entries(source).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
        );
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    out[k] = k in out ? `${out[k]},${v}` : v;
  }
  return out;
}

/** Accepts a raw record (or URLSearchParams) as the page, the route wrapper and tests hand it over. */
export const tokenFiltersSchema = z.pipe(
  z.transform((v: unknown) =>
    v instanceof URLSearchParams || (typeof v === 'object' && v !== null) ? searchParamsRecord(v as ParamSource) : v,
  ),
  tokenFiltersShape,
);

export type TokenFilters = z.output<typeof tokenFiltersShape>;
export const DEFAULT_TOKEN_FILTERS: TokenFilters = { sort: 'risk', dir: 'desc' };

export function parseTokenFilters(source: ParamSource) {
  return tokenFiltersSchema.safeParse(source);
}

/** The canonical query string of a filter set: defaults omitted, fixed key order (also used as the query key). */
export function tokenFiltersToSearchParams(f: TokenFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.risk?.length) p.set('risk', [...f.risk].sort((a, b) => RISK_RANK[b] - RISK_RANK[a]).join(','));
  if (f.ownerType) p.set('ownerType', f.ownerType);
  if (f.owner) p.set('owner', f.owner);
  if (f.expiry) p.set('expiry', f.expiry);
  if (f.unused !== undefined) p.set('unused', String(f.unused));
  if (f.q) p.set('q', f.q);
  if (f.sort !== DEFAULT_TOKEN_FILTERS.sort) p.set('sort', f.sort);
  if (f.dir !== DEFAULT_TOKEN_FILTERS.dir) p.set('dir', f.dir);
  return p;
}

/** The /tokens page's URL: a link with filters that do not parse shows every token (the page says why). */
export const TOKENS_URL = {
  keys: ['risk', 'ownerType', 'owner', 'expiry', 'unused', 'q', 'sort', 'dir'],
  parse: (raw: URLSearchParams): TokenFilters => {
    const parsed = parseTokenFilters(raw);
    return parsed.success ? parsed.data : DEFAULT_TOKEN_FILTERS;
  },
  serialize: tokenFiltersToSearchParams,
} as const;

// ---- Responses: what the API answers, parsed by the browser (apiFetch) and produced by lib/tokens/server ----

const nullableNumber = z.nullable(z.number());
const ownerSchema = z.object({
  id: z.nullable(z.string()),
  kind: z.enum(OWNER_KINDS),
  name: z.nullable(z.string()),
  displayName: z.nullable(z.string()),
  status: z.enum(OWNER_STATUSES),
});
const reasonSchema = z.object({ code: z.enum(RISK_CODES), level: z.enum(RISK_LEVELS), text: z.string() });
const riskCounts = z.record(z.enum(RISK_LEVELS), z.number());
const permissionEntry = z.object({
  kind: z.enum(['user', 'group', 'service_principal']),
  name: z.string(),
  displayName: z.nullable(z.string()),
  level: z.string(),
});

const isNumberOrNull = (v: unknown) => v === null || typeof v === 'number';

/** [tokenId, comment, creationTime, expiryTime, lastUsedDay, creator index, owner index, reason indexes]: see wire.ts. */
export function isWireRow(v: unknown): v is WireRow {
  return (
    Array.isArray(v) &&
    v.length === 8 &&
    typeof v[0] === 'string' &&
    typeof v[1] === 'string' &&
    typeof v[2] === 'number' &&
    isNumberOrNull(v[3]) &&
    isNumberOrNull(v[4]) &&
    typeof v[5] === 'number' &&
    typeof v[6] === 'number' &&
    Array.isArray(v[7]) &&
    (v[7] as unknown[]).every((i) => typeof i === 'number')
  );
}

export const tokenListResponseSchema = z.object({
  /** The instant the risk rules were applied (decode days left against it). */
  generatedAt: z.number(),
  /** When the tokens were read from Databricks. */
  readAt: z.number(),
  scope: z.enum(['workspace', 'own']),
  notices: z.array(
    z.object({
      code: z.enum(['own_tokens_only', 'owners_unavailable', 'usage_unavailable', 'policy_unavailable', 'permissions_unavailable']),
      message: z.string(),
    }),
  ),
  actor: z.object({ id: z.string(), kind: z.enum(['user', 'service_principal']), name: z.string() }),
  /** Tokens visible to the identity, before filters. */
  total: z.number(),
  matched: z.number(),
  summary: z.object({
    total: z.number(),
    byRisk: riskCounts,
    byOwnerKind: z.record(z.enum(OWNER_KINDS), z.object({ total: z.number(), byRisk: riskCounts })),
    byReason: z.partialRecord(z.enum(RISK_CODES), z.number()),
    owners: z.number(),
  }),
  policy: z.object({
    confCollected: z.boolean(),
    maxLifetimeDays: nullableNumber,
    tokensEnabled: z.nullable(z.boolean()),
    creators: z.nullable(z.array(permissionEntry)),
    findings: z.array(
      z.object({
        code: z.enum(['no_maximum', 'maximum_above_recommended', 'tokens_disabled', 'everyone_may_create']),
        level: z.enum(['warning', 'info']),
        text: z.string(),
      }),
    ),
  }),
  /** Lifetime choices for a rotation under this policy. */
  limits: z.object({ defaultDays: z.number(), maxDays: z.number(), overrideMaxDays: z.number() }),
  usageCollected: z.boolean(),
  /** Positional rows with owners, creators and reasons stored once (lib/tokens/rules/wire.ts). */
  tokens: z.object({
    owners: z.array(ownerSchema),
    creators: z.array(z.string()),
    reasons: z.array(reasonSchema),
    // One plain check per row: a tuple schema's generic walk over 20,000 rows held the browser's main thread for
    // tens of milliseconds right when the list arrived, for the same verdict.
    rows: z.array(z.custom<WireRow>(isWireRow, { error: 'is not a token row' })),
  }),
});
export type TokenListResponse = z.output<typeof tokenListResponseSchema>;

export const rotationViewSchema = z.object({
  id: z.string(),
  tokenId: z.string(),
  newTokenId: z.nullable(z.string()),
  ownerName: z.nullable(z.string()),
  method: z.enum(['own', 'on_behalf_of']),
  delivery: z.enum(['secret', 'reveal']),
  secretScope: z.nullable(z.string()),
  secretKey: z.nullable(z.string()),
  lifetimeDays: z.number(),
  actor: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** When a settle window or the confirmation window ends (epoch ms). */
  deadline: z.nullable(z.number()),
  state: z.enum(ROTATION_STATES),
  outcome: z.object({
    status: z.enum(ROTATION_STATUSES),
    message: z.string(),
    oldToken: z.enum(['active', 'revoked']),
    newToken: z.enum(['none', 'active', 'revoked', 'unknown']),
    retry: z.nullable(z.enum(RETRY_ACTIONS)),
  }),
});
export type RotationView = z.output<typeof rotationViewSchema>;

export const rotationsResponseSchema = z.object({ rotations: z.array(rotationViewSchema) });
/** POST /api/tokens/{id}/rotate: the rotation, and the new value only for shown-once delivery in this one answer. */
export const rotateResponseSchema = z.object({ rotation: rotationViewSchema, value: z.optional(z.string()) });
/** Retry, confirm and discard answer the rotation as it stands afterwards. */
export const retryResponseSchema = z.object({ rotation: rotationViewSchema });

export const revokeResultSchema = z.object({
  tokenId: z.string(),
  status: z.enum(['revoked', 'already_gone', 'failed']),
  /** Why it failed, in words a person can act on. */
  message: z.nullable(z.string()),
});
export type RevokeResult = z.output<typeof revokeResultSchema>;
export const revokeResponseSchema = z.object({ result: revokeResultSchema });
export const bulkRevokeResponseSchema = z.object({ results: z.array(revokeResultSchema) });

export const policyChangeSchema = z.object({ from: nullableNumber, to: z.number(), description: z.string() });
export type PolicyChange = z.output<typeof policyChangeSchema>;
