// GET /api/posture's answer (evaluatePosture) against a started simulator, with the real SQL driver: score, coverage,
// the checks fed by the Secrets, Grants, Data protection and code scan areas judged live (their evidence checked
// against what the simulator itself holds, read over the wire as its admin), the weekly review from the app's store;
// a fault on one upstream at a time costs the checks that read it, and is never a pass; an accepted finding changes
// the status and the score as the issue specifies. Then the snapshots: the day's is taken once per identity and day
// (claimPeriod), an admin's evaluation is a trend point and an action, and an exception that ran out brings its
// finding back and is logged as expired exactly once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { listAllClusters } from '@/lib/databricks/api/clusters';
import { clustersOfJob, listJobs } from '@/lib/databricks/api/jobs';
import { listAcls, listScopes } from '@/lib/databricks/api/secrets';
import { defineQuery } from '@/lib/databricks/sql-client';
import { scanFinished, startScan } from '@/lib/code-scan/server/run';
import { plantedNotebookSecrets } from '@/simulator/seed/notebook-secrets';
import { scorePosture } from '@/lib/posture/rules/score';
import { CHECK_IDS, type CheckId } from '@/lib/posture/rules/types';
import type { Posture } from '@/lib/posture/contract';
import { startHarness, type Harness } from '@/testing/tokens-harness';
import { listActions } from '@/lib/store/action-log';
import { listSnapshots } from '@/lib/store/posture-snapshots';
import { createPostureException } from './exceptions';
import { evaluatePosture } from './evaluate';
import { evaluateNow, snapshotIfDue } from './snapshots';

let h: Harness;
let baseline: Posture;
// The app reads its configuration through getConfig() (the grants policy, the mask schema): here, the harness's.
vi.mock('@/lib/config', async (original) => ({ ...(await original<typeof import('@/lib/config')>()), getConfig: () => h.config }));
beforeAll(async () => {
  h = await startHarness();
  baseline = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db })).view;
}, 60_000);
afterAll(async () => h?.stop());

/** Checks whose input is not Databricks' answer: the code scan (none has run yet). */
const NOT_LIVE: CheckId[] = ['code-credentials'];
const status = (p: Posture, id: CheckId) => p.checks.find((c) => c.id === id)!;
const evidenceOf = (p: Posture, id: CheckId) => {
  const c = status(p, id);
  expect(c.status, `${id}: ${c.reason}`).toBe('fail');
  return c.evidence;
};
const sql = async (text: string) =>
  (await h.admin.ws.sql.query(defineQuery({ name: 'test.truth', sql: text, row: z.record(z.string(), z.unknown()) }))).rows;

