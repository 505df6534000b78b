// A scan of the seeded demo workspace against a started simulator, through the real REST and SQL clients: it finds
// exactly the planted credentials with owners, says what it could not read; a re-scan of the unchanged workspace makes
// no export call (counted in the simulator's request log); after one notebook changes only that notebook is read again.
// No credential value reaches the store.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantedNotebookSecrets, type PlantedSecret } from '@/simulator/seed/notebook-secrets';
import { emptyResponse } from '@/lib/databricks/schemas';
import { exportSource } from '@/lib/databricks/api/workspace';
import type { ScanProgress } from '@/lib/code-scan/contract';
import { listActions } from '@/lib/store/action-log';
import { getRun, latestRuns } from '@/lib/store/code-scan-runs';
import { codeScanCheckInputSchema, findingsResponseSchema, scanTarget, statusResponseSchema } from '@/lib/code-scan/contract';
import { safeParse } from 'zod/mini';
import { cancelScanAction, startScanAction } from './actions';
import { personWithRole, signIn, startHarness, type Harness } from '@/testing/tokens-harness';
import { codeScanPostureInput } from './posture';
import { scanFinished, startScan } from './run';
import { scanIfDue } from './schedule-worker';
import { findingsView, statusView } from './views';

let h: Harness;
const { positives } = plantedNotebookSecrets('demo', 42);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

interface Logged {
  method: string;
  path: string;
  query: string;
}
const exportCalls = async () =>
  (await h.sim.control<{ requests: Logged[] }>('GET', '/requests?path_prefix=/api/2.0/workspace/export')).requests;

async function scan(mode: 'incremental' | 'full' = 'incremental') {
  const run = await startScan({ ws: h.admin.ws, db: h.db, kind: 'manual', mode, startedBy: h.admin.userName });
  await scanFinished(run.id);
  const done = await getRun(h.db, run.id);
  expect(done?.error ?? null).toBeNull();
  expect(done?.state).toBe('completed');
  return { run: done!, progress: JSON.parse(done!.progress) as ScanProgress };
}

const key = (f: { path: string; line: number; detector?: string; kind?: string }) => `${f.path}:${f.line}:${f.detector ?? f.kind}`;

describe('scanning the demo workspace as an admin', () => {
  it('says "not collected: no scan yet" to the posture check before the first scan, and schedules none', async () => {
    expect(await codeScanPostureInput(h.admin.ws, h.db)).toEqual({ collected: false, reason: 'no scan yet' });
    expect(await scanIfDue(h.db, h.admin.ws, 60_000)).toBeNull();
  });

  it('finds exactly the seeded credentials, each with a masked preview, an owner and the coverage', async () => {
    const { progress } = await scan();
    const view = await findingsView(h.admin.ws, h.db);
    expect(view.findings.map(key).sort()).toEqual(positives.map(key).sort());
    for (const f of view.findings) {
      const planted = positives.find((p) => key(p) === key(f))!;
      expect(f.preview).not.toContain(planted.value);
      expect(f.owner.source === 'audit-log' || f.owner.source === 'folder' || f.owner.source === 'none').toBe(true);
    }
    expect(view.findings.some((f) => f.owner.source === 'audit-log')).toBe(true);
    // The 11 MB notebook is refused by Databricks' limit; libraries are not source: both counted, neither hidden.
    expect(view.coverage.unreadable.size).toBeGreaterThanOrEqual(1);
    expect(view.unreadable.map((u) => u.path)).toContain('/Shared/legacy/rating_factors_inline_2019');
    expect(view.coverage.unreadable.format).toBeGreaterThan(0);
    expect(view.coverage.scanned).toBe(progress.scanned);
    expect(progress.scanned + progress.failed).toBe(progress.listed);
    expect(progress.exports).toBeGreaterThan(250);
    const posture = await codeScanPostureInput(h.admin.ws, h.db);
    expect(posture.collected && posture.coverage.findings).toBe(positives.length);
    // What the browser and Posture receive parses with the contract they parse it with.
    expect(safeParse(findingsResponseSchema, JSON.parse(JSON.stringify(view))).success).toBe(true);
    expect(safeParse(statusResponseSchema, JSON.parse(JSON.stringify(await statusView(h.db, h.config)))).success).toBe(true);
    expect(safeParse(codeScanCheckInputSchema, JSON.parse(JSON.stringify(posture))).success).toBe(true);
  });

  it('re-scans an unchanged workspace without a single export call', async () => {
    await h.sim.control('DELETE', '/requests');
    const { progress } = await scan();
    expect(await exportCalls()).toEqual([]);
    expect(progress.exports).toBe(0);
    expect(progress.scanned).toBe(0);
    expect(progress.skipped).toBeGreaterThan(250);
    expect((await findingsView(h.admin.ws, h.db)).findings.map(key).sort()).toEqual(positives.map(key).sort());
  });

  it('reads again the one notebook that changed, and only it', async () => {
    const fixed = positives.find((p) => p.kind === 'databricks-token') as PlantedSecret;
    const source = (await exportSource(h.setup, fixed.path, 'NOTEBOOK')).toString('utf8');
    const lines = source.split('\n');
    lines[fixed.line - 1] = 'token = dbutils.secrets.get(scope="platform", key="api-token")';
    await h.setup.call('POST', '/api/2.0/workspace/import', emptyResponse, {
      body: {
        path: fixed.path,
        format: 'SOURCE',
        language: fixed.language,
        overwrite: true,
        content: Buffer.from(lines.join('\n')).toString('base64'),
      },
    });
    await h.sim.control('DELETE', '/requests');
    const { progress } = await scan();
    const calls = await exportCalls();
    expect(calls.map((c) => new URLSearchParams(c.query).get('path'))).toEqual([fixed.path]);
    expect(progress.scanned).toBe(1);
    const left = (await findingsView(h.admin.ws, h.db)).findings.map(key).sort();
    expect(left).toEqual(
      positives
        .filter((p) => p !== fixed)
        .map(key)
        .sort(),
    );
  });

  it('keeps exporting through throttling: 429 with Retry-After slows the walk, it does not fail it', async () => {
    await h.sim.control('POST', '/faults', { spec: 'GET /api/2.0/workspace/export -> 429 retry-after=1 p=0.2 times=40' });
    try {
      const { progress } = await scan('full');
      expect(progress.failed).toBe((await findingsView(h.admin.ws, h.db)).coverage.unreadableTotal);
      expect(progress.failedBy.error).toBe(0);
    } finally {
      await h.sim.control('DELETE', '/faults');
    }
    expect((await findingsView(h.admin.ws, h.db)).findings.length).toBe(positives.length - 1);
  });

  it('runs a scheduled scan once the last one is an interval old, once per period', async () => {
    const { completed } = await latestRuns(h.db);
    const later = completed!.finishedAt! + 3_600_000;
    const id = await scanIfDue(h.db, h.admin.ws, 60_000, later);
    expect(id).not.toBeNull();
    expect(await scanIfDue(h.db, h.admin.ws, 60_000, later)).toBeNull();
    await scanFinished(id!);
    const run = (await getRun(h.db, id!))!;
    expect([run.kind, run.mode, run.startedBy, run.state]).toEqual(['scheduled', 'incremental', 'schedule', 'completed']);
  });

  it('keeps no credential value in the store', async () => {
    const files = fs.readdirSync(h.config.dataDir).map((f) => fs.readFileSync(`${h.config.dataDir}/${f}`));
    for (const p of positives) for (const f of files) expect(f.includes(Buffer.from(p.value)), p.kind).toBe(false);
  });
});

