// The grants area against a started simulator with the real SQL driver, acting in user identity mode: the matrix in
// one statement, the two access questions, findings from the seeded drift and lineage, and GRANT / REVOKE applied
// through the app and read back from the simulator.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { InvalidIdentifierError } from '@/lib/databricks/identifiers';
import { loadPrincipals } from '@/lib/principals/server/load';
import { listActions } from '@/lib/store/action-log';
import { startGrantsHarness, type GrantsHarness } from '@/testing/grants-harness';
import { whatCanRead, whoCanRead } from './access';
import { applyGrantChange } from './apply';
import { loadFindings } from './findings';
import { loadMatrix } from './matrix';
import { fixUpScript } from './script';
import { securableDetail } from './securable';

const EXAMPLE_POLICY = path.join(__dirname, '../../../policies/grants.example.yaml');

let h: GrantsHarness;
let sp: Record<string, string>;
beforeAll(async () => {
  h = await startGrantsHarness();
  const rows = await h.rows(h.admin.ws, 'SELECT 1 AS one');
  expect(rows).toHaveLength(1);
  const res = await fetch(`${h.sim.workspace.host}/api/2.0/preview/scim/v2/ServicePrincipals`, {
    headers: { Authorization: `Bearer ${h.sim.workspace.adminToken}` },
  });
  const body = (await res.json()) as { Resources: Array<{ displayName: string; applicationId: string }> };
  sp = Object.fromEntries(body.Resources.map((s) => [s.displayName, s.applicationId]));
});
afterAll(async () => h?.stop());

describe('the matrix', () => {
  it('summarises the whole metastore in one statement: catalogs and schemas with owners, grants inside counted per schema', async () => {
    const m = await loadMatrix(h.admin.ws, {});
    expect(m).toMatchObject({ view: 'summary', statements: 1, truncated: false, notices: [] });
    expect(m.securables.find((s) => s.fullName === 'analytics')).toMatchObject({ type: 'CATALOG', parent: null });
    expect(m.securables.find((s) => s.fullName === 'analytics.gold')).toMatchObject({ type: 'SCHEMA', parent: 'analytics', objects: 4 });
    expect(m.securables.some((s) => s.type === 'TABLE')).toBe(false);
    expect(m.grants).toContainEqual({ principal: 'account users', securable: 'analytics.gold', privilege: 'SELECT', inheritedFrom: null });
    expect(m.grants).toContainEqual({
      principal: sp['dbt-cloud-prod'],
      securable: 'analytics',
      privilege: 'ALL PRIVILEGES',
      inheritedFrom: null,
    });
    expect(m.childGrants).toContainEqual({ principal: 'users', securable: 'analytics.bronze', privilege: 'ALL PRIVILEGES', objects: 1 });
    const powerbi = m.principals.find((p) => p.name === sp['powerbi-gateway']);
    expect(powerbi).toMatchObject({ kind: 'service_principal', displayName: 'powerbi-gateway', status: 'active' });
    expect(m.principals.find((p) => p.name === sp['legacy-airflow'])?.status).toBe('deactivated');
  });

  it('shows every object of a catalog with direct and inherited grants told apart, and ownership', async () => {
    const m = await loadMatrix(h.admin.ws, { catalog: 'analytics', schema: 'gold' });
    expect(m.view).toBe('catalog');
    expect(m.securables.map((s) => s.fullName)).toEqual([
      'analytics',
      'analytics.gold',
      'analytics.gold.claims_daily',
      'analytics.gold.customer_360',
      'analytics.gold.marketing_engagement',
      'analytics.gold.premium_by_region',
    ]);
    expect(m.securables[3]).toMatchObject({ type: 'TABLE', owner: 'data-platform' });
    const on360 = m.grants.filter((g) => g.securable === 'analytics.gold.customer_360');
    expect(on360).toContainEqual({
      principal: sp['hightouch-reverse-etl'],
      securable: 'analytics.gold.customer_360',
      privilege: 'SELECT',
      inheritedFrom: null,
    });
    expect(on360).toContainEqual({
      principal: 'account users',
      securable: 'analytics.gold.customer_360',
      privilege: 'SELECT',
      inheritedFrom: 'analytics.gold',
    });
    // The owner has a column even where it holds no grant.
    expect(m.principals.map((p) => p.name)).toContain('data-platform');
  });

  it('filters by a principal (with the groups it is in), by kind and by privilege', async () => {
    const analyst = h.analyst.userName;
    const m = await loadMatrix(h.admin.ws, { principal: analyst });
    expect(new Set(m.grants.map((g) => g.principal))).toEqual(new Set(['security-analysts', 'users', 'account users']));
    const sps = await loadMatrix(h.admin.ws, { principalType: 'service_principal', privilege: 'MODIFY' });
    expect(sps.grants.length).toBeGreaterThan(0);
    expect(sps.grants.every((g) => g.privilege === 'MODIFY' && Object.values(sp).includes(g.principal))).toBe(true);
  });
});