describe('the posture as a workspace admin', () => {
  it('answers every check, with the score and coverage of its statuses', () => {
    expect(baseline.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    const { score, coverage, accepted } = scorePosture(baseline.checks);
    expect(baseline.score).toBe(score);
    expect(baseline.coverage).toEqual(coverage);
    expect(baseline.accepted).toBe(accepted);
    expect(baseline.coverage.total).toBe(CHECK_IDS.length);
    expect(baseline.coverage.measured).toBe(baseline.checks.filter((c) => c.status !== 'not_collected').length);
  });

  it('judges the weekly review from the store (no report there yet: fail), and says "not collected" for the code scan before a first scan', () => {
    expect(status(baseline, 'weekly-review')).toMatchObject({ status: 'fail' });
    expect(status(baseline, 'code-credentials')).toMatchObject({
      status: 'not_collected',
      reason: 'No code scan has completed yet.',
      needs: expect.stringMatching(/Credentials in code page/),
    });
    expect(baseline.coverage.measured).toBe(CHECK_IDS.length - NOT_LIVE.length);
  });

  it('judges the live checks of the seeded estate, failing ones with linked evidence', () => {
    const live = baseline.checks.filter((c) => !NOT_LIVE.includes(c.id));
    for (const c of live) expect(['pass', 'fail'], `${c.id}: ${c.reason}`).toContain(c.status);
    const failing = live.filter((c) => c.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const c of failing) {
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
      expect(c.fix.href, c.id).toMatch(c.fix.external ? /^https?:\/\// : /^\//);
    }
  });
});

describe("the areas' checks, against what the simulator holds", () => {
  it('3: every plain credential in a cluster or job setting, and nothing that is a secret reference', async () => {
    const credential = /PASSWORD|SECRET|TOKEN|^fs\.azure\.account\.key\./;
    const plain = (kind: string, id: string, spec: { spark_env_vars: Record<string, string>; spark_conf: Record<string, string> }) =>
      Object.entries({ ...spec.spark_env_vars, ...spec.spark_conf })
        .filter(([name, value]) => credential.test(name) && !value.startsWith('{{secrets/'))
        .map(([name]) => `${kind}:${id}:${name}`);
    const [clusters, jobs] = await Promise.all([listAllClusters(h.setup), listJobs(h.setup).then((js) => js.map(clustersOfJob))]);
    const truth = [
      ...clusters.flatMap((c) => plain('cluster', c.clusterId, c)),
      ...jobs.flatMap((j) => [...j.jobClusters, ...j.tasks].flatMap((c) => plain('job', j.jobId, c.cluster))),
    ].sort();
    const found = evidenceOf(baseline, 'secrets-in-config').map((e) => {
      const [kind, id, , name] = e.key.split(':');
      return `${kind}:${id}:${name}`;
    });
    expect(truth.length).toBeGreaterThan(5);
    expect(found.sort()).toEqual(truth);
  });

  it('4: every scope where all users may write or manage, and those one person manages, linked to the scope’s page', async () => {
    const acls = await Promise.all((await listScopes(h.setup)).map(async (s) => ({ scope: s.name, acl: await listAcls(h.setup, s.name) })));
    const evidence = evidenceOf(baseline, 'secret-scope-acls');
    const open = acls
      .filter((s) => s.acl.some((a) => ['users', 'account users'].includes(a.principal) && a.permission !== 'READ'))
      .map((s) => `scope:${s.scope}:users`);
    expect(open.length).toBeGreaterThan(0);
    expect(evidence.filter((e) => e.key.endsWith(':users')).map((e) => e.key)).toEqual(open.sort());
    // One person (or nobody) managing a scope is named; a scope all users manage is not also named for its managers.
    const thin = new Set(evidence.filter((e) => e.key.endsWith(':managers')).map((e) => e.label));
    for (const { scope, acl } of acls) {
      const managers = acl.filter((a) => a.permission === 'MANAGE');
      if (managers.length === 0 || (managers.length === 1 && managers[0]!.principal.includes('@')))
        expect(thin.has(scope), scope).toBe(true);
      if (managers.some((a) => a.principal === 'users')) expect(thin.has(scope), scope).toBe(false);
    }
    expect(thin.size).toBeGreaterThan(0);
    for (const e of evidence) expect(e.href).toBe(`/secrets/${encodeURIComponent(e.label)}`);
  });

  it('5 and 10: ALL PRIVILEGES and MANAGE granted to everyone or to a service principal, as information_schema has them', async () => {
    const levels = ['catalog', 'schema', 'table', 'volume'] as const;
    const nameOf = {
      catalog: 'catalog_name',
      schema: "catalog_name || '.' || schema_name",
      table: "table_catalog || '.' || table_schema || '.' || table_name",
      volume: "volume_catalog || '.' || volume_schema || '.' || volume_name",
    };
    const broad = (
      await Promise.all(
        levels.map((l) =>
          // information_schema spells privileges with underscores (ALL_PRIVILEGES); grants and evidence use SQL's spelling.
          sql(`SELECT grantee, ${nameOf[l]} AS securable, replace(privilege_type, '_', ' ') AS privilege_type
FROM system.information_schema.${l}_privileges
WHERE replace(privilege_type, '_', ' ') IN ('ALL PRIVILEGES', 'MANAGE', 'USAGE') AND coalesce(inherited_from, 'NONE') = 'NONE'`),
        ),
      )
    ).flat() as Array<{ grantee: string; securable: string; privilege_type: string }>;
    const least = evidenceOf(baseline, 'uc-least-privilege').map((e) => e.key);
    const everyone = broad.filter((g) => ['users', 'account users'].includes(g.grantee) && g.privilege_type !== 'USAGE');
    expect(everyone.length).toBeGreaterThan(0);
    for (const g of everyone) expect(least).toContain(`grant:${g.securable}:${g.grantee}:${g.privilege_type}`);
    const usage = broad.filter((g) => g.privilege_type === 'USAGE').map((g) => `usage:${g.securable}:${g.grantee}`);
    expect(least.filter((k) => k.startsWith('usage:')).sort()).toEqual(usage.sort());

    const res = await fetch(`${h.sim.workspace.host}/api/2.0/preview/scim/v2/ServicePrincipals`, {
      headers: { Authorization: `Bearer ${h.sim.workspace.adminToken}` },
    });
    const sps = new Set(((await res.json()) as { Resources: Array<{ applicationId: string }> }).Resources.map((r) => r.applicationId));
    const direct = broad.filter((g) => sps.has(g.grantee) && g.privilege_type !== 'USAGE');
    expect(direct.length).toBeGreaterThan(0);
    const spKeys = evidenceOf(baseline, 'sp-privileges').map((e) => e.key);
    for (const g of direct) expect(spKeys).toContain(`sp-grant:${g.grantee}:${g.securable}:${g.privilege_type}`);
  });

  it('6: the unmasked personal-data columns exist and carry no mask; masked ones are never evidence', async () => {
    const masks = new Set(
      (
        await sql(
          `SELECT table_catalog || '.' || table_schema || '.' || table_name || '.' || column_name AS c FROM system.information_schema.column_masks`,
        )
      ).map((r) => String(r.c).toLowerCase()),
    );
    const columns = new Set(
      (
        await sql(
          `SELECT table_catalog || '.' || table_schema || '.' || table_name || '.' || column_name AS c FROM system.information_schema.columns`,
        )
      ).map((r) => String(r.c).toLowerCase()),
    );
    expect(masks.size).toBeGreaterThan(0);
    const unmasked = evidenceOf(baseline, 'pii-masking');
    for (const e of unmasked) {
      expect(columns.has(e.label.toLowerCase()), e.label).toBe(true);
      expect(masks.has(e.label.toLowerCase()), e.label).toBe(false);
      expect(e.href).toBe(`/data-protection?q=${encodeURIComponent(e.label)}`);
    }
    // The masked personal-data columns the reason counts are among the masks information_schema lists.
    const total = Number(/ of (\d+) personal-data columns/.exec(status(baseline, 'pii-masking').reason)![1]);
    expect(total - unmasked.length).toBeGreaterThan(0);
    expect(total - unmasked.length).toBeLessThanOrEqual(masks.size);
  });
});

describe('one failing upstream at a time', () => {
  const cases: { spec: string; check: CheckId }[] = [
    { spec: 'GET /api/2.0/ip-access-lists -> 503', check: 'ip-access-lists' },
    { spec: 'GET /api/2.2/jobs/list -> 500', check: 'jobs-run-as' },
    { spec: 'GET /api/2.0/policies/clusters/list -> 403', check: 'cluster-policies' },
    { spec: 'GET /api/2.0/secrets/scopes/list -> 503', check: 'secret-scope-acls' },
  ];
  for (const { spec, check } of cases) {
    it(`${spec}: ${check} is not collected, every other check answers as before`, async () => {
      await h.sim.control('POST', '/faults', { spec });
      try {
        const view = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db })).view;
        expect(status(view, check).status).toBe('not_collected');
        expect(status(view, check).reason).not.toBe('');
        for (const c of view.checks.filter((x) => x.id !== check)) expect(c.status, c.id).toBe(status(baseline, c.id).status);
      } finally {
        await h.sim.control('DELETE', '/faults');
      }
    });
  }

  it('failing cluster lists: the policy check is not collected; plain credentials found in jobs still fail, naming what was not read', async () => {
    await h.sim.control('POST', '/faults', { spec: 'GET /api/2.1/clusters/list -> 503' });
    try {
      const view = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db })).view;
      expect(status(view, 'cluster-policies').status).toBe('not_collected');
      const plain = status(view, 'secrets-in-config');
      expect(plain.status).toBe('fail');
      expect(plain.evidence.every((e) => e.key.startsWith('job:'))).toBe(true);
      expect(plain.notes).toEqual([expect.stringMatching(/^The clusters could not be listed \(HTTP 503/)]);
      for (const c of view.checks.filter((x) => !['cluster-policies', 'secrets-in-config'].includes(x.id)))
        expect(c.status, c.id).toBe(status(baseline, c.id).status);
    } finally {
      await h.sim.control('DELETE', '/faults');
    }
  });

  it('a failing SQL warehouse: audit logs, grants and masking are not collected, token sharing never passes, the rest answer as before', async () => {
    await h.sim.control('POST', '/faults', { spec: 'POST /sql/** -> 503:TEMPORARILY_UNAVAILABLE' });
    try {
      const view = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db, run: { timeoutMs: 5_000 } })).view;
      const sqlChecks: CheckId[] = ['audit-logs', 'uc-least-privilege', 'pii-masking', 'sp-privileges'];
      for (const id of sqlChecks) expect(status(view, id).status, id).toBe('not_collected');
      // Token sharing is read from the audit log: without it the check fails on what it could read, or is not collected.
      expect(['fail', 'not_collected']).toContain(status(view, 'token-creation').status);
      const sqlFree = view.checks.filter((c) => ![...sqlChecks, 'token-creation'].includes(c.id));
      for (const c of sqlFree) expect(c.status, c.id).toBe(status(baseline, c.id).status);
    } finally {
      await h.sim.control('DELETE', '/faults');
    }
  });

  it('a hanging upstream costs its check a timeout, not the page', async () => {
    await h.sim.control('POST', '/faults', { spec: 'GET /api/2.0/ip-access-lists -> delay:3000' });
    try {
      const started = Date.now();
      const view = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db, run: { timeoutMs: 1_000 } })).view;
      expect(Date.now() - started).toBeLessThan(2_900);
      expect(status(view, 'ip-access-lists')).toMatchObject({ status: 'not_collected', reason: expect.stringMatching(/within 1 s/) });
    } finally {
      await h.sim.control('DELETE', '/faults');
    }
  });
});