describe('starting and cancelling', () => {
  it('refuses a second scan while one runs, cancels on request, keeps what it read, and logs every attempt', async () => {
    const ctx = h.admin.ctx;
    await h.sim.control('POST', '/faults', { spec: 'GET /api/2.0/workspace/export -> delay:200' });
    try {
      const run = await startScanAction(ctx, { mode: 'full' });
      await expect(startScanAction(ctx, { mode: 'incremental' })).rejects.toMatchObject({ kind: 'conflict', code: 'SCAN_RUNNING' });
      await expect.poll(async () => JSON.parse((await getRun(h.db, run.id))!.progress).scanned as number).toBeGreaterThan(0);
      const cancelled = await cancelScanAction(ctx, run.id);
      expect(cancelled.cancelRequested).toBe(true);
      await scanFinished(run.id);
      expect((await getRun(h.db, run.id))!.state).toBe('cancelled');
      await expect(cancelScanAction(ctx, run.id)).rejects.toMatchObject({ kind: 'conflict', code: 'SCAN_NOT_RUNNING' });
      const actions = await listActions(h.db, { target: scanTarget(run.id) });
      expect(actions.map((a) => `${a.action}:${a.outcome}`).sort()).toEqual(
        ['code-scan.cancel:failure', 'code-scan.cancel:success', 'code-scan.start:failure', 'code-scan.start:success'].sort(),
      );
    } finally {
      await h.sim.control('DELETE', '/faults');
    }
    // The findings of the last completed scan are still there.
    expect((await findingsView(h.admin.ws, h.db)).findings.length).toBe(positives.length - 1);
  });
});

describe('scanning as an analyst who may read only part of the workspace', () => {
  it('counts what it could not see, and never calls a hidden object gone', async () => {
    const analyst = personWithRole(h.sim, 'analyst');
    const ws = await signIn(h.sim, h.config, analyst);
    const run = await startScan({ ws, db: h.db, kind: 'manual', mode: 'incremental', startedBy: analyst });
    await scanFinished(run.id);
    const done = (await getRun(h.db, run.id))!;
    expect(done.state).toBe('completed');
    const view = await findingsView(h.admin.ws, h.db);
    // What the analyst cannot see stays, marked stale; nothing the admin found is removed.
    expect(view.findings.length).toBe(positives.length - 1);
    expect(view.coverage.stale).toBeGreaterThan(0);
  });
});
