import { describe, expect, it } from 'vitest';
import { assessTokenRisk, daysSince, daysUntil, isoDay, TOKEN_RISK_THRESHOLDS, type RiskContext } from './risk';
import { DAY_MS, type TokenRecord } from './types';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

/** A healthy token: 30-day lifetime, created 5 days ago, used yesterday, active person as owner. */
function token(over: Partial<TokenRecord> = {}): TokenRecord {
  return {
    tokenId: 'a'.repeat(64),
    comment: 'ci deploy',
    creationTime: NOW - 5 * DAY_MS,
    expiryTime: NOW + 45 * DAY_MS,
    lastUsedDay: NOW - 1 * DAY_MS,
    createdBy: 'ana@example.com',
    owner: { id: '100', kind: 'user', name: 'ana@example.com', displayName: 'Ana Ruiz', status: 'active' },
    ...over,
  };
}

const ctx: RiskContext = { now: NOW, maxLifetimeDays: 90 };
const codes = (t: TokenRecord, usage?: { distinctIps: number; distinctClients: number }, c = ctx) =>
  assessTokenRisk(t, usage, c).reasons.map((r) => r.code);

describe('assessTokenRisk', () => {
  it('rates a healthy token low with no reasons', () => {
    expect(assessTokenRisk(token(), undefined, ctx)).toEqual({ level: 'low', reasons: [] });
  });

  it('rates a token without expiry high', () => {
    const risk = assessTokenRisk(token({ expiryTime: null }), undefined, ctx);
    expect(risk.level).toBe('high');
    expect(risk.reasons).toEqual([{ code: 'no_expiry', level: 'high', text: 'Never expires' }]);
  });

  it('rates an active token of a deactivated owner high and names the owner', () => {
    const t = token({ owner: { id: '7', kind: 'user', name: 'bo@example.com', displayName: 'Bo Li', status: 'deactivated' } });
    const risk = assessTokenRisk(t, undefined, ctx);
    expect(risk.level).toBe('high');
    expect(risk.reasons[0]).toMatchObject({ code: 'owner_inactive', level: 'high' });
    expect(risk.reasons[0]?.text).toBe('Owner Bo Li is deactivated, yet the token was never revoked');
  });

  it('rates an active token of a deleted owner high, falling back to the SCIM id', () => {
    const t = token({ owner: { id: '8', kind: 'unknown', name: null, displayName: null, status: 'deleted' } });
    const risk = assessTokenRisk(t, undefined, ctx);
    expect(risk.level).toBe('high');
    expect(risk.reasons[0]?.text).toBe('Owner #8 no longer exists in the workspace, yet the token was never revoked');
  });

  it('names a deactivated service principal as such', () => {
    const t = token({ owner: { id: '9', kind: 'service_principal', name: 'uuid-1', displayName: 'etl-bot', status: 'deactivated' } });
    expect(assessTokenRisk(t, undefined, ctx).reasons[0]?.text).toMatch(/^Service principal etl-bot is deactivated/);
  });

  it('does not raise the owner rule when SCIM could not be asked', () => {
    const t = token({ owner: { id: '8', kind: 'unknown', name: null, displayName: null, status: 'unknown' } });
    expect(codes(t)).toEqual([]);
  });

  describe('expires within 30 days', () => {
    it('flags 30 days left as medium with the date', () => {
      const t = token({ expiryTime: NOW + 30 * DAY_MS });
      const risk = assessTokenRisk(t, undefined, ctx);
      expect(risk.level).toBe('medium');
      expect(risk.reasons[0]?.text).toBe('Expires in 30 days (2026-12-28): rotate it before the workload breaks');
    });
    it('does not flag 31 days left', () => {
      expect(codes(token({ expiryTime: NOW + 31 * DAY_MS }))).toEqual([]);
    });
    it('counts an hour left as one day', () => {
      expect(assessTokenRisk(token({ expiryTime: NOW + 3_600_000 }), undefined, ctx).reasons[0]?.text).toMatch(/^Expires in 1 day /);
    });
  });

  describe('lifetime above the workspace maximum or 90 days', () => {
    it('flags a lifetime above the workspace maximum and says the maximum is for new tokens', () => {
      const t = token({ creationTime: NOW - 10 * DAY_MS, expiryTime: NOW + 50 * DAY_MS });
      const risk = assessTokenRisk(t, undefined, { now: NOW, maxLifetimeDays: 30 });
      expect(risk.level).toBe('medium');
      expect(risk.reasons[0]?.text).toBe(
        'Lifetime of 60 days is above the workspace maximum of 30 days (the maximum only applies to new tokens)',
      );
    });
    it('flags a lifetime above 90 days even when the workspace allows more', () => {
      const t = token({ creationTime: NOW - 10 * DAY_MS, expiryTime: NOW + 170 * DAY_MS });
      const risk = assessTokenRisk(t, undefined, { now: NOW, maxLifetimeDays: 365 });
      expect(risk.reasons).toEqual([
        { code: 'lifetime_above_max', level: 'medium', text: 'Lifetime of 180 days is above the recommended 90 days' },
      ]);
    });
    it('flags a lifetime above 90 days when no maximum is set', () => {
      const t = token({ creationTime: NOW - 10 * DAY_MS, expiryTime: NOW + 81 * DAY_MS });
      expect(codes(t, undefined, { now: NOW, maxLifetimeDays: null })).toEqual(['lifetime_above_max']);
    });
    it('accepts a lifetime of exactly the maximum, give or take clock noise', () => {
      const t = token({ creationTime: NOW - 10 * DAY_MS, expiryTime: NOW + 80 * DAY_MS + 1234 });
      expect(codes(t)).toEqual([]);
    });
  });

  describe('unused for 60+ days', () => {
    it('flags a last use 60 days ago with the day of last use', () => {
      const t = token({ creationTime: NOW - 70 * DAY_MS, expiryTime: NOW + 20 * DAY_MS, lastUsedDay: NOW - 60 * DAY_MS });
      const risk = assessTokenRisk(t, undefined, ctx);
      expect(risk.reasons.map((r) => r.text)).toContain('Unused for 60 days (last used 2026-09-29)');
    });
    it('does not flag a last use 59 days ago', () => {
      const t = token({ creationTime: NOW - 59 * DAY_MS, expiryTime: NOW + 31 * DAY_MS, lastUsedDay: NOW - 59 * DAY_MS });
      expect(codes(t)).toEqual([]);
    });
    it('flags a token with no recorded use once it is 60 days old', () => {
      const t = token({ creationTime: NOW - 61 * DAY_MS, expiryTime: NOW + 29 * DAY_MS + 1, lastUsedDay: null });
      expect(assessTokenRisk(t, undefined, ctx).reasons.map((r) => r.text)).toContain(
        'No recorded use in the 61 days since it was created',
      );
    });
    it('leaves a young token with no recorded use alone', () => {
      expect(codes(token({ lastUsedDay: null }))).toEqual([]);
    });
  });

  describe('possibly shared', () => {
    const { sharedMinIps: ips, sharedMinClients: clients } = TOKEN_RISK_THRESHOLDS;
    it('flags many source IPs', () => {
      const risk = assessTokenRisk(token(), { distinctIps: ips, distinctClients: 1 }, ctx);
      expect(risk.level).toBe('medium');
      expect(risk.reasons[0]?.text).toBe(
        `Used from ${ips} source IPs in the last 30 days: possibly shared (one workload per token is the practice)`,
      );
    });
    it('flags many clients', () => {
      expect(assessTokenRisk(token(), { distinctIps: 1, distinctClients: clients }, ctx).reasons[0]?.text).toMatch(
        new RegExp(`^Used from ${clients} clients in the last 30 days`),
      );
    });
    it('names both when both are many', () => {
      expect(assessTokenRisk(token(), { distinctIps: 9, distinctClients: 4 }, ctx).reasons[0]?.text).toMatch(
        /^Used from 9 source IPs and 4 clients /,
      );
    });
    it('does not flag use just below both thresholds', () => {
      expect(codes(token(), { distinctIps: ips - 1, distinctClients: clients - 1 })).toEqual([]);
    });
  });

  describe('expired tokens', () => {
    it('are low with one reason, whatever else is wrong', () => {
      const t = token({
        creationTime: NOW - 400 * DAY_MS,
        expiryTime: NOW - 3 * DAY_MS,
        lastUsedDay: null,
        owner: { id: '7', kind: 'user', name: 'bo@example.com', displayName: 'Bo', status: 'deactivated' },
      });
      expect(assessTokenRisk(t, { distinctIps: 50, distinctClients: 9 }, ctx)).toEqual({
        level: 'low',
        reasons: [{ code: 'expired', level: 'low', text: 'Expired 3 days ago (2026-11-25); it can no longer be used' }],
      });
    });
    it('say "today" for a token that just expired', () => {
      expect(assessTokenRisk(token({ expiryTime: NOW }), undefined, ctx).reasons[0]?.text).toMatch(/^Expired today /);
    });
  });

  it('lists every reason, most severe first: sharing before an older lifetime or dormancy', () => {
    const t = token({ creationTime: NOW - 100 * DAY_MS, expiryTime: NOW + 170 * DAY_MS, lastUsedDay: NOW - 61 * DAY_MS });
    const risk = assessTokenRisk(t, { distinctIps: 32, distinctClients: 1 }, { now: NOW, maxLifetimeDays: 365 });
    expect(risk.reasons.map((r) => r.code)).toEqual(['possibly_shared', 'unused', 'lifetime_above_max']);
    expect(risk.reasons[0]?.text).toMatch(/^Used from 32 source IPs/);
  });

  it('lists every reason, highest level first', () => {
    const t = token({
      creationTime: NOW - 200 * DAY_MS,
      expiryTime: null,
      lastUsedDay: NOW - 100 * DAY_MS,
      owner: { id: '7', kind: 'user', name: 'bo@example.com', displayName: 'Bo', status: 'deactivated' },
    });
    const risk = assessTokenRisk(t, { distinctIps: 6, distinctClients: 1 }, ctx);
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((r) => r.code)).toEqual(['owner_inactive', 'no_expiry', 'possibly_shared', 'unused']);
  });
});

describe('day helpers', () => {
  it('round the right way', () => {
    expect(daysUntil(NOW + 1, NOW)).toBe(1);
    expect(daysUntil(NOW - DAY_MS - 1, NOW)).toBe(-1);
    expect(daysSince(NOW - DAY_MS + 1, NOW)).toBe(0);
    expect(isoDay(NOW)).toBe('2026-11-28');
  });
});
