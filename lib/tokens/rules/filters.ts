// The tokens view's filters and sort: one schema for the page URL and for GET /api/tokens, so every view can be
// linked, and the server applies exactly what the URL says. In zod/mini because it ships to the browser.
import * as z from 'zod/mini';
import { daysSince } from './risk';
import { DAY_MS, OWNER_KINDS, RISK_LEVELS, RISK_RANK, type RiskLevel, type TokenOwner, type TokenRow } from './types';

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

/** How an owner is named in the `owner` filter: its principal name, or `#<scim id>` when the owner is gone. */
export function ownerKey(owner: TokenOwner): string {
  return owner.name ?? (owner.id ? `#${owner.id}` : '');
}

const EXPIRY_DAYS: Record<'7d' | '30d' | '90d', number> = { '7d': 7, '30d': 30, '90d': 90 };

function expiryMatches(row: TokenRow, window: ExpiryWindow, now: number): boolean {
  const expiry = row.expiryTime;
  if (window === 'never') return expiry === null;
  if (expiry === null) return false;
  if (window === 'expired') return expiry <= now;
  return expiry > now && expiry - now <= EXPIRY_DAYS[window] * DAY_MS;
}

/** Builds the predicate once per request, so per-row work is only comparisons. */
export function tokenMatcher(f: TokenFilters, now: number): (row: TokenRow) => boolean {
  const risks = f.risk ? new Set<RiskLevel>(f.risk) : null;
  const owner = f.owner?.toLowerCase();
  const q = f.q?.toLowerCase();
  return (row) => {
    if (risks && !risks.has(row.risk)) return false;
    if (f.ownerType && row.owner.kind !== f.ownerType) return false;
    if (owner && ownerKey(row.owner).toLowerCase() !== owner) return false;
    if (f.expiry && !expiryMatches(row, f.expiry, now)) return false;
    if (f.unused !== undefined && daysSince(row.lastUsedDay ?? row.creationTime, now) < f.unused) return false;
    if (q) {
      const hay = [row.comment, row.owner.name, row.owner.displayName, row.createdBy, row.tokenId];
      if (!hay.some((s) => s?.toLowerCase().includes(q))) return false;
    }
    return true;
  };
}

type SortKey = (row: TokenRow) => number | string;

const SORT_KEYS: Record<TokenSortField, SortKey> = {
  risk: (r) => RISK_RANK[r.risk] * 100 + Math.min(r.reasons.length, 99),
  // Never-expiring tokens sort as the furthest expiry; never-used ones as the oldest use.
  expiry: (r) => r.expiryTime ?? Number.POSITIVE_INFINITY,
  lastUsed: (r) => r.lastUsedDay ?? Number.NEGATIVE_INFINITY,
  created: (r) => r.creationTime,
  owner: (r) => (r.owner.displayName ?? r.owner.name ?? '').toLowerCase(),
};

/** Sorts in place by the chosen field; ties break on token id so pages and exports are stable. */
export function sortTokenRows(rows: TokenRow[], sort: TokenSortField, dir: 'asc' | 'desc'): TokenRow[] {
  const key = SORT_KEYS[sort];
  const sign = dir === 'asc' ? 1 : -1;
  // Decorate once: computing keys inside the comparator would cost O(n log n) key calls.
  const decorated = rows.map((row) => ({ row, k: key(row) }));
  decorated.sort((a, b) =>
    a.k < b.k ? -sign : a.k > b.k ? sign : a.row.tokenId < b.row.tokenId ? -1 : a.row.tokenId > b.row.tokenId ? 1 : 0,
  );
  for (let i = 0; i < decorated.length; i++) rows[i] = decorated[i]!.row;
  return rows;
}
