import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import {
  coverageCounts,
  listFindings,
  listUnreadable,
  loadObjectStates,
  markStale,
  removeObjects,
  saveObjects,
  setOwners,
  updateSeen,
  type ObjectWrite,
} from './code-scan';
import {
  beat,
  CODE_SCAN_STALE_MS,
  CodeScanConflictError,
  finishRun,
  getRun,
  insertRun,
  latestRuns,
  requestCancel,
  runningRun,
} from './code-scan-runs';

const T0 = 1_790_000_000_000;
const run = (id: string, holder = 'instance-a') => ({
  id,
  kind: 'manual' as const,
  mode: 'incremental' as const,
  startedBy: 'alex.morgan@harborpine.com',
  actingAs: 'alex.morgan@harborpine.com',
  holder,
  startedAt: T0,
  progress: '{}',
});
const object = (id: string, over: Partial<ObjectWrite> = {}): ObjectWrite => ({
  objectId: id,
  path: `/Shared/n${id}`,
  objectType: 'NOTEBOOK',
  language: 'PYTHON',
  modifiedAt: T0 - 1000,
  contentHash: `hash-${id}`,
  rulesVersion: '1',
  status: 'scanned',
  reason: null,
  detail: null,
  scannedAt: T0,
  inGitFolder: false,
  truncated: false,
  findings: [],
  ...over,
});
const finding = (id: string, line: number) => ({
  id,
  line,
  detector: 'databricks-token',
  preview: 'dapi••••••••3f2a',
  variable: 'TOKEN',
  context: 'code',
});

describe.each(STORE_ENGINES)('code scan store on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('runs one scan at a time, and a scan whose instance stopped beating no longer blocks the next', async () => {
    await insertRun(s.db, run('r1'), T0);
    const conflict = await insertRun(s.db, run('r2'), T0 + 1_000).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(CodeScanConflictError);
    expect((conflict as CodeScanConflictError).running.id).toBe('r1');
    const later = T0 + CODE_SCAN_STALE_MS + 1;
    expect((await insertRun(s.db, run('r3', 'instance-b'), later)).state).toBe('running');
    expect(await getRun(s.db, 'r1')).toMatchObject({ state: 'failed', finishedAt: later, error: expect.stringMatching(/^Interrupted/) });
    expect((await runningRun(s.db))?.id).toBe('r3');
  });

  it('carries progress and a cancel request across instances, and finishes once', async () => {
    await insertRun(s.db, run('r1'), T0);
    expect(await beat(s.db, 'r1', '{"listed":5}', T0 + 1_000)).toEqual({ cancelRequested: false });
    expect(await requestCancel(s.db, 'r1')).toBe(true);
    expect(await beat(s.db, 'r1', '{"listed":9}', T0 + 2_000)).toEqual({ cancelRequested: true });
    await finishRun(s.db, 'r1', { state: 'cancelled', progress: '{"listed":9}', error: null }, T0 + 3_000);
    await finishRun(s.db, 'r1', { state: 'completed', progress: '{}', error: null }, T0 + 4_000);
    expect(await getRun(s.db, 'r1')).toMatchObject({ state: 'cancelled', progress: '{"listed":9}', finishedAt: T0 + 3_000 });
    expect(await requestCancel(s.db, 'r1')).toBe(false);
    expect(await runningRun(s.db)).toBeNull();
    await insertRun(s.db, run('r2'), T0 + 5_000);
    await finishRun(s.db, 'r2', { state: 'completed', progress: '{}', error: null }, T0 + 6_000);
    const { latest, completed } = await latestRuns(s.db);
    expect([latest?.id, completed?.id]).toEqual(['r2', 'r2']);
  });

  if (engine.openAnother)
    it('lets exactly one of two instances start a scan at the same moment', async () => {
      const other = await engine.openAnother!(s);
      try {
        const results = await Promise.allSettled([insertRun(s.db, run('a'), T0), insertRun(other, run('b', 'instance-b'), T0)]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      } finally {
        await other.close();
      }
    });

  it('remembers each object as read and keeps a finding first seen the first time', async () => {
    await saveObjects(s.db, [object('1', { findings: [finding('f1', 4), finding('f2', 9)] }), object('2')], T0);
    const states = await loadObjectStates(s.db);
    expect(states.get('1')).toMatchObject({
      path: '/Shared/n1',
      modifiedAt: T0 - 1000,
      contentHash: 'hash-1',
      status: 'scanned',
      stale: false,
    });
    await saveObjects(s.db, [object('1', { contentHash: 'hash-1b', findings: [finding('f1', 4), finding('f3', 12)] })], T0 + 60_000);
    const found = await listFindings(s.db);
    expect(found.map((f) => [f.id, f.line, f.firstSeenAt])).toEqual([
      ['f1', 4, T0],
      ['f3', 12, T0 + 60_000],
    ]);
    expect(found[0]).toMatchObject({ path: '/Shared/n1', preview: 'dapi••••••••3f2a', variable: 'TOKEN', stale: false, ownerSource: null });
  });

  it('counts coverage, lists what could not be read, moves, marks stale and removes', async () => {
    await saveObjects(s.db, [
      object('1', { findings: [finding('f1', 2)] }),
      object('2', { status: 'unreadable', reason: 'size', detail: 'Notebook size exceeded limit' }),
      object('3', { status: 'unreadable', reason: 'permission', objectType: 'FILE', language: null }),
      object('4', { objectType: 'LIBRARY', status: 'unreadable', reason: 'format', language: null, modifiedAt: null }),
    ]);
    expect(await coverageCounts(s.db)).toEqual({
      objects: 4,
      notebooks: 2,
      files: 1,
      libraries: 1,
      scanned: 1,
      unreadable: { permission: 1, size: 1, format: 1, error: 0 },
      stale: 0,
      withFindings: 1,
      findings: 1,
    });
    expect((await listUnreadable(s.db, 10)).map((u) => [u.path, u.reason])).toEqual([
      ['/Shared/n4', 'format'],
      ['/Shared/n3', 'permission'],
      ['/Shared/n2', 'size'],
    ]);
    await markStale(s.db, ['1', '2']);
    expect((await coverageCounts(s.db)).stale).toBe(2);
    await updateSeen(s.db, [{ objectId: '1', path: '/Shared/moved/n1' }], ['2']);
    expect((await listFindings(s.db))[0]).toMatchObject({ path: '/Shared/moved/n1', stale: false });
    await setOwners(s.db, [{ objectId: '1', source: 'audit-log', name: 'sam.rivera@harborpine.com', note: null }]);
    expect((await listFindings(s.db))[0]).toMatchObject({ ownerSource: 'audit-log', ownerName: 'sam.rivera@harborpine.com' });
    await removeObjects(s.db, ['1', '3']);
    expect(await listFindings(s.db)).toEqual([]);
    expect([...(await loadObjectStates(s.db)).keys()].sort()).toEqual(['2', '4']);
  });
});
