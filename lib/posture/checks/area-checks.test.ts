// The judgements of the checks fed by other areas (Secrets, Grants, Data protection, Reports, code scan), over the
// shapes their seams will hand over; and, until those areas land, the runner's "not collected: area not built" for
// each of them, never a pass.
import { describe, expect, it } from 'vitest';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { runChecks } from '@/lib/posture/server/run';
import { codeCredentialsCheck, judgeCodeCredentials } from './code-credentials';
import { judgePiiMasking, piiMaskingCheck } from './pii-masking';
import { judgeSecretScopeAcls, secretScopeAclsCheck } from './secret-scope-acls';
import { judgeSecretsInConfig, secretsInConfigCheck } from './secrets-in-config';
import { judgeSpPrivileges, spPrivilegesCheck } from './sp-privileges';
import { judgeUcLeastPrivilege, ucLeastPrivilegeCheck } from './uc-least-privilege';
import { judgeWeeklyReview } from './weekly-review';
import { defineCheck } from './define';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const env = { now: NOW, host: 'https://adb-1.azuredatabricks.net' };
const gap = { text: 'The clusters could not be listed', needs: 'Workspace admin' };

describe('secrets in configuration (3)', () => {
  it('passes with no finding, fails per plain credential, is not collected on a gap', () => {
    expect(judgeSecretsInConfig({ findings: [], gaps: [] }, env).status).toBe('pass');
    const v = judgeSecretsInConfig(
      { findings: [{ objectKind: 'cluster', objectId: 'c1', objectName: 'etl', location: 'spark_env_vars.DB_PASSWORD' }], gaps: [] },
      env,
    );
    expect(v.status === 'fail' && v.evidence[0]).toMatchObject({
      key: 'cluster:c1:spark_env_vars.DB_PASSWORD',
      href: `${env.host}/compute/clusters/c1`,
    });
    expect(judgeSecretsInConfig({ findings: [], gaps: [gap] }, env)).toMatchObject({ status: 'not_collected', needs: 'Workspace admin' });
  });
});

describe('secret scope ACLs (4)', () => {
  it('passes for narrow scopes with two managers; fails for users WRITE and a single manager', () => {
    expect(judgeSecretScopeAcls({ scopes: [{ scope: 'etl', usersPermission: 'READ', managers: ['a', 'b'] }], gaps: [] }).status).toBe(
      'pass',
    );
    const v = judgeSecretScopeAcls({ scopes: [{ scope: 'etl', usersPermission: 'WRITE', managers: ['a'] }], gaps: [] });
    expect(v.status === 'fail' && v.evidence.map((e) => e.key)).toEqual(['scope:etl:users', 'scope:etl:managers']);
    expect(judgeSecretScopeAcls({ scopes: [], gaps: [gap] }).status).toBe('not_collected');
  });
});

describe('Unity Catalog least privilege (5)', () => {
  it('fails for findings and legacy USAGE', () => {
    expect(judgeUcLeastPrivilege({ findings: [], legacyUsage: [], gaps: [] }).status).toBe('pass');
    const v = judgeUcLeastPrivilege({ findings: [], legacyUsage: [{ securable: 'main', principal: 'analysts' }], gaps: [] });
    expect(v.status === 'fail' && v.evidence[0]!.key).toBe('usage:main:analysts');
    expect(judgeUcLeastPrivilege({ findings: [], legacyUsage: [], gaps: [gap] }).status).toBe('not_collected');
  });
});

describe('personal-data masking (6)', () => {
  const col = (column: string, masked: boolean) => ({ table: 'main.crm.customers', column, category: 'email', masked });
  it('passes at the threshold, fails below it with the unmasked columns', () => {
    const many = Array.from({ length: 19 }, (_, i) => col(`c${i}`, true));
    expect(judgePiiMasking({ columns: [...many, col('email', false)], gaps: [] }).status).toBe('pass');
    const v = judgePiiMasking({ columns: [col('a', true), col('email', false)], gaps: [] });
    expect(v.status === 'fail' && v.evidence.map((e) => e.key)).toEqual(['column:main.crm.customers.email']);
    expect(judgePiiMasking({ columns: [], gaps: [gap] }).status).toBe('not_collected');
  });
});

