// Applying the tokens view's filters and sort (their schema is the area's contract): the server runs exactly what the
// URL says, building the predicate once per request.
import type { ExpiryWindow, TokenFilters, TokenSortField } from '../contract';
import { daysSince } from './risk';
import { DAY_MS, RISK_RANK, type RiskLevel, type TokenOwner, type TokenRow } from './types';

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
