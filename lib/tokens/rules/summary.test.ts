import { describe, expect, it } from 'vitest';
import { summarizeTokens } from './summary';
import type { OwnerKind, RiskCode, RiskLevel, TokenRow } from './types';

function row(risk: RiskLevel, kind: OwnerKind, owner: string | null, codes: RiskCode[] = []): Pick<TokenRow, 'risk' | 'reasons' | 'owner'> {
  return {
    risk,
    reasons: codes.map((code) => ({ code, level: risk, text: code })),
    owner: { id: owner, kind, name: owner, displayName: null, status: 'active' },
  };
}

describe('summarizeTokens', () => {
  it('is all zeros for no tokens', () => {
    const s = summarizeTokens([]);
    expect(s.total).toBe(0);
    expect(s.byRisk).toEqual({ high: 0, medium: 0, low: 0 });
    expect(s.byOwnerKind.user).toEqual({ total: 0, byRisk: { high: 0, medium: 0, low: 0 } });
    expect(s.byReason).toEqual({});
    expect(s.owners).toBe(0);
  });

  it('counts by risk, by owner kind (with risk), by reason and distinct owners', () => {
    const s = summarizeTokens([
      row('high', 'user', '1', ['no_expiry', 'unused']),
      row('high', 'service_principal', '2', ['no_expiry']),
      row('medium', 'user', '1', ['expires_soon']),
      row('low', 'user', '3'),
      row('low', 'unknown', null, ['expired']),
    ]);
    expect(s.total).toBe(5);
    expect(s.byRisk).toEqual({ high: 2, medium: 1, low: 2 });
    expect(s.byOwnerKind).toEqual({
      user: { total: 3, byRisk: { high: 1, medium: 1, low: 1 } },
      service_principal: { total: 1, byRisk: { high: 1, medium: 0, low: 0 } },
      unknown: { total: 1, byRisk: { high: 0, medium: 0, low: 1 } },
    });
    expect(s.byReason).toEqual({ no_expiry: 2, unused: 1, expires_soon: 1, expired: 1 });
    expect(s.owners).toBe(3);
  });
});
