// The weekly report against the seeded simulator with the real SQL driver: every counted figure is checked against a
// count this test makes independently — plain SQL that lists what happened, classified here with the TypeScript
// category rules instead of the report's SQL fragments — and a failed query leaves its figures missing, never zero.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { categorizeEvent } from '@/lib/audit/rules/categories';
import { AUDIT_TABLE, auditStatement, countField, runAudit, textField, timeField } from '@/lib/audit/server/sql';
import { DatabricksError } from '@/lib/databricks/errors';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { startAuditHarness, type AuditHarness } from '@/testing/audit-harness';
import type { Figure } from '../contract';
import { lastCompleteWeek, shiftWeek, weekWindow } from '../rules/week';
import { generateReport, type ReportDraft } from './generate';

let h: AuditHarness;
let report: ReportDraft;
let own: string;
const week = lastCompleteWeek(new Date(), 'UTC');
const cur = weekWindow(week, 'UTC');
const prev = weekWindow(shiftWeek(week, -1), 'UTC');

beforeAll(async () => {
  h = await startAuditHarness();
  own = h.sim.workspace.servicePrincipal.clientId;
  report = await generateReport(h.admin, {
    week,
    timeZone: 'UTC',
    trigger: 'on_demand',
    generatedBy: 'test',
    ownIdentity: own,
    db: h.store.db,
  });
}, 120_000);
afterAll(async () => h?.stop());

const fig = (r: ReportDraft, key: string): Figure => {
  const f = r.figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
};

