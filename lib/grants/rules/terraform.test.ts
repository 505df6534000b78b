import { describe, expect, it } from 'vitest';
import { hclString, terraformScript } from './terraform';
import { grant } from './test-fixtures';

const at = new Date('2026-12-04T12:00:00Z');

describe('the Terraform fix-up', () => {
  it('writes one databricks_grant per principal and securable, keeping its other privileges', () => {
    const tf = terraformScript(
      [
        { action: 'REVOKE', privileges: ['MODIFY'], securableType: 'SCHEMA', securable: 'analytics.gold', principal: 'app-powerbi' },
        { action: 'GRANT', privileges: ['USE SCHEMA'], securableType: 'SCHEMA', securable: 'analytics.gold', principal: 'app-powerbi' },
      ],
      [
        grant('app-powerbi', 'analytics.gold', 'SELECT'),
        grant('app-powerbi', 'analytics.gold', 'MODIFY'),
        grant('other', 'analytics.gold', 'SELECT'),
      ],
      at,
    );
    expect(tf).toContain(
      [
        '# analytics.gold: +USE SCHEMA, -MODIFY',
        'resource "databricks_grant" "schema_analytics_gold_app_powerbi" {',
        '  schema = "analytics.gold"',
        '  principal = "app-powerbi"',
        '  privileges = ["SELECT", "USE_SCHEMA"]',
        '}',
      ].join('\n'),
    );
    expect(tf).not.toContain('databricks_grants');
    expect(tf).not.toContain('"other"');
  });

  it('explains how to remove a grant that keeps nothing, and names views as tables', () => {
    const tf = terraformScript(
      [{ action: 'REVOKE', privileges: ['SELECT'], securableType: 'VIEW', securable: 'a.b.v', principal: 'ann@hp.com' }],
      [grant('ann@hp.com', 'a.b.v', 'SELECT', 'VIEW')],
      at,
    );
    expect(tf).not.toContain('resource "databricks_grant"');
    expect(tf).toContain("terraform import 'databricks_grant.table_a_b_v_ann_hp_com' 'table/a.b.v/ann@hp.com'");
  });

  it('escapes what Terraform would read as syntax or templates', () => {
    expect(hclString('a"b\\c ${x} %{y}')).toBe('"a\\"b\\\\c $${x} %%{y}"');
  });
});
