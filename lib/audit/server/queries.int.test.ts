// Every audit query through the simulator's SQL endpoint with the real driver, asserting the seeded 90-day history:
// the category CASE agrees with the TypeScript rules on every pair in the log, totals match an independent count,
// the failed-login bursts surface as top IPs and spikes, keyset pages neither skip nor repeat, exports are capped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SEED_IPS } from '@/simulator/seed/settings';
import { AUDIT_CATEGORY_IDS, categorizeEvent } from '@/lib/audit/rules/categories';
import { auditQuerySchema, type AuditQuery } from '@/lib/audit/contract';
import { resolveWindow } from '@/lib/audit/rules/range';
import { loadSecretActivity, loadTokenActivity } from './activity';
import { exportRows, loadEventDetail, loadExplorerPage } from './explorer';
import { loadFailedAuth } from './failed-auth';
import { loadConfigChanges, loadPermissionChanges } from './feeds';
import { AUDIT_TABLE, auditStatement, auditWhere, CATEGORY_COLUMN, CATEGORY_SQL, categoryPredicate, countField, runAudit } from './sql';
import { startAuditHarness, type AuditHarness } from '@/testing/audit-harness';
import { loadTimeline } from './timeline';
import { decodeEventKey } from '@/lib/audit/rules/cursor';

let h: AuditHarness;
beforeAll(async () => {
  h = await startAuditHarness();
});
afterAll(async () => h?.stop());

const q = (input: Record<string, string>): AuditQuery => auditQuerySchema.parse(input);

describe('the category expression', () => {
  it('puts every (service, action) pair of the 90-day log where categorizeEvent does', async () => {
    const where = auditWhere(resolveWindow({ range: '90d' }, new Date()), {});
    const pairs = await runAudit(
      h.analyst,
      auditStatement({
        name: 'test.categories',
        sql: `SELECT service_name, action_name, ${CATEGORY_COLUMN}, count(*) AS events FROM ${AUDIT_TABLE} ${where.sql} GROUP BY 1, 2, 3`,
        row: z.object({ service_name: z.string(), action_name: z.string(), category: z.string(), events: countField }),
        params: where.params,
        maxRows: 2_000,
      }),
    );
    expect(pairs.rows.length).toBeGreaterThan(20);
    for (const p of pairs.rows)
      expect(p.category, `${p.service_name}.${p.action_name}`).toBe(categorizeEvent(p.service_name, p.action_name));
    const categories = new Set(pairs.rows.map((p) => p.category));
    for (const c of ['signin', 'tokens', 'secrets', 'permissions', 'config']) expect(categories).toContain(c);
  });

  it('selects with each category filter exactly the rows the CASE expression puts in that category', async () => {
    const where = auditWhere(resolveWindow({ range: '90d' }, new Date()), {});
    const counts = AUDIT_CATEGORY_IDS.map(
      (c) => `count_if(${categoryPredicate(c)}) AS by_filter_${c}, count_if((${CATEGORY_SQL}) = '${c}') AS by_case_${c}`,
    );
    const row = (
      await runAudit(
        h.analyst,
        auditStatement({
          name: 'test.predicates',
          sql: `SELECT ${counts.join(',\n')} FROM ${AUDIT_TABLE} ${where.sql}`,
          row: z.record(z.string(), countField),
          params: where.params,
          maxRows: 1,
        }),
      )
    ).rows[0]!;
    for (const c of AUDIT_CATEGORY_IDS) expect(row[`by_filter_${c}`], c).toBe(row[`by_case_${c}`]);
    expect(row.by_case_signin).toBeGreaterThan(0);
  });
});

describe('timeline', () => {
  it('matches an independent count of the window, bucket by bucket in total', async () => {
    const view = q({ range: '7d' });
    const t = await loadTimeline(h.analyst, view, new Date());
    expect(t.axis.count).toBe(169);
    for (const s of t.series) expect(s.counts).toHaveLength(169);
    const where = auditWhere({ from: new Date(t.window.from), to: new Date(t.window.to) }, {});
    const total = await runAudit(
      h.analyst,
      auditStatement({
        name: 'test.count',
        sql: `SELECT count(*) AS n FROM ${AUDIT_TABLE} ${where.sql}`,
        row: z.object({ n: countField }),
        params: where.params,
        maxRows: 1,
      }),
    );
    expect(t.total).toBe(total.rows[0]!.n);
    expect(t.total).toBeGreaterThan(100);
    expect(t.latestEvent).not.toBeNull();
  });

  it('uses 91 daily buckets over 90 days and honours filters', async () => {
    const all = await loadTimeline(h.analyst, q({ range: '90d' }), new Date());
    expect(all.axis).toMatchObject({ size: 86_400_000, count: 91 });
    const failures = await loadTimeline(h.analyst, q({ range: '90d', category: 'signin', outcome: 'failure' }), new Date());
    expect(failures.total).toBeGreaterThan(0);
    expect(failures.total).toBeLessThan(all.total);
    expect(failures.series.filter((s) => s.total > 0).map((s) => s.category)).toEqual(['signin']);
  });
});

