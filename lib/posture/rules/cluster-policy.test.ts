import { describe, expect, it } from 'vitest';
import { judgePolicy, type PolicyInput } from './cluster-policy';

const policy = (definition: Record<string, unknown>, over: Partial<PolicyInput> = {}): PolicyInput => ({
  policyId: 'P1',
  name: 'p',
  definition: JSON.stringify(definition),
  overrides: null,
  isDefault: false,
  ...over,
});

describe('judgePolicy', () => {
  it('sees node types restricted by fixed, allowlist, regex or a fixed instance pool', () => {
    for (const rule of [
      { node_type_id: { type: 'fixed', value: 'Standard_DS3_v2' } },
      { node_type_id: { type: 'allowlist', values: ['a', 'b'] } },
      { node_type_id: { type: 'regex', pattern: 'Standard_D.*' } },
      { instance_pool_id: { type: 'fixed', value: 'pool-1' } },
    ])
      expect(judgePolicy(policy(rule)).nodeTypeRestricted).toBe(true);
  });

  it('does not count a blocklist, an unlimited rule or no rule as restricting node types', () => {
    expect(judgePolicy(policy({ node_type_id: { type: 'blocklist', values: ['x'] } })).problems).toContain('only blocks some node types');
    expect(judgePolicy(policy({ node_type_id: { type: 'unlimited', defaultValue: 'x' } })).nodeTypeRestricted).toBe(false);
    expect(judgePolicy(policy({})).problems).toContain('does not restrict node types');
  });

  it('sees auto-termination enforced by a fixed value above 0, a range from 1 with a maximum, or an allowlist above 0', () => {
    for (const rule of [
      { type: 'fixed', value: 60 },
      { type: 'range', minValue: 10, maxValue: 120 },
      { type: 'allowlist', values: [30, 60] },
    ])
      expect(judgePolicy(policy({ autotermination_minutes: rule })).autoTerminationEnforced).toBe(true);
  });

  it('does not count 0, a range that allows 0, a range without a maximum or a default as enforcement', () => {
    const cases: Array<[unknown, string]> = [
      [{ type: 'fixed', value: 0 }, 'fixes auto-termination at 0 (never terminate)'],
      [{ type: 'range', minValue: 0, maxValue: 240 }, 'allows auto-termination of 0 (never terminate)'],
      [{ type: 'range', maxValue: 240 }, 'allows auto-termination of 0 (never terminate)'],
      [{ type: 'range', minValue: 10 }, 'sets no upper limit on auto-termination'],
      [{ type: 'unlimited', defaultValue: 30 }, 'only suggests an auto-termination default that anyone can change'],
      [undefined, 'does not set auto-termination'],
    ];
    for (const [rule, problem] of cases) {
      const j = judgePolicy(policy(rule === undefined ? {} : { autotermination_minutes: rule }));
      expect(j.autoTerminationEnforced).toBe(false);
      expect(j.problems).toContain(problem);
    }
  });

  it('does not ask job-only policies to enforce auto-termination', () => {
    const j = judgePolicy(policy({ cluster_type: { type: 'fixed', value: 'job' } }));
    expect(j.autoTerminationEnforced).toBeNull();
    expect(j.problems).toEqual(['does not restrict node types']);
  });

  it('merges family overrides over the definition', () => {
    const j = judgePolicy(
      policy(
        { autotermination_minutes: { type: 'unlimited', defaultValue: 4320 } },
        {
          overrides: JSON.stringify({ autotermination_minutes: { type: 'fixed', value: 30 }, node_type_id: { type: 'fixed', value: 'x' } }),
        },
      ),
    );
    expect(j).toMatchObject({ nodeTypeRestricted: true, autoTerminationEnforced: true, problems: [] });
  });

  it('claims nothing about a definition that is not JSON', () => {
    expect(judgePolicy({ ...policy({}), definition: '{not json' })).toMatchObject({ readable: false });
  });
});