describe('who can read, what can read', () => {
  it('lists every person and service principal with effective SELECT on a table, through which grant or group', async () => {
    const r = await whoCanRead(h.admin.ws, 'analytics.gold.customer_360');
    expect(r.securable).toEqual({ fullName: 'analytics.gold.customer_360', type: 'TABLE', owner: 'data-platform' });
    const hightouch = r.principals.find((p) => p.name === sp['hightouch-reverse-etl'])!;
    expect(hightouch.via).toContainEqual({
      kind: 'grant',
      grantee: sp['hightouch-reverse-etl'],
      securable: 'analytics.gold.customer_360',
      privilege: 'SELECT',
      groups: [],
    });
    const analyst = (await loadPrincipals(h.admin.ws)).members('analytics').find((m) => m.principal.status === 'active')!.principal;
    expect(r.principals.find((p) => p.name === analyst.name)?.via).toContainEqual({
      kind: 'grant',
      grantee: 'analytics',
      securable: 'analytics.gold',
      privilege: 'SELECT',
      groups: ['analytics'],
    });
    expect(r.principals.every((p) => p.kind === 'user' || p.kind === 'service_principal')).toBe(true);
  });

  it('leaves out a direct SELECT that lacks USE CATALOG', async () => {
    const [direct] = await h.rows(
      h.admin.ws,
      "SELECT grantee FROM system.information_schema.table_privileges WHERE table_catalog = 'hr' AND table_name = 'employees' AND grantee LIKE '%@%' AND inherited_from = 'NONE'",
    );
    const reader = String(direct!.grantee);
    const r = await whoCanRead(h.admin.ws, 'hr.people.employees');
    expect(r.principals.map((p) => p.name)).not.toContain(reader);
    expect(r.principals.length).toBeGreaterThan(0);
  });

  it('lists what one person can read', async () => {
    const r = await whatCanRead(h.admin.ws, h.analyst.userName);
    expect(r.groups).toEqual(expect.arrayContaining(['security-analysts', 'users', 'account users']));
    const names = r.securables.map((s) => s.fullName);
    expect(names).toContain('system.access.audit');
    expect(names).toContain('main.default.web_orders');
    expect(names).not.toContain('hr.people.employees');
    expect(r.securables.find((s) => s.fullName === 'system.access.audit')!.via[0]).toMatchObject({
      grantee: 'security-analysts',
      groups: ['security-analysts'],
    });
  });

  it('refuses a group, and a table nobody can see', async () => {
    await expect(whatCanRead(h.admin.ws, 'analytics')).rejects.toBeInstanceOf(DomainError);
    await expect(whoCanRead(h.admin.ws, 'analytics.gold.nothing_here')).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('findings', () => {
  it('finds the seeded drift, each with the exact statement that fixes it', async () => {
    const r = await loadFindings(h.admin.ws, 90, { policyFile: null });
    const find = (code: string, principal: string, securable: string, privilege?: string) =>
      r.findings.find(
        (f) => f.code === code && f.principal === principal && f.securable === securable && (!privilege || f.privilege === privilege),
      );
    expect(find('broad_group_privileged', 'account users', 'sandbox', 'ALL PRIVILEGES')).toMatchObject({
      level: 'high',
      sql: 'REVOKE ALL PRIVILEGES ON CATALOG `sandbox` FROM `account users`',
    });
    expect(find('service_principal_all_privileges', sp['dbt-cloud-prod']!, 'analytics')?.level).toBe('high');
    expect(find('write_on_curated', sp['powerbi-gateway']!, 'analytics.gold', 'MODIFY')?.sql).toBe(
      `REVOKE MODIFY ON SCHEMA \`analytics\`.\`gold\` FROM \`${sp['powerbi-gateway']}\``,
    );
    expect(find('inactive_principal', sp['legacy-airflow']!, 'analytics.bronze', 'MODIFY')).toBeDefined();
    expect(r.findings.some((f) => f.code === 'grant_to_person')).toBe(true);
    expect(r.lineage).toEqual({ collected: true, days: 90 });
  });

  it('suggests revoking grants with no recorded use, and not those used daily', async () => {
    const r = await loadFindings(h.admin.ws, 90, { policyFile: null });
    const unused = r.findings.filter((f) => f.code === 'no_recorded_use');
    const has = (principal: string, securable: string, privilege: string) =>
      unused.some((f) => f.principal === principal && f.securable === securable && f.privilege === privilege);
    expect(has(sp['powerbi-gateway']!, 'analytics.gold', 'MODIFY')).toBe(true);
    expect(has(sp['powerbi-gateway']!, 'analytics.gold', 'SELECT')).toBe(false);
    expect(has(sp['legacy-airflow']!, 'analytics.bronze', 'MODIFY')).toBe(true);
    expect(has('data-engineering', 'analytics.bronze', 'SELECT')).toBe(false);
    const one = unused.find((f) => f.principal === sp['powerbi-gateway'] && f.privilege === 'MODIFY')!;
    expect(one.evidence).toEqual({ days: 90, lastUsed: null, lastUsedBy: null });
    expect(one.text).toMatch(/^No recorded write of schema analytics\.gold by powerbi-gateway in the last 90 days/);
  });

  it('judges drift against the shipped example policy', async () => {
    const r = await loadFindings(h.admin.ws, 90, { policyFile: EXAMPLE_POLICY });
    expect(r.policy).toMatchObject({ configured: true, file: 'grants.example.yaml', error: null, catalogs: ['analytics'] });
    const codes = (code: string) => r.findings.filter((f) => f.code === code);
    expect(codes('policy_excess')).toContainEqual(
      expect.objectContaining({ principal: 'data-engineering', securable: 'analytics.bronze', privilege: 'MANAGE' }),
    );
    expect(codes('policy_unmentioned')).toContainEqual(
      expect.objectContaining({ principal: 'bi-developers', securable: 'analytics.gold', privilege: 'ALL PRIVILEGES' }),
    );
    expect(codes('policy_missing')).toContainEqual(
      expect.objectContaining({
        principal: sp['hightouch-reverse-etl'],
        securable: 'analytics.gold',
        sql: `GRANT USE SCHEMA ON SCHEMA \`analytics\`.\`gold\` TO \`${sp['hightouch-reverse-etl']}\``,
      }),
    );
    // Grants outside the policy's catalogs are not compared.
    expect(r.findings.some((f) => f.code.startsWith('policy_') && f.securable?.startsWith('finance'))).toBe(false);
  });

  it('names the line of a malformed policy file and still reports the other findings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    const file = path.join(dir, 'grants.yaml');
    fs.writeFileSync(file, 'catalogs: [analytics]\nprincipals:\n  analytics:\n    analytics: [USE CATALOG, SELEKT]\n');
    const r = await loadFindings(h.admin.ws, 90, { policyFile: file });
    expect(r.policy.error).toEqual({ line: 4, message: '"SELEKT" is not a Unity Catalog privilege' });
    expect(r.findings.some((f) => f.code === 'broad_group_privileged')).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says lineage was not collected when it cannot be read, and that a non-admin sees part of the metastore', async () => {
    const engineer = h.sim.workspace.people.find(
      (p) => p.groups.includes('data-engineering') && !p.groups.some((g) => g.startsWith('security') || g === 'admins'),
    )!;
    const r = await loadFindings(await h.signIn(engineer.userName), 90, { policyFile: null });
    expect(r.lineage.collected).toBe(false);
    expect(r.findings.filter((f) => f.code === 'no_recorded_use')).toEqual([]);
    expect(r.findings.find((f) => f.code === 'lineage_not_collected')?.text).toMatch(/^Not collected: lineage unavailable/);
    expect(r.notices.map((n) => n.code)).toEqual(['partial_view']);
  });

  it('downloads the fix-up as SQL and as Terraform databricks_grant resources', async () => {
    const sql = await fixUpScript(h.admin.ws, { format: 'sql', days: 90, code: ['write_on_curated'] }, { policyFile: null });
    expect(sql.fileName).toMatch(/^brickwatch-grants-\d{4}-\d{2}-\d{2}\.sql$/);
    expect(sql.body).toContain(`REVOKE MODIFY ON SCHEMA \`analytics\`.\`gold\` FROM \`${sp['powerbi-gateway']}\`;`);
    expect(sql.body).not.toContain('ALL PRIVILEGES ON CATALOG `sandbox`');
    const tf = await fixUpScript(h.admin.ws, { format: 'terraform', days: 90, code: ['write_on_curated'] }, { policyFile: null });
    expect(tf.body).toContain('resource "databricks_grant"');
    expect(tf.body).not.toContain('databricks_grants');
    expect(tf.body).toMatch(
      new RegExp(`schema = "analytics.gold"\\n  principal = "${sp['powerbi-gateway']}"\\n  privileges = \\["SELECT", "USE_SCHEMA"\\]`),
    );
  });
});

describe('applying GRANT and REVOKE', () => {
  const change = {
    privileges: ['SELECT'],
    securableType: 'TABLE',
    securable: 'analytics.gold.claims_daily',
    principal: 'contractors',
  } as const;
  const contractorsGrants = async () =>
    (await h.rows(h.admin.ws, 'SHOW GRANTS `contractors` ON TABLE analytics.gold.claims_daily'))
      .filter((r) => r.objectKey === 'analytics.gold.claims_daily')
      .map((r) => r.actionType);

  it('answers the exact statement on a dry run without running it', async () => {
    const r = await applyGrantChange(h.admin.ctx, { action: 'GRANT', ...change, privileges: [...change.privileges], dryRun: true });
    expect(r).toEqual({
      sql: 'GRANT SELECT ON TABLE `analytics`.`gold`.`claims_daily` TO `contractors`',
      requestId: 'int-test',
      dryRun: true,
    });
    expect(await contractorsGrants()).toEqual([]);
  });

  it('grants, shows it in the matrix and SHOW GRANTS, revokes, and logs both with the statement', async () => {
    await loadMatrix(h.admin.ws, { catalog: 'analytics', schema: 'gold' });
    const granted = await applyGrantChange(h.admin.ctx, { action: 'GRANT', ...change, privileges: [...change.privileges] });
    expect(granted.sql).toBe('GRANT SELECT ON TABLE `analytics`.`gold`.`claims_daily` TO `contractors`');
    expect(await contractorsGrants()).toEqual(['SELECT']);
    const matrix = await loadMatrix(h.admin.ws, { catalog: 'analytics', schema: 'gold' });
    expect(matrix.grants).toContainEqual({
      principal: 'contractors',
      securable: 'analytics.gold.claims_daily',
      privilege: 'SELECT',
      inheritedFrom: null,
    });
    const detail = await securableDetail(h.admin.ws, 'TABLE', 'analytics.gold.claims_daily');
    expect(detail.owner).toBe('data-platform');
    expect(detail.grants).toContainEqual({
      principal: 'contractors',
      privilege: 'SELECT',
      objectType: 'TABLE',
      objectKey: 'analytics.gold.claims_daily',
    });

    const revoked = await applyGrantChange(h.admin.ctx, { action: 'REVOKE', ...change, privileges: [...change.privileges] });
    expect(revoked.sql).toBe('REVOKE SELECT ON TABLE `analytics`.`gold`.`claims_daily` FROM `contractors`');
    expect(await contractorsGrants()).toEqual([]);
    const actions = await listActions(h.db, { target: 'table:analytics.gold.claims_daily' });
    expect(actions.map((a) => [a.action, a.outcome, a.detail?.sql])).toEqual([
      ['grants.revoke', 'success', revoked.sql],
      ['grants.grant', 'success', granted.sql],
    ]);
  });

  it('refuses dangerous names and privileges the type cannot carry before anything runs, and logs the refusal', async () => {
    await expect(
      applyGrantChange(h.admin.ctx, { action: 'GRANT', ...change, privileges: ['SELECT'], principal: 'x` TO `users`; --' }),
    ).rejects.toBeInstanceOf(InvalidIdentifierError);
    await expect(
      applyGrantChange(h.admin.ctx, { action: 'GRANT', ...change, privileges: ['SELECT'], securable: 'analytics.gold' }),
    ).rejects.toBeInstanceOf(InvalidIdentifierError);
    await expect(applyGrantChange(h.admin.ctx, { action: 'GRANT', ...change, privileges: ['USE CATALOG'] })).rejects.toMatchObject({
      code: 'PRIVILEGE_NOT_GRANTABLE',
    });
    const failures = await listActions(h.db, { outcome: 'failure', action: 'grants.' });
    expect(failures.length).toBeGreaterThanOrEqual(3);
  });

  it('passes on what Databricks refuses: an unknown principal, a non-admin changing grants', async () => {
    await expect(
      applyGrantChange(h.admin.ctx, { action: 'GRANT', ...change, privileges: ['SELECT'], principal: 'nobody-here' }),
    ).rejects.toMatchObject({
      code: 'PRINCIPAL_DOES_NOT_EXIST',
    });
    const ctx = { ...h.admin.ctx, ws: h.analyst.ws };
    await expect(applyGrantChange(ctx, { action: 'GRANT', ...change, privileges: ['SELECT'] })).rejects.toMatchObject({ status: 403 });
    expect(await contractorsGrants()).toEqual([]);
  });
});