describe('exceptions', () => {
  it('an accepted failing check is "accepted", counted in coverage and left out of the score', async () => {
    const failing = baseline.checks.find((c) => c.status === 'fail')!;
    await createPostureException(h.admin.ctx, {
      checkId: failing.id,
      reason: 'Accepted for the integration test: owner agreed',
      owner: 'Alex Morgan',
      expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const view = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db })).view;
    expect(status(view, failing.id).status).toBe('accepted');
    expect(view.accepted).toBe(baseline.accepted + 1);
    expect(view.coverage).toEqual(baseline.coverage);
    expect(view.score).toBe(scorePosture(view.checks).score);
    expect(view.score).toBeGreaterThan(baseline.score!);
  });
});

const DAY = 86_400_000;

describe('snapshots', () => {
  it('takes the day’s snapshot once per identity and day, and again the next day', async () => {
    const now = Date.now();
    const first = await snapshotIfDue(h.admin.ws, 'viewer', { db: h.db, now });
    expect(first?.snapshot).toMatchObject({ cause: 'viewer', identity: h.admin.userName, total: 13 });
    expect(first?.newFindings).toEqual([]); // the first snapshot is the baseline
    expect(await snapshotIfDue(h.admin.ws, 'viewer', { db: h.db, now: now + 1000 })).toBeNull();
    expect(await snapshotIfDue(h.admin.ws, 'viewer', { db: h.db, now: now + DAY })).not.toBeNull();
    const points = await listSnapshots(h.db, now - DAY, [h.admin.userName]);
    expect(points.map((p) => p.cause)).toEqual(['viewer', 'viewer']);
  });

  it('makes an admin’s evaluation a trend point and an action of that admin', async () => {
    const ev = await evaluateNow(h.admin.ctx);
    const [point] = (await listSnapshots(h.db, Date.now() - 60_000, [h.admin.userName])).filter((p) => p.cause === 'admin');
    expect(point).toMatchObject({ takenBy: h.admin.userName, score: ev.view.score, measured: ev.view.coverage.measured });
    const [action] = await listActions(h.db, { action: 'posture.evaluate' });
    expect(action).toMatchObject({ actor: h.admin.userName, outcome: 'success' });
  });
});