describe('failed authentication', () => {
  it('shows the seeded burst sources among the top IPs and marks spikes in the last 7 days', async () => {
    const f = await loadFailedAuth(h.analyst, q({ range: '7d' }), new Date());
    expect(f.total).toBeGreaterThan(0);
    const top = f.topIps.map((r) => r.ip);
    expect(top.some((ip) => SEED_IPS.attackers.includes(ip))).toBe(true);
    expect(f.topIps[0]!.failures).toBeGreaterThanOrEqual(f.topIps.at(-1)!.failures);
    expect(f.topAccounts.length).toBeGreaterThan(0);
    expect(f.hourly.counts).toHaveLength(169);
    expect(f.hourly.counts.reduce((a, b) => a + b, 0)).toBe(f.total);
    expect(f.spikes.length).toBeGreaterThan(0);
    for (const s of f.spikes) expect(s.count).toBeGreaterThanOrEqual(s.threshold);
  });

  it('narrows to one source IP', async () => {
    const ip = SEED_IPS.attackers[0]!;
    const f = await loadFailedAuth(h.analyst, q({ range: '90d', ip }), new Date());
    expect(f.topIps.every((r) => r.ip === ip)).toBe(true);
  });
});

describe('feeds', () => {
  it('permission changes name who changed what on which object', async () => {
    const p = await loadPermissionChanges(h.analyst, q({ range: '90d' }), new Date(), h.store);
    expect(p.events.length).toBeGreaterThan(0);
    for (const e of p.events) expect(categorizeEvent(e.service, e.action)).toBe('permissions');
    expect(p.events.some((e) => e.action === 'updatePermissions' && /^(grant|revoke) /.test(e.change))).toBe(true);
    expect(p.events.every((e) => e.object.length > 0 && e.change.length > 0)).toBe(true);
  });

  it('token lifecycle counts creations with their lifetimes', async () => {
    const t = await loadTokenActivity(h.analyst, q({ range: '90d' }), new Date(), h.store);
    expect(t.created.total).toBeGreaterThan(0);
    expect(t.created.noExpiry + t.created.longLived).toBeLessThanOrEqual(t.created.total);
    expect(t.events.some((e) => e.action === 'generateDbToken')).toBe(true);
  });

  it('secret activity has readers per scope and the writes', async () => {
    const s = await loadSecretActivity(h.analyst, q({ range: '90d' }), new Date(), h.store);
    expect(s.actions.find((a) => a.action === 'getSecret')?.events).toBeGreaterThan(0);
    expect(s.readers[0]!.scope).toBeTruthy();
    expect(s.events.every((e) => e.action !== 'getSecret')).toBe(true);
  });

  it('configuration changes include workspace-conf edits', async () => {
    const c = await loadConfigChanges(h.analyst, q({ range: '90d' }), new Date(), h.store);
    expect(c.events.some((e) => e.action === 'workspaceConfEdit' && e.change.includes('='))).toBe(true);
  });
});

describe('explorer', () => {
  it('pages by keyset without skipping or repeating, newest first', async () => {
    const view = q({ range: '7d' });
    const now = new Date();
    const first = await loadExplorerPage(h.analyst, view, null, now, h.store);
    expect(first.events).toHaveLength(100);
    expect(first.nextCursor).not.toBeNull();
    const second = await loadExplorerPage(h.analyst, view, decodeEventKey(first.nextCursor!), now, h.store);
    const keys = [...first.events, ...second.events].map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    const order = [...first.events, ...second.events].map((e) => decodeEventKey(e.key));
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      expect(a.micros > b.micros || (a.micros === b.micros && a.eventId > b.eventId)).toBe(true);
    }
  });

  it('opens one event in full', async () => {
    const page = await loadExplorerPage(h.analyst, q({ range: '24h', category: 'signin', outcome: 'failure' }), null, new Date(), h.store);
    const key = page.events[0]!.key;
    const detail = await loadEventDetail(h.analyst, decodeEventKey(key), h.store);
    expect(detail).toMatchObject({ key, category: 'signin' });
    expect(detail!.response?.status_code).toBeGreaterThanOrEqual(400);
    expect(typeof detail!.request_params).toBe('object');
    expect(await loadEventDetail(h.analyst, { ...decodeEventKey(key), eventId: 'no-such-event' }, h.store)).toBeNull();
  });

  it('exports newest first and says when it stopped at the cap', async () => {
    const rows = [];
    for await (const r of exportRows(h.analyst, q({ range: '90d' }), new Date(), 120)) rows.push(r);
    expect(rows).toHaveLength(121);
    expect(rows.at(-1)).toEqual({ capped: true });
    const times = rows.slice(0, 120).map((r) => (Array.isArray(r) ? String(r[0]) : ''));
    expect([...times].sort().reverse()).toEqual(times);
  });
});
