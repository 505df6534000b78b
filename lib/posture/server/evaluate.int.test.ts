// GET /api/posture's answer (evaluatePosture) against a started simulator, with the real SQL driver: score, coverage
// and the not-yet-built areas' "not collected"; a fault on one upstream at a time costs that check only, and is
// never a pass; an accepted finding changes the status and the score as the issue specifies. Then the snapshots: the
// day's is taken once per identity and day (claimPeriod), an admin's evaluation is a trend point and an action, and an
// exception that ran out brings its finding back and is logged as expired exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
beforeAll(async () => {
  h = await startHarness();
  baseline = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db })).view;
}, 60_000);
afterAll(async () => h?.stop());

const WAITING_FOR_AREAS: CheckId[] = [
  'secrets-in-config',
  'secret-scope-acls',
  'uc-least-privilege',
  'pii-masking',
  'sp-privileges',
  'code-credentials',
];
const status = (p: Posture, id: CheckId) => p.checks.find((c) => c.id === id)!;

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

  it('says "not collected" for every check whose area is not built, naming the area', () => {
    for (const id of WAITING_FOR_AREAS) {
      const c = status(baseline, id);
      expect(c.status, id).toBe('not_collected');
      expect(c.needs, id).toMatch(/area \(not built yet\)/);
    }
  });

  it('judges the live checks of the seeded estate, failing ones with linked evidence', () => {
    const live = baseline.checks.filter((c) => !WAITING_FOR_AREAS.includes(c.id));
    for (const c of live) expect(['pass', 'fail'], `${c.id}: ${c.reason}`).toContain(c.status);
    const failing = live.filter((c) => c.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const c of failing) {
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
      expect(c.fix.href, c.id).toMatch(c.fix.external ? /^https?:\/\// : /^\//);
    }
  });
});

describe('one failing upstream at a time', () => {
  const cases: { spec: string; check: CheckId }[] = [
    { spec: 'GET /api/2.0/ip-access-lists -> 503', check: 'ip-access-lists' },
    { spec: 'GET /api/2.2/jobs/list -> 500', check: 'jobs-run-as' },
    { spec: 'GET /api/2.0/policies/clusters/list -> 403', check: 'cluster-policies' },
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

  it('a failing SQL warehouse: the audit-log check is not collected, token sharing never passes, the rest answer as before', async () => {
    await h.sim.control('POST', '/faults', { spec: 'POST /sql/** -> 503:TEMPORARILY_UNAVAILABLE' });
    try {
      const view = (await evaluatePosture(h.admin.ws, { fresh: true, db: h.db, run: { timeoutMs: 5_000 } })).view;
      expect(status(view, 'audit-logs').status).toBe('not_collected');
      // Token sharing is read from the audit log: without it the check fails on what it could read, or is not collected.
      expect(['fail', 'not_collected']).toContain(status(view, 'token-creation').status);
      const sqlFree = view.checks.filter((c) => !['audit-logs', 'token-creation'].includes(c.id));
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
