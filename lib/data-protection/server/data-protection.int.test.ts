// Data protection against a started simulator with the real SQL driver (user identity mode): the sensitive columns and
// who reads them raw, then SET MASK and SET ROW FILTER applied through the app and checked by querying the table as a
// member of the allowed group (raw values) and as someone else (masked or filtered).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActions } from '@/lib/store/action-log';
import { loadPrincipals } from '@/lib/principals/server/load';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { startGrantsHarness, type GrantsHarness } from '@/testing/grants-harness';
import { dropRowFilter, maskColumn, setRowFilter, unmaskColumn } from './actions';
import { loadColumns } from './columns';

const SCHEMA = 'main.governance';
let h: GrantsHarness;
let claims: Workspace; // a member of claims-analytics
let priya: Workspace; // security-analysts only: reads gold through account users
let platform: Workspace; // data-platform: region_filter lets it see every row

beforeAll(async () => {
  h = await startGrantsHarness();
  const index = await loadPrincipals(h.admin.ws);
  const member = index.members('claims-analytics').find((m) => m.principal.status === 'active' && m.principal.kind === 'user')!;
  claims = await h.signIn(member.principal.name);
  priya = h.analyst.ws;
  platform = await h.signIn(h.sim.workspace.people.find((p) => p.groups.includes('data-platform'))!.userName);
});
afterAll(async () => h?.stop());

const column = (r: Awaited<ReturnType<typeof loadColumns>>, table: string, name: string) =>
  r.columns.find((c) => c.table === table && c.column === name);

describe('sensitive columns', () => {
  it('finds them by name and tag, not the near misses, with masks, filters and who reads them raw', async () => {
    const r = await loadColumns(h.admin.ws, {}, SCHEMA);
    expect(r.statements).toBe(5);
    expect(r.maskSchema).toBe(SCHEMA);
    expect(r.columns.some((c) => c.table === 'analytics.gold.marketing_engagement')).toBe(false);
    expect(column(r, 'analytics.gold.customer_360', 'email')).toMatchObject({
      kind: 'email',
      sources: ['name', 'tag'],
      masked: false,
      maskFunction: null,
      rowFilter: null,
    });
    const masked = column(r, 'analytics.silver.customers', 'email')!;
    expect(masked).toMatchObject({ masked: true, maskFunction: 'main.governance.mask_email', exposureNote: null });
    expect(masked.unmaskedReaders!.length).toBeGreaterThan(0);
    expect(masked.unmaskedReaders!.length).toBeLessThan(masked.readers);
    expect(column(r, 'analytics.silver.claims', 'adjuster_email')?.rowFilter).toEqual({
      function: 'main.governance.region_filter',
      columns: ['region'],
    });
    // Unprotected columns come first.
    expect(r.columns.findIndex((c) => c.masked)).toBeGreaterThan(r.columns.findLastIndex((c) => !c.masked));
    expect(r.coverage.sensitive).toBe(r.columns.length);
    expect(r.coverage.masked).toBe(r.columns.filter((c) => c.masked).length);
  });

  it('reads a mask body its owner alone sees in routines through the functions API', async () => {
    const r = await loadColumns(h.admin.ws, {}, SCHEMA);
    const salary = r.functions.find((f) => f.name === 'main.governance.mask_salary')!;
    expect(salary.owner).not.toBe('admins');
    expect(salary.body).toContain('is_account_group_member');
    expect(salary.raw?.rawFor).toBe('members');
    expect(salary.usedBy.map((u) => u.table)).toContain('hr.people.compensation');
  });
});

