import { describe, expect, it } from 'vitest';
import { grantFindings, isCurated, type RuleContext } from './findings';
import { grant, index } from './test-fixtures';

const ctx: RuleContext = { index, adminGroup: 'admins', curated: [] };
const codes = (grants: Parameters<typeof grantFindings>[0], c = ctx) =>
  grantFindings(grants, c).map((f) => [f.code, f.level, f.principal, f.privilege]);

describe('grant findings without a policy', () => {
  it('flags ALL PRIVILEGES or MANAGE held by everyone, with the REVOKE that fixes it', () => {
    const [f] = grantFindings([grant('account users', 'sandbox', 'ALL_PRIVILEGES')], ctx);
    expect(f).toMatchObject({
      code: 'broad_group_privileged',
      level: 'high',
      privilege: 'ALL PRIVILEGES',
      fix: { action: 'REVOKE', privileges: ['ALL PRIVILEGES'], securableType: 'CATALOG', securable: 'sandbox', principal: 'account users' },
    });
    expect(f!.text).toContain('everyone in the account');
    expect(codes([grant('users', 'finance.reporting', 'MANAGE')])).toEqual([['broad_group_privileged', 'high', 'users', 'MANAGE']]);
    // Reading is not what this rule is about.
    expect(codes([grant('users', 'main.default', 'SELECT')])).toEqual([]);
  });

  it('flags MANAGE and ALL PRIVILEGES held by non-admins, not by admins or their members', () => {
    expect(codes([grant('analysts', 'analytics.gold', 'ALL PRIVILEGES')])).toEqual([
      ['privileged_non_admin', 'medium', 'analysts', 'ALL PRIVILEGES'],
    ]);
    expect(codes([grant('admins', 'analytics', 'MANAGE'), grant('root@hp.com', 'analytics', 'MANAGE')]).map((c) => c[0])).toEqual([
      'grant_to_person',
    ]);
  });

  it('flags a service principal with ALL PRIVILEGES as high, naming it by display name', () => {
    const [f] = grantFindings([grant('app-dbt', 'analytics', 'ALL PRIVILEGES')], ctx);
    expect(f).toMatchObject({ code: 'service_principal_all_privileges', level: 'high' });
    expect(f!.text).toMatch(/^The service principal dbt-cloud-prod holds ALL PRIVILEGES on catalog analytics/);
  });

  it('flags writes on a curated layer by people and service principals, not by groups', () => {
    expect(codes([grant('app-powerbi', 'analytics.gold', 'MODIFY')])).toEqual([['write_on_curated', 'high', 'app-powerbi', 'MODIFY']]);
    expect(codes([grant('bo@hp.com', 'analytics.gold.premium', 'MODIFY')]).map((c) => c[0])).toEqual([
      'write_on_curated',
      'grant_to_person',
    ]);
    expect(codes([grant('engineers', 'analytics.gold', 'MODIFY')])).toEqual([]);
    expect(codes([grant('app-powerbi', 'analytics.gold', 'SELECT')])).toEqual([]);
    // The policy's curated list replaces the naming convention.
    expect(codes([grant('app-powerbi', 'analytics.gold', 'MODIFY')], { ...ctx, curated: ['analytics.marts'] })).toEqual([]);
  });

  it('tells curated layers by name or by the policy, never a whole catalog', () => {
    expect(isCurated('analytics.gold', 'SCHEMA', [])).toBe(true);
    expect(isCurated('p.curated.t', 'TABLE', [])).toBe(true);
    expect(isCurated('gold', 'CATALOG', [])).toBe(false);
    expect(isCurated('analytics.silver', 'SCHEMA', ['analytics.silver'])).toBe(true);
  });

  it('flags grants to people and to deactivated or deleted principals', () => {
    expect(codes([grant('ann@hp.com', 'analytics.silver.customers', 'SELECT')])).toEqual([
      ['grant_to_person', 'low', 'ann@hp.com', 'SELECT'],
    ]);
    const [inactive] = grantFindings([grant('app-airflow', 'analytics.bronze', 'MODIFY')], ctx);
    expect(inactive).toMatchObject({ code: 'inactive_principal', level: 'medium' });
    expect(inactive!.text).toContain('legacy-airflow, who is deactivated');
    expect(grantFindings([grant('gone@hp.com', 'analytics.bronze', 'SELECT')], ctx)[0]!.text).toContain(
      'no longer in the workspace directory',
    );
  });

  it('flags legacy USAGE and fixes it with the Unity Catalog name', () => {
    const [catalog] = grantFindings([grant('analysts', 'analytics', 'USAGE')], ctx);
    expect(catalog).toMatchObject({ code: 'legacy_usage', fix: { action: 'GRANT', privileges: ['USE CATALOG'] } });
    const [schema] = grantFindings([grant('analysts', 'analytics.gold', 'usage')], ctx);
    expect(schema!.fix!.privileges).toEqual(['USE SCHEMA']);
  });
});