describe('an exception that runs out', () => {
  it('brings the finding back the day after its expiry, logged as expired once', async () => {
    const base = (await evaluatePosture(h.admin.ws, { db: h.db })).view;
    const failing = base.checks.find((c) => c.status === 'fail')!;
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const { id } = await createPostureException(h.admin.ctx, {
      checkId: failing.id,
      reason: 'Accepted until tomorrow, for the test',
      owner: 'Alex Morgan',
      expiresOn: tomorrow,
    });
    expect(today < tomorrow).toBe(true);
    const opts = { db: h.db, logKey: h.admin.ctx.logKey };
    expect(
      (await evaluatePosture(h.admin.ws, { ...opts, now: Date.now() + DAY })).view.checks.find((c) => c.id === failing.id)!.status,
    ).toBe('accepted');
    const later = Date.now() + 2 * DAY + 60_000;
    const back = (await evaluatePosture(h.admin.ws, { ...opts, now: later })).view;
    expect(back.checks.find((c) => c.id === failing.id)!.status).toBe('fail');
    await evaluatePosture(h.admin.ws, { ...opts, now: later + 1000 });
    const expired = await listActions(h.db, { action: 'posture.exception.expire', target: `posture-exception:${id}` });
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ actor: 'brickwatch', outcome: 'success' });
  });
});

describe('the code scan', () => {
  it('after a completed scan, fails with exactly the credentials planted in the demo notebooks, each linked to its finding', async () => {
    const run = await startScan({ ws: h.admin.ws, db: h.db, kind: 'manual', mode: 'incremental', startedBy: h.admin.userName });
    await scanFinished(run.id);
    const view = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db })).view;
    const c = status(view, 'code-credentials');
    expect(c.status, c.reason).toBe('fail');
    const { positives } = plantedNotebookSecrets('demo', 42);
    expect(c.evidence.map((e) => e.label).sort()).toEqual([...new Set(positives.map((p) => `${p.path}:${p.line}`))].sort());
    for (const e of c.evidence) expect(e.href).toMatch(/^\/secrets\/code\?finding=[a-f0-9]{32}$/);
    // The demo holds objects no scan reads (an 11 MB notebook, libraries): said, never a pass over them.
    expect(c.notes).toEqual([]);
    expect(view.coverage.measured).toBe(baseline.coverage.measured + 1);
  });
});