/** Plain SQL, no shared fragments: what happened in both weeks, grouped finely enough to count anything from. */
async function happenings(ws: Workspace) {
  const row = z.object({
    wk: z.string(),
    service: z.string(),
    action: z.string(),
    status: z.coerce.number().nullable(),
    email: textField,
    no_expiry: z.boolean(),
    ip: textField,
    events: countField,
  });
  const { rows } = await runAudit(
    ws,
    auditStatement({
      name: 'test.happenings',
      sql: `SELECT CASE WHEN event_time >= :cur_from THEN 'current' ELSE 'previous' END AS wk,
  service_name AS service, action_name AS action, response.status_code AS status, user_identity.email AS email,
  (request_params['tokenExpirationTime'] IS NULL OR try_cast(request_params['tokenExpirationTime'] AS BIGINT) <= 0) AS no_expiry,
  CASE WHEN response.status_code >= 400 THEN source_ip_address END AS ip,
  count(*) AS events
FROM ${AUDIT_TABLE}
WHERE event_date >= CAST(:from_date AS DATE) AND event_date <= CAST(:to_date AS DATE) AND event_time >= :from AND event_time < :to
GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      row,
      params: {
        cur_from: cur.from,
        from: prev.from,
        to: cur.to,
        from_date: prev.from.toISOString().slice(0, 10),
        to_date: cur.to.toISOString().slice(0, 10),
      },
      maxRows: 200_000,
    }),
  );
  expect(rows.length).toBeGreaterThan(50);
  return rows;
}

describe('the weekly report over the seeded audit log', () => {
  it('counts every figure as an independent count of the same events does, for both weeks', async () => {
    const rows = await happenings(h.admin);
    const ok = (s: number | null) => s === null || s < 400;
    const count = (wk: string, test: (r: (typeof rows)[number]) => boolean) =>
      rows.filter((r) => r.wk === wk && test(r)).reduce((n, r) => n + r.events, 0);
    const addresses = (wk: string) =>
      new Set(
        rows
          .filter((r) => r.wk === wk && !ok(r.status) && categorizeEvent(r.service, r.action) === 'signin')
          .map((r) => (r.ip && /\..*:/.test(r.ip) ? r.ip.split(':')[0] : r.ip)),
      ).size;
    const expected: Record<string, (r: (typeof rows)[number]) => boolean> = {
      permission_changes: (r) => ok(r.status) && categorizeEvent(r.service, r.action) === 'permissions',
      failed_signins: (r) => !ok(r.status) && categorizeEvent(r.service, r.action) === 'signin',
      tokens_created: (r) => ok(r.status) && r.service === 'accounts' && r.action === 'generateDbToken',
      tokens_without_expiry: (r) => ok(r.status) && r.service === 'accounts' && r.action === 'generateDbToken' && r.no_expiry,
      tokens_revoked: (r) => ok(r.status) && r.service === 'accounts' && r.action === 'revokeDbToken',
      secret_reads: (r) => ok(r.status) && r.service === 'secrets' && r.action === 'getSecret' && r.email !== own,
      secret_changes: (r) =>
        ok(r.status) &&
        r.service === 'secrets' &&
        ['createScope', 'deleteScope', 'putSecret', 'deleteSecret', 'putAcl', 'deleteAcl'].includes(r.action),
      admin_membership_changes: (r) =>
        ok(r.status) && r.service === 'accounts' && ['setAdmin', 'setAccountAdmin', 'removeAdmin'].includes(r.action),
    };
    for (const [key, test] of Object.entries(expected)) {
      expect({ key, value: fig(report, key).value, previous: fig(report, key).previous }).toEqual({
        key,
        value: count('current', test),
        previous: count('previous', test),
      });
    }
    expect([fig(report, 'failing_ips').value, fig(report, 'failing_ips').previous]).toEqual([addresses('current'), addresses('previous')]);
    // By kind: one figure per service, adding up to the total.
    const kinds = report.figures.filter((f) => f.key.startsWith('permission_changes.'));
    expect(kinds.length).toBeGreaterThan(1);
    expect(kinds.reduce((n, f) => n + f.value!, 0)).toBe(fig(report, 'permission_changes').value);
    expect(kinds.reduce((n, f) => n + f.previous!, 0)).toBe(fig(report, 'permission_changes').previous);
    // The seeded estate is a busy workspace: these are not all quiet.
    for (const key of ['permission_changes', 'failed_signins', 'tokens_created', 'secret_reads'])
      expect(fig(report, key).value, key).toBeGreaterThan(0);
  });

  it('counts tokens expiring next week from creations a year back, less those revoked by the end of the week', async () => {
    const row = z.object({ action: z.string(), at: timeField, hash: z.string(), exp: z.string().nullable() });
    const lookback = new Date(cur.to.getTime() - 365 * 86_400_000);
    const { rows } = await runAudit(
      h.admin,
      auditStatement({
        name: 'test.tokenLife',
        sql: `SELECT action_name AS action, event_time AS at, request_params['tokenHash'] AS hash, request_params['tokenExpirationTime'] AS exp
FROM ${AUDIT_TABLE}
WHERE event_date >= CAST(:from_date AS DATE) AND event_time < :to AND service_name = 'accounts'
  AND action_name IN ('generateDbToken', 'revokeDbToken') AND (response.status_code IS NULL OR response.status_code < 400)
  AND request_params['tokenHash'] IS NOT NULL`,
        row,
        params: { from_date: lookback.toISOString().slice(0, 10), to: cur.to },
        maxRows: 100_000,
      }),
    );
    const tokens = new Map<string, { created?: number; exp?: number; revoked?: number }>();
    for (const r of rows) {
      const t = tokens.get(r.hash) ?? {};
      if (r.action === 'generateDbToken') Object.assign(t, { created: r.at.getTime(), exp: Number(r.exp ?? 0) });
      else t.revoked = Math.min(t.revoked ?? Infinity, r.at.getTime());
      tokens.set(r.hash, t);
    }
    const expiringAfter = (end: number) =>
      [...tokens.values()].filter(
        (t) =>
          t.created !== undefined &&
          t.created < end &&
          t.exp! >= end &&
          t.exp! < end + 7 * 86_400_000 &&
          !(t.revoked !== undefined && t.revoked < end),
      ).length;
    expect(fig(report, 'tokens_expiring_next_week')).toMatchObject({
      value: expiringAfter(cur.to.getTime()),
      previous: expiringAfter(cur.from.getTime()),
      status: 'ok',
    });
  });

  it('records the exact window, the query versions and who generated it, and says posture was not collected', () => {
    expect(report.window).toEqual({ from: cur.from.toISOString(), to: cur.to.toISOString() });
    expect(report.previousWindow).toEqual({ from: prev.from.toISOString(), to: prev.to.toISOString() });
    expect(Object.keys(report.queryVersions).sort()).toEqual(
      [
        'audit.failedAuth.hourly',
        'reports.activeActors',
        'reports.bulkRevocations',
        'reports.notableCandidates',
        'reports.permissionKinds',
        'reports.summary',
        'reports.tokensExpiring',
      ].sort(),
    );
    for (const v of Object.values(report.queryVersions)) expect(v).toMatch(/^[0-9a-f]{12}$/);
    expect(fig(report, 'posture_score')).toMatchObject({
      status: 'not_collected',
      value: null,
      reason: 'no posture snapshot with a score was taken that week',
    });
    expect(report.actors.length).toBeGreaterThan(0);
    expect(report.sentences.length).toBeGreaterThan(3);
    expect(report.notable.length).toBeLessThanOrEqual(10);
  });

  it('leaves the figures of a failed query missing with the reason, and counts the rest', async () => {
    const failing: Workspace = {
      ...h.admin,
      sql: {
        ...h.admin.sql,
        query: ((q, p) =>
          q.name === 'reports.summary'
            ? Promise.reject(new DatabricksError(503, 'TEMPORARILY_UNAVAILABLE', 'The warehouse is starting'))
            : h.admin.sql.query(q, p)) as Workspace['sql']['query'],
      } as Workspace['sql'],
    };
    const partial = await generateReport(failing, {
      week,
      timeZone: 'UTC',
      trigger: 'on_demand',
      generatedBy: 'test',
      ownIdentity: own,
      db: h.store.db,
    });
    for (const key of ['permission_changes', 'failed_signins', 'secret_reads']) {
      expect(fig(partial, key)).toMatchObject({
        value: null,
        previous: null,
        status: 'missing',
        reason: 'the SQL warehouse answered TEMPORARILY_UNAVAILABLE: The warehouse is starting',
      });
    }
    expect(fig(partial, 'signin_spikes').status).toBe('ok');
    expect(partial.sentences).toContain(
      'Failed sign-ins could not be counted this time: the SQL warehouse answered TEMPORARILY_UNAVAILABLE: The warehouse is starting.',
    );
  });
});