describe('masking a column', () => {
  const target = { table: 'analytics.gold.customer_360', column: 'email', allowedGroup: 'claims-analytics' };
  const emails = async (ws: Workspace) =>
    (await h.rows(ws, 'SELECT email FROM analytics.gold.customer_360 ORDER BY customer_id LIMIT 5')).map((r) => String(r.email));

  it('proposes a new type-appropriate function and the SET MASK, exactly as it would run them', async () => {
    const r = await maskColumn(h.admin.ctx, { ...target, dryRun: true }, SCHEMA);
    expect(r.dryRun).toBe(true);
    expect(r.function).toEqual({ name: 'main.governance.mask_email_claims_analytics', created: true });
    expect(r.sql).toEqual([
      [
        'CREATE FUNCTION `main`.`governance`.`mask_email_claims_analytics`(value STRING)',
        'RETURNS STRING',
        "COMMENT 'Brickwatch: email address in the clear for members of claims-analytics only'",
        "RETURN CASE WHEN is_account_group_member('claims-analytics') THEN value ELSE CASE WHEN instr(value, '@') > 0 THEN concat('***', substring(value, instr(value, '@'))) ELSE '***' END END",
      ].join('\n'),
      'ALTER TABLE `analytics`.`gold`.`customer_360` ALTER COLUMN `email` SET MASK `main`.`governance`.`mask_email_claims_analytics`',
    ]);
    expect((await emails(priya)).every((e) => !e.startsWith('***'))).toBe(true);
  });

  it('applies it: members of the group read raw values, others masked ones; coverage goes up', async () => {
    const before = await loadColumns(h.admin.ws, {}, SCHEMA);
    const raw = await emails(claims);
    await maskColumn(h.admin.ctx, target, SCHEMA);
    expect(await emails(claims)).toEqual(raw);
    const masked = await emails(priya);
    expect(masked.every((e) => /^\*\*\*@/.test(e))).toBe(true);
    expect(masked.map((e) => e.slice(e.indexOf('@')))).toEqual(raw.map((e) => e.slice(e.indexOf('@'))));
    const after = await loadColumns(h.admin.ws, {}, SCHEMA);
    expect(after.coverage.masked).toBe(before.coverage.masked + 1);
    const col = column(after, target.table, target.column)!;
    expect(col.maskFunction).toBe('main.governance.mask_email_claims_analytics');
    const members = new Set((await loadPrincipals(h.admin.ws)).members('claims-analytics').map((m) => m.principal.name));
    expect(col.unmaskedReaders!.every((n) => members.has(n))).toBe(true);
    const logged = await listActions(h.db, { target: 'column:analytics.gold.customer_360.email' });
    expect(logged[0]).toMatchObject({ action: 'data-protection.mask', outcome: 'success' });
  });

  it('reuses a function that fits instead of creating another', async () => {
    const again = await maskColumn(
      h.admin.ctx,
      { table: 'analytics.gold.customer_360', column: 'full_name', allowedGroup: 'claims-analytics', dryRun: true },
      SCHEMA,
    );
    expect(again.function).toEqual({ name: 'main.governance.mask_name', created: true });
    const card = await maskColumn(
      h.admin.ctx,
      { table: 'analytics.bronze.raw_payments', column: 'card_number', allowedGroup: 'finance-analysts', dryRun: true },
      SCHEMA,
    );
    expect(card.function).toEqual({ name: 'main.governance.mask_card', created: false });
    expect(card.sql).toEqual([
      'ALTER TABLE `analytics`.`bronze`.`raw_payments` ALTER COLUMN `card_number` SET MASK `main`.`governance`.`mask_card`',
    ]);
    const email = await maskColumn(
      h.admin.ctx,
      { table: 'hr.recruiting.candidates', column: 'email', allowedGroup: 'claims-analytics', dryRun: true },
      SCHEMA,
    );
    expect(email.function).toEqual({ name: 'main.governance.mask_email_claims_analytics', created: false });
  });

  it('refuses a column that is already masked, a group that does not exist, and a dangerous name', async () => {
    await expect(maskColumn(h.admin.ctx, target, SCHEMA)).rejects.toMatchObject({ code: 'ALREADY_MASKED' });
    await expect(maskColumn(h.admin.ctx, { ...target, column: 'full_name', allowedGroup: 'no-such-group' }, SCHEMA)).rejects.toMatchObject({
      code: 'NOT_A_GROUP',
    });
    await expect(maskColumn(h.admin.ctx, { ...target, table: 'analytics.gold.x`; DROP' }, SCHEMA)).rejects.toThrow();
  });

  it('removes the mask again', async () => {
    const r = await unmaskColumn(h.admin.ctx, { table: target.table, column: target.column });
    expect(r.sql).toEqual(['ALTER TABLE `analytics`.`gold`.`customer_360` ALTER COLUMN `email` DROP MASK']);
    expect((await emails(priya)).every((e) => !e.startsWith('***'))).toBe(true);
  });
});

describe('row filters', () => {
  const table = 'analytics.gold.premium_by_region';
  const regions = async (ws: Workspace) =>
    (await h.rows(ws, `SELECT DISTINCT region FROM ${table} ORDER BY region`)).map((r) => String(r.region));

  it('sets a filter: members of the allowed groups see every row, others only theirs; then drops it', async () => {
    const all = await regions(priya);
    expect(all).toEqual(['APAC', 'EU-Central', 'US-East', 'US-West']);
    const set = await setRowFilter(h.admin.ctx, { table, function: 'main.governance.region_filter', columns: ['region'] });
    expect(set.sql).toEqual([
      'ALTER TABLE `analytics`.`gold`.`premium_by_region` SET ROW FILTER `main`.`governance`.`region_filter` ON (`region`)',
    ]);
    expect(await regions(priya)).toEqual(['US-East', 'US-West']);
    expect(await regions(platform)).toEqual(all);
    const cols = await loadColumns(h.admin.ws, {}, SCHEMA);
    expect(cols.functions.find((f) => f.name === 'main.governance.region_filter')!.usedBy).toContainEqual({ table, column: null });
    const dropped = await dropRowFilter(h.admin.ctx, { table });
    expect(dropped.sql).toEqual(['ALTER TABLE `analytics`.`gold`.`premium_by_region` DROP ROW FILTER']);
    expect(await regions(priya)).toEqual(all);
    const log = await listActions(h.db, { target: `table:${table}` });
    expect(log.map((a) => a.action)).toEqual(['data-protection.row-filter.drop', 'data-protection.row-filter.set']);
  });

  it('passes on what Databricks refuses (a function that does not exist), logged as a failure', async () => {
    await expect(setRowFilter(h.admin.ctx, { table, function: 'main.governance.nothing', columns: ['region'] })).rejects.toThrow();
    const [last] = await listActions(h.db, { target: `table:${table}` });
    expect(last).toMatchObject({ outcome: 'failure' });
    expect(await regions(priya)).toEqual(['APAC', 'EU-Central', 'US-East', 'US-West']);
  });
});
