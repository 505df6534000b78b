import { describe, expect, it } from 'vitest';
import { assessTokenPolicy, describePolicyChange, parseMaxLifetimeDays, type TokenPermissionEntry } from './policy';

const admins: TokenPermissionEntry = { kind: 'group', name: 'admins', displayName: 'admins', level: 'CAN_MANAGE' };
const users: TokenPermissionEntry = { kind: 'group', name: 'users', displayName: 'users', level: 'CAN_USE' };
const codes = (a: ReturnType<typeof assessTokenPolicy>) => a.findings.map((f) => f.code);

describe('parseMaxLifetimeDays', () => {
  it.each([
    ['90', 90],
    [' 30 ', 30],
    ['0', null],
    ['', null],
    [null, null],
    [undefined, null],
    ['-5', null],
    ['1.5', null],
    ['abc', null],
  ])('%j → %j', (raw, days) => {
    expect(parseMaxLifetimeDays(raw)).toBe(days);
  });
});

describe('assessTokenPolicy', () => {
  it('is quiet for a 90-day maximum, tokens on and only admins creating', () => {
    const a = assessTokenPolicy({ conf: { maxTokenLifetimeDays: '90', enableTokensConfig: 'true' }, permissions: [admins] });
    expect(a).toEqual({ confCollected: true, maxLifetimeDays: 90, tokensEnabled: true, creators: [admins], findings: [] });
  });

  it('warns when no maximum is set', () => {
    const a = assessTokenPolicy({ conf: { maxTokenLifetimeDays: null, enableTokensConfig: 'true' }, permissions: [admins] });
    expect(a.maxLifetimeDays).toBeNull();
    expect(a.findings).toEqual([expect.objectContaining({ code: 'no_maximum', level: 'warning' })]);
    expect(a.findings[0]?.text).toMatch(/Set 90 days or less/);
  });

  it('warns when the maximum is above 90 days, naming it', () => {
    const a = assessTokenPolicy({ conf: { maxTokenLifetimeDays: '365', enableTokensConfig: 'true' }, permissions: [admins] });
    expect(a.findings).toEqual([
      { code: 'maximum_above_recommended', level: 'warning', text: 'The maximum token lifetime is 365 days, above the recommended 90.' },
    ]);
  });

  it('does not warn at exactly 90 days and warns at 91', () => {
    expect(codes(assessTokenPolicy({ conf: { maxTokenLifetimeDays: '91', enableTokensConfig: null }, permissions: null }))).toEqual([
      'maximum_above_recommended',
    ]);
  });

  it('warns when the users group may create tokens and lists every creator', () => {
    const reader: TokenPermissionEntry = { kind: 'user', name: 'x@example.com', displayName: null, level: 'CAN_VIEW' };
    const a = assessTokenPolicy({ conf: { maxTokenLifetimeDays: '30', enableTokensConfig: 'true' }, permissions: [admins, users, reader] });
    expect(codes(a)).toEqual(['everyone_may_create']);
    expect(a.creators).toEqual([admins, users]);
  });

  it('reports PATs turned off as information', () => {
    const a = assessTokenPolicy({ conf: { maxTokenLifetimeDays: '30', enableTokensConfig: 'false' }, permissions: [] });
    expect(a.tokensEnabled).toBe(false);
    expect(a.findings).toEqual([expect.objectContaining({ code: 'tokens_disabled', level: 'info' })]);
  });

  it('claims nothing when neither workspace-conf nor permissions could be read', () => {
    const a = assessTokenPolicy({ conf: null, permissions: null });
    expect(a).toEqual({ confCollected: false, maxLifetimeDays: null, tokensEnabled: null, creators: null, findings: [] });
  });

  it('treats an unset switch as unknown rather than off', () => {
    expect(assessTokenPolicy({ conf: { maxTokenLifetimeDays: '30', enableTokensConfig: null }, permissions: [] }).tokensEnabled).toBeNull();
  });
});

describe('describePolicyChange', () => {
  it('says existing tokens keep their expiry when the maximum goes down', () => {
    expect(describePolicyChange(365, 90)).toBe(
      'Maximum lifetime of new tokens: 365 days → 90 days. Existing tokens keep their expiry; only new tokens are capped.',
    );
  });
  it('says so when a first maximum is set', () => {
    expect(describePolicyChange(null, 30)).toMatch(/^Maximum lifetime of new tokens: no maximum → 30 days\. Existing tokens keep/);
  });
  it('warns when raising above 90 days', () => {
    expect(describePolicyChange(30, 120)).toBe(
      'Maximum lifetime of new tokens: 30 days → 120 days. This is above the recommended 90 days.',
    );
  });
  it.each([0, 731, 12.5, Number.NaN])('refuses %s', (days) => {
    expect(describePolicyChange(30, days)).toBeNull();
  });
});
