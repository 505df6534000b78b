import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, policyDrift, type GrantPolicy } from './policy';
import { grant, index } from './test-fixtures';

const parsed = (text: string): GrantPolicy => {
  const r = parsePolicy(text);
  if (!r.ok) throw new Error(`line ${r.error.line}: ${r.error.message}`);
  return r.policy;
};
const errorOf = (text: string) => {
  const r = parsePolicy(text);
  return r.ok ? null : r.error;
};

describe('parsing a policy file', () => {
  it('reads the shipped example', () => {
    const policy = parsed(readFileSync(join(__dirname, '../../../policies/grants.example.yaml'), 'utf8'));
    expect(policy.catalogs).toEqual(['analytics']);
    expect(policy.curated).toEqual(['analytics.gold']);
    expect([...policy.principals.get('data-engineering')!.get('analytics.bronze')!.privileges]).toEqual([
      'USE SCHEMA',
      'CREATE TABLE',
      'MODIFY',
      'SELECT',
    ]);
    expect([...policy.principals.get('analytics')!.keys()]).toEqual(['analytics', 'analytics.gold']);
  });

  it('reads JSON too, accepts either privilege spelling, and defaults the catalogs to those it mentions', () => {
    const policy = parsed('{"principals": {"analysts": {"sales.gold": ["use_schema", "SELECT"], "Sales": ["USE CATALOG"]}}}');
    expect(policy.catalogs).toEqual(['sales', 'Sales']);
    expect([...policy.principals.get('analysts')!.get('sales.gold')!.privileges]).toEqual(['USE SCHEMA', 'SELECT']);
  });

  it.each([
    ['principals:\n  analysts:\n    sales.gold: [SELECT\n', 3, /Flow sequence|end with a \]/],
    ['principals:\n  analysts:\n    sales.gold: [USE SCHEMA, SELEKT]\n', 3, /"SELEKT" is not a Unity Catalog privilege/],
    ['principals:\n  analysts:\n    sales: [USAGE]\n', 3, /USAGE is the legacy name/],
    ['principals:\n  analysts:\n    sales: [MODIFY]\n    sales.gold: []\n', 4, /must be a non-empty list/],
    [
      'principals:\n  analysts:\n    sales: [CREATE SCHEMA]\n    sales.gold: [CREATE SCHEMA]\n',
      4,
      /CREATE SCHEMA cannot be granted on a schema/,
    ],
    ['catalogs: analytics\nprincipals: {}\n', 1, /"catalogs" must be a list/],
    ['principals:\n  a:\n    x: [SELECT]\nextra: 1\n', 4, /Unknown setting "extra"/],
    ['principals:\n  a:\n    "a b": [SELECT]\n', 3, /not a catalog, schema or object name/],
    ['principals:\n  a:\n    x: [SELECT]\n  a:\n    y: [SELECT]\n', 4, /unique|duplicate/i],
    ['- just\n- a list\n', 1, /must be a mapping/],
    ['{"principals": {"a": {"x": ["SELECT"],}}\n', 1, /./],
  ])('names the line of a malformed policy: %j', (text, line, message) => {
    const e = errorOf(text);
    expect(e).not.toBeNull();
    expect(e!.line).toBe(line);
    expect(e!.message).toMatch(message);
  });
});

describe('drift from the policy', () => {
  const policy = parsed(`
catalogs: [analytics]
principals:
  analysts:
    analytics: [USE CATALOG]
    analytics.gold: [USE SCHEMA, SELECT]
  powerbi-gateway:
    analytics.gold: [USE SCHEMA, SELECT]
`);
  const typeOf = (name: string) => (['analytics', 'analytics.gold'].includes(name) ? (name.includes('.') ? 'SCHEMA' : 'CATALOG') : null);

  it('lists excess grants, missing grants and principals the policy does not mention, each with its fix', () => {
    const findings = policyDrift(policy, {
      index,
      typeOf,
      grants: [
        grant('analysts', 'analytics', 'USE_CATALOG'),
        grant('analysts', 'analytics.gold', 'USE_SCHEMA'),
        grant('analysts', 'analytics.silver', 'SELECT'),
        grant('app-powerbi', 'analytics.gold', 'MODIFY'),
        grant('app-powerbi', 'analytics.gold', 'SELECT'),
        grant('users', 'analytics.gold', 'SELECT'),
        // Outside the policy's catalogs: not compared.
        grant('users', 'finance', 'ALL PRIVILEGES'),
      ],
    });
    expect(findings.map((f) => [f.code, f.principal, f.securable, f.privilege, f.fix?.action])).toEqual([
      ['policy_excess', 'analysts', 'analytics.silver', 'SELECT', 'REVOKE'],
      // The service principal answers to its display name in the policy.
      ['policy_excess', 'app-powerbi', 'analytics.gold', 'MODIFY', 'REVOKE'],
      ['policy_unmentioned', 'users', 'analytics.gold', 'SELECT', 'REVOKE'],
      ['policy_missing', 'analysts', 'analytics.gold', 'SELECT', 'GRANT'],
      ['policy_missing', 'app-powerbi', 'analytics.gold', 'USE SCHEMA', 'GRANT'],
    ]);
    expect(findings[3]!.fix).toEqual({
      action: 'GRANT',
      privileges: ['SELECT'],
      securableType: 'SCHEMA',
      securable: 'analytics.gold',
      principal: 'analysts',
    });
    expect(findings[0]!.text).toBe('analysts holds SELECT on schema analytics.silver; the policy gives it nothing on analytics.silver.');
  });

  it('cannot fix a grant on something that does not exist', () => {
    const p = parsed('principals:\n  analysts:\n    analytics.platinum: [SELECT]\n');
    const [f] = policyDrift(p, { index, typeOf, grants: [] });
    expect(f).toMatchObject({ code: 'policy_missing', fix: null });
    expect(f!.text).toContain('does not exist');
  });
});