describe('service principal privileges (10)', () => {
  const grant = (privilege: string, securableType: string) => ({
    principal: 'a1b2',
    displayName: 'etl-sp',
    securable: 'main',
    securableType,
    privilege,
    via: null,
  });
  it('fails for ALL PRIVILEGES, passes for a table-level SELECT', () => {
    expect(judgeSpPrivileges({ grants: [grant('SELECT', 'TABLE')], gaps: [] }).status).toBe('pass');
    const v = judgeSpPrivileges({ grants: [grant('ALL PRIVILEGES', 'CATALOG')], gaps: [] });
    expect(v.status === 'fail' && v.evidence[0]!.key).toBe('sp-grant:a1b2:main:ALL PRIVILEGES');
    expect(judgeSpPrivileges({ grants: [], gaps: [gap] }).status).toBe('not_collected');
  });
});

describe('weekly review (11)', () => {
  it('passes when a report of the last 7 days was opened; fails when none was generated or opened', () => {
    const report = { id: 'r1', generatedAt: NOW - 2 * DAY, openedAt: NOW - DAY, openedBy: 'daniel.okafor@harborpine.com' };
    expect(judgeWeeklyReview({ reports: [report] }, env).status).toBe('pass');
    const unopened = judgeWeeklyReview({ reports: [{ ...report, openedAt: null, openedBy: null }] }, env);
    expect(unopened.status === 'fail' && unopened.evidence[0]!.key).toBe('reports:opened');
    const none = judgeWeeklyReview({ reports: [{ ...report, generatedAt: NOW - 9 * DAY }] }, env);
    expect(none.status === 'fail' && none.evidence[0]!.key).toBe('reports:generated');
  });
});

describe('code credentials (13)', () => {
  it('is not collected before the first scan, fails per finding, passes a clean scan', () => {
    expect(judgeCodeCredentials({ scannedAt: null, findings: [], gaps: [] }, env)).toMatchObject({ status: 'not_collected' });
    expect(judgeCodeCredentials({ scannedAt: NOW - DAY, findings: [], gaps: [] }, env).status).toBe('pass');
    const v = judgeCodeCredentials(
      {
        scannedAt: NOW - DAY,
        findings: [{ path: '/Repos/ana/etl/load.py', line: 12, detector: 'Databricks token', preview: 'dapi••••3f2a' }],
        gaps: [],
      },
      env,
    );
    expect(v.status === 'fail' && v.evidence[0]!.key).toBe('code:/Repos/ana/etl/load.py:12');
  });
});

describe('the runner', () => {
  const ws = { host: env.host, actingAs: { kind: 'service-principal', name: 'sp' } } as unknown as Workspace;

  it('says "not collected: area not built" for every check whose area has not landed', async () => {
    const checks = [
      secretsInConfigCheck,
      secretScopeAclsCheck,
      ucLeastPrivilegeCheck,
      piiMaskingCheck,
      spPrivilegesCheck,
      codeCredentialsCheck,
    ];
    const results = await runChecks(ws, { now: NOW, checks });
    for (const r of results) {
      expect(r.status, r.id).toBe('not_collected');
      expect(r.status === 'not_collected' && r.needs, r.id).toMatch(/area \(not built yet\); then \S/);
    }
  });

  it('turns a hang into "not collected" after the check’s own timeout, and leaves the other checks alone', async () => {
    const meta = { ...secretsInConfigCheck.meta };
    const hangs = defineCheck(
      meta,
      () => new Promise<never>(() => undefined),
      () => ({ status: 'pass', reason: '', notes: [] }),
    );
    const fine = defineCheck(
      { ...meta, id: 'weekly-review' },
      async () => 1,
      () => ({ status: 'pass', reason: 'ok', notes: [] }),
    );
    const [slow, ok] = await runChecks(ws, { now: NOW, timeoutMs: 20, checks: [hangs, fine] });
    expect(slow).toMatchObject({ status: 'not_collected', reason: 'Databricks gave no answer within 0.02 s.' });
    expect(ok!.status).toBe('pass');
  });

  it('links a workspace fix into the workspace', async () => {
    const external = defineCheck(
      { ...secretsInConfigCheck.meta, fix: { text: '', label: '', href: '/jobs', external: true } },
      async () => 1,
      () => ({ status: 'pass', reason: '', notes: [] }),
    );
    const [r] = await runChecks(ws, { now: NOW, checks: [external] });
    expect(r!.fix.href).toBe(`${env.host}/jobs`);
  });
});
