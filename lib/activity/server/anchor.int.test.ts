// Anchoring against a started simulator: the chain head goes into a secret of a dedicated scope (created on first use)
// as the background identity, is read back, moves forward only from a log that still holds it, and a log cut short
// afterwards shows on the Activity page's status however consistent it is on its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, revoke } from '@/testing/action-log-fixtures';
import { appEnv, startTestSimulator, type TestSimulator } from '@/testing/simulator';
import { loadConfig } from '@/lib/config';
import { getSecretText } from '@/lib/databricks/api/secrets';
import { getBackgroundWorkspace, type Workspace } from '@/lib/databricks/get-workspace';
import { appendAction } from '@/lib/store/action-log';
import type { Db } from '@/lib/store/engine';
import { openSqlite } from '@/lib/store/sqlite';
import { anchorChainHead, anchorKeyName, anchorStatus, chainHeadForReport, secretAnchors, type AnchorStore } from './anchor';
import { anchorIfDue } from './anchor-worker';
import { chainStatus } from './chain';

const SCOPE = 'brickwatch-anchors';
let sim: TestSimulator;
let ws: Workspace;
let anchors: AnchorStore;
let db: Db;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-anchor-'));
const file = path.join(dir, 'brickwatch.db');

beforeAll(async () => {
  sim = await startTestSimulator();
  const config = loadConfig({
    ...appEnv(sim.workspace, 'service', 'http://127.0.0.1:3999', dir),
    NEXTAUTH_SECRET: 'anchor-test-secret-0123456789abcdef',
  });
  ws = getBackgroundWorkspace(config)!;
  anchors = secretAnchors(ws, SCOPE, KEY.id);
  db = openSqlite(file);
  for (let i = 1; i <= 3; i++) await appendAction(db, KEY, revoke(i));
});

afterAll(async () => {
  await db.close();
  await sim.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('anchoring the action log', () => {
  it('writes the verified head into a secret of its own scope, created on first use, and reads it back', async () => {
    expect(await anchorStatus(db, anchors, () => anchors.read())).toEqual({ state: 'none', scope: SCOPE });
    const at = new Date('2026-03-02T09:00:00.000Z');
    const first = await anchorChainHead(db, KEY, anchors, at);
    expect(first).toMatchObject({ outcome: 'anchored', anchor: { seq: 3, at: at.toISOString() } });
    const stored = JSON.parse((await getSecretText(ws.rest, { scope: SCOPE, key: anchorKeyName(KEY.id) }))!) as Record<string, unknown>;
    expect(stored).toEqual({ seq: 3, hash: (first as { anchor: { hash: string } }).anchor.hash, at: at.toISOString(), keyId: KEY.id });
    expect(await anchorStatus(db, anchors, () => anchors.read())).toMatchObject({ state: 'ok', seq: 3 });
  });

  it('leaves the anchor alone while the head has not moved, and moves it when it has', async () => {
    expect(await anchorChainHead(db, KEY, anchors)).toMatchObject({ outcome: 'unchanged', anchor: { seq: 3 } });
    await appendAction(db, KEY, revoke(4));
    expect(await anchorChainHead(db, KEY, anchors)).toMatchObject({ outcome: 'anchored', anchor: { seq: 4 } });
  });

  it('runs once per period however many instances try', async () => {
    await appendAction(db, KEY, revoke(5));
    const now = Date.parse('2026-03-02T10:30:00.000Z');
    const results = await Promise.all([anchorIfDue(db, KEY, anchors, 3_600_000, now), anchorIfDue(db, KEY, anchors, 3_600_000, now + 1)]);
    expect(results.filter((r) => r !== null)).toEqual([
      expect.objectContaining({ outcome: 'anchored', anchor: expect.objectContaining({ seq: 5 }) }),
    ]);
  });

  it('gives the weekly report the verified head', async () => {
    expect(await chainHeadForReport(db, KEY)).toMatchObject({ ok: true, head: { seq: 5 } });
  });

  it('shows a log cut short behind its back, refuses to move the anchor back, and keeps the evidence', async () => {
    const raw = new Database(file);
    raw.exec(
      "DROP TRIGGER action_log_no_delete; DELETE FROM action_log WHERE seq >= 4; UPDATE sqlite_sequence SET seq = 3 WHERE name = 'action_log';",
    );
    raw.close();
    const status = await chainStatus(db, { key: KEY, anchors, full: true });
    expect(status).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: expect.stringContaining('row 5, anchored at'),
      anchor: { state: 'broken', seq: 5 },
    });
    expect(await anchorChainHead(db, KEY, anchors)).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('row 5') });
    expect(await anchors.read()).toMatchObject({ seq: 5 });
  });

  it('says anchoring is off when there is no identity to anchor as, and why an anchor could not be read', async () => {
    expect(await anchorStatus(db, null, () => anchors.read())).toMatchObject({
      state: 'off',
      reason: expect.stringContaining('DATABRICKS_CLIENT_ID'),
    });
    const unreadable = secretAnchors(ws, 'no-such-scope-for-anchors', KEY.id);
    expect(await anchorStatus(db, unreadable, () => unreadable.read())).toEqual({ state: 'none', scope: 'no-such-scope-for-anchors' });
    const failing: AnchorStore = { ...anchors, read: () => Promise.reject(new Error('PERMISSION_DENIED: no READ on the scope')) };
    expect(await anchorStatus(db, failing, () => failing.read())).toMatchObject({
      state: 'unavailable',
      reason: 'PERMISSION_DENIED: no READ on the scope',
    });
  });
});
