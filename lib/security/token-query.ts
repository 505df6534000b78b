// The tokens list in one pass: assess each token, count it into the summary (of everything visible), keep it if it
// matches the filters; then sort only what matched.
import { sortTokenRows, tokenMatcher, type TokenFilters } from './token-filters';
import { assessTokenRisk, daysUntil } from './token-risk';
import { summaryAccumulator, type TokenSummary } from './token-summary';
import type { TokenRecord, TokenRow, TokenUsage } from './token-types';

export interface TokenQueryInput {
  records: readonly TokenRecord[];
  /** Shared-use aggregates by token id; null when the audit log could not be read. */
  usage: ReadonlyMap<string, TokenUsage> | null;
  maxLifetimeDays: number | null;
  filters: TokenFilters;
  now: number;
}

export interface TokenQueryResult {
  rows: TokenRow[];
  /** Tokens visible before filtering. */
  total: number;
  summary: TokenSummary;
}

export function queryTokens({ records, usage, maxLifetimeDays, filters, now }: TokenQueryInput): TokenQueryResult {
  const ctx = { now, maxLifetimeDays };
  const matches = tokenMatcher(filters, now);
  const summary = summaryAccumulator();
  const rows: TokenRow[] = [];
  for (const record of records) {
    const risk = assessTokenRisk(record, usage?.get(record.tokenId), ctx);
    const row: TokenRow = {
      ...record,
      risk: risk.level,
      reasons: risk.reasons,
      daysLeft: record.expiryTime === null ? null : daysUntil(record.expiryTime, now),
    };
    summary.add(row);
    if (matches(row)) rows.push(row);
  }
  return { rows: sortTokenRows(rows, filters.sort, filters.dir), total: records.length, summary: summary.result() };
}
