// The judgements of the checks fed by other areas (Secrets, Grants, Data protection, Reports, code scan), over the
// shapes their seams hand over (lib/posture/server/inputs/); and, for the one area not built yet (Reports), the
// runner's "not collected: area not built", never a pass.
import { describe, expect, it } from 'vitest';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { runChecks } from '@/lib/posture/server/run';
import { judgeCodeCredentials } from './code-credentials';
import { judgePiiMasking } from './pii-masking';
import { judgeSecretScopeAcls, secretScopeAclsCheck } from './secret-scope-acls';
import { judgeSecretsInConfig, secretsInConfigCheck } from './secrets-in-config';
import { judgeSpPrivileges } from './sp-privileges';
import { judgeUcLeastPrivilege } from './uc-least-privilege';
import { judgeWeeklyReview } from './weekly-review';
import { areaNotBuilt, defineCheck } from './define';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const env = { now: NOW, host: 'https://adb-1.azuredatabricks.net' };
const gap = { text: 'The clusters could not be listed', needs: 'Workspace admin' };

describe('secrets in configuration (3)', () => {
  it('passes with no finding, fails per plain credential, is not collected on a gap', () => {
    expect(judgeSecretsInConfig({ findings: [], gaps: [] }, env).status).toBe('pass');
    const v = judgeSecretsInConfig(
      {
        findings: [
          { objectKind: 'cluster', objectId: 'c1', objectName: 'etl', location: 'Environment variables', name: 'DB_PASSWORD' },
          { objectKind: 'job', objectId: '42', objectName: 'nightly', location: 'Job cluster main · Spark config', name: 'fs.key' },
        ],
        gaps: [gap],
      },
      env,
    );
    expect(v.status === 'fail' && v.evidence).toMatchObject([
      {
        key: 'cluster:c1:Environment variables:DB_PASSWORD',
        detail: 'DB_PASSWORD holds a plain credential (Environment variables)',
        href: `${env.host}/compute/clusters/c1`,
      },
      { key: 'job:42:Job cluster main · Spark config:fs.key', href: `${env.host}/jobs/42` },
    ]);
    // What could not be read stays beside what was found.
    expect(v.notes).toEqual([gap.text]);
    expect(v.reason).toBe('2 plain credentials in 2 clusters and jobs.');
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
    expect(v.status === 'fail' && v.evidence[1]).toMatchObject({ detail: 'a is the only manager', href: '/secrets/etl' });
    expect(judgeSecretScopeAcls({ scopes: [], gaps: [gap] }).status).toBe('not_collected');
  });

  it('does not judge managers it could not count, and links a scope name with spaces safely', () => {
    const unknown = { scope: 'finance team', usersPermission: 'READ' as const, managers: null };
    expect(judgeSecretScopeAcls({ scopes: [unknown], gaps: [gap] }).status).toBe('not_collected');
    const v = judgeSecretScopeAcls({ scopes: [{ ...unknown, usersPermission: 'MANAGE' }], gaps: [gap] });
    expect(v.status === 'fail' && v.evidence).toEqual([
      {
        key: 'scope:finance team:users',
        label: 'finance team',
        detail: 'Every workspace user holds MANAGE',
        href: '/secrets/finance%20team',
      },
    ]);
  });
});

describe('Unity Catalog least privilege (5)', () => {
  it('fails for findings and legacy USAGE', () => {
    expect(judgeUcLeastPrivilege({ findings: [], legacyUsage: [], gaps: [] }).status).toBe('pass');
    const v = judgeUcLeastPrivilege({ findings: [], legacyUsage: [{ securable: 'main', principal: 'analysts' }], gaps: [] });
    expect(v.status === 'fail' && v.evidence[0]).toMatchObject({
      key: 'usage:main:analysts',
      href: '/grants/findings?code=legacy_usage',
    });
    const finding = {
      key: 'grant:main:analysts:MANAGE',
      code: 'privileged_non_admin',
      securable: 'main',
      principal: 'analysts',
      privilege: 'MANAGE',
      reason: 'The group analysts is not a workspace admin but holds MANAGE on catalog main.',
    };
    const f = judgeUcLeastPrivilege({ findings: [finding], legacyUsage: [], gaps: [] });
    expect(f.status === 'fail' && f.evidence[0]).toEqual({
      key: finding.key,
      label: 'MANAGE on main',
      detail: finding.reason,
      href: '/grants/findings?code=privileged_non_admin',
    });
    expect(f.reason).toBe('1 grant beyond least privilege.');
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
  const none = { scannedAt: NOW - DAY, findings: [], gaps: [], unscannable: 0 };
  it('is not collected before the first scan, fails per finding, passes a clean scan', () => {
    expect(judgeCodeCredentials({ ...none, scannedAt: null })).toMatchObject({
      status: 'not_collected',
      needs: expect.stringMatching(/code scan/),
    });
    expect(judgeCodeCredentials(none)).toMatchObject({ status: 'pass', reason: 'The last code scan (2026-06-14) found no credential.' });
    const v = judgeCodeCredentials({
      ...none,
      findings: [{ id: 'f'.repeat(32), path: '/Repos/ana/etl/load.py', line: 12, detector: 'Databricks token', preview: 'dapi••••3f2a' }],
    });
    expect(v.status === 'fail' && v.evidence[0]).toEqual({
      key: 'code:/Repos/ana/etl/load.py:12:Databricks token',
      label: '/Repos/ana/etl/load.py:12',
      detail: 'Databricks token: dapi••••3f2a',
      href: `/secrets/code?finding=${'f'.repeat(32)}`,
    });
  });

  it('says what no scan can read beside a pass; an object it was refused makes "no finding" not collected', () => {
    expect(judgeCodeCredentials({ ...none, unscannable: 3 }).reason).toBe(
      'The last code scan (2026-06-14) found no credential. 3 objects no scan can read (libraries, binary files, over 10 MB) were not looked at.',
    );
    expect(judgeCodeCredentials({ ...none, gaps: [gap] })).toMatchObject({ status: 'not_collected', needs: 'Workspace admin' });
  });
});

describe('the runner', () => {
  const ws = { host: env.host, actingAs: { kind: 'service-principal', name: 'sp' } } as unknown as Workspace;

  it('names the area and what it will need, for a check whose area has not landed and reads something', async () => {
    const waiting = defineCheck(secretScopeAclsCheck.meta, () => areaNotBuilt('Secrets'), judgeSecretScopeAcls);
    const [r] = await runChecks(ws, { now: NOW, checks: [waiting] });
    expect(r).toMatchObject({
      status: 'not_collected',
      needs: "Brickwatch's Secrets area (not built yet); then MANAGE on every scope (workspace admins have it)",
    });
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
