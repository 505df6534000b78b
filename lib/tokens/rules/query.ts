// The tokens list in two steps: assess every token once (risk, days left, the summary of everything visible), then
// per view keep the matching ones and sort only those. The first step can be reused across views of one inventory.
import { sortTokenRows, tokenMatcher } from './filters';
import { type TokenFilters } from '@/lib/tokens/contract';
import { assessTokenRisk, daysUntil } from './risk';
import { summaryAccumulator, type TokenSummary } from './summary';
import type { TokenRecord, TokenRow, TokenUsage } from './types';

export interface AssessInput {
  records: readonly TokenRecord[];
  /** Shared-use aggregates by token id; null when the audit log could not be read. */
  usage: ReadonlyMap<string, TokenUsage> | null;
  maxLifetimeDays: number | null;
  now: number;
}

export interface AssessedTokens {
  /** In input order; never mutated by selectTokens. */
  rows: readonly TokenRow[];
  summary: TokenSummary;
}

export function assessTokens({ records, usage, maxLifetimeDays, now }: AssessInput): AssessedTokens {
  const ctx = { now, maxLifetimeDays };
  const summary = summaryAccumulator();
  const rows = records.map((record): TokenRow => {
    const risk = assessTokenRisk(record, usage?.get(record.tokenId), ctx);
    const row = {
      ...record,
      risk: risk.level,
      reasons: risk.reasons,
      daysLeft: record.expiryTime === null ? null : daysUntil(record.expiryTime, now),
    };
    summary.add(row);
    return row;
  });
  return { rows, summary: summary.result() };
}

/** The rows matching `filters`, sorted as they say; `now` must be the assessment's instant. */
export function selectTokens(rows: readonly TokenRow[], filters: TokenFilters, now: number): TokenRow[] {
  return sortTokenRows(rows.filter(tokenMatcher(filters, now)), filters.sort, filters.dir);
}

export interface TokenQueryResult {
  rows: TokenRow[];
  /** Tokens visible before filtering. */
  total: number;
  summary: TokenSummary;
}

export function queryTokens(input: AssessInput & { filters: TokenFilters }): TokenQueryResult {
  const assessed = assessTokens(input);
  return { rows: selectTokens(assessed.rows, input.filters, input.now), total: input.records.length, summary: assessed.summary };
}
