// Summary maths for the tokens page: counts by risk, by owner type and by reason, over every token the identity
// can see (not only the filtered view), built in the same pass that assesses each token.
import { OWNER_KINDS, RISK_LEVELS, type OwnerKind, type RiskCode, type RiskLevel, type TokenRow } from './types';

export type RiskCounts = Record<RiskLevel, number>;

export interface TokenSummary {
  total: number;
  byRisk: RiskCounts;
  byOwnerKind: Record<OwnerKind, { total: number; byRisk: RiskCounts }>;
  /** Tokens carrying each reason (a token with two reasons counts in both). */
  byReason: Partial<Record<RiskCode, number>>;
  /** Distinct owners (by SCIM id, else name). */
  owners: number;
}

const zeroRisk = (): RiskCounts => Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as RiskCounts;

export interface SummaryAccumulator {
  add(row: Pick<TokenRow, 'risk' | 'reasons' | 'owner'>): void;
  result(): TokenSummary;
}

export function summaryAccumulator(): SummaryAccumulator {
  const summary: TokenSummary = {
    total: 0,
    byRisk: zeroRisk(),
    byOwnerKind: Object.fromEntries(OWNER_KINDS.map((k) => [k, { total: 0, byRisk: zeroRisk() }])) as TokenSummary['byOwnerKind'],
    byReason: {},
    owners: 0,
  };
  const owners = new Set<string>();
  return {
    add(row) {
      summary.total++;
      summary.byRisk[row.risk]++;
      const kind = summary.byOwnerKind[row.owner.kind];
      kind.total++;
      kind.byRisk[row.risk]++;
      // Each rule adds at most one reason per token, so codes do not repeat within a row.
      for (const { code } of row.reasons) summary.byReason[code] = (summary.byReason[code] ?? 0) + 1;
      const owner = row.owner.id ?? row.owner.name;
      if (owner !== null) owners.add(owner);
    },
    result() {
      return { ...summary, owners: owners.size };
    },
  };
}

export function summarizeTokens(rows: Iterable<Pick<TokenRow, 'risk' | 'reasons' | 'owner'>>): TokenSummary {
  const acc = summaryAccumulator();
  for (const row of rows) acc.add(row);
  return acc.result();
}
