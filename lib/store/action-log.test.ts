import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAction, GENESIS_HASH, listActions, verifyActionLog, type ActionInput } from './action-log';
import { openDatabase, type Db } from './db';
import { MIGRATIONS } from './migrations';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-store-'));
  db = openDatabase(path.join(dir, 'data', 'brickwatch.db'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const revoke = (n: number, outcome: ActionInput['outcome'] = 'success'): ActionInput => ({
  actor: 'ann@example.com',
  role: 'admin',
  action: 'tokens.revoke',
  target: `token:${n}`,
  outcome,
  upstreamRequestId: `up-${n}`,
  requestId: `rq-${n}`,
  actingAs: 'sp-1',
});

function tamper(sql: string) {
  db.exec('DROP TRIGGER IF EXISTS action_log_no_update; DROP TRIGGER IF EXISTS action_log_no_delete;');
  db.exec(sql);
}

describe('action log', () => {
  it('opens in WAL mode and applies each migration once', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    db = openDatabase(path.join(dir, 'data', 'brickwatch.db'));
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
  });

  it('chains each row to the previous one', () => {
    const first = appendAction(db, revoke(1));
    const second = appendAction(db, revoke(2, 'failure'));
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(second).toMatchObject({ seq: 2, outcome: 'failure', upstreamRequestId: 'up-2', actingAs: 'sp-1' });
    expect(verifyActionLog(db)).toEqual({ ok: true, rows: 2 });
  });

  it('lists newest first and pages backwards by seq', () => {
    for (let i = 1; i <= 5; i++) appendAction(db, revoke(i));
    expect(listActions(db, { limit: 2 }).map((r) => r.seq)).toEqual([5, 4]);
    expect(listActions(db, { limit: 2, beforeSeq: 4 }).map((r) => r.seq)).toEqual([3, 2]);
    expect(listActions(db, { target: 'token:3' }).map((r) => r.seq)).toEqual([3]);
    appendAction(db, { ...revoke(6, 'failure'), actor: 'bo@example.com', action: 'secrets.delete' });
    expect(listActions(db, { outcome: 'failure' }).map((r) => r.seq)).toEqual([6]);
    expect(listActions(db, { actor: 'bo@example.com' }).map((r) => r.seq)).toEqual([6]);
    expect(listActions(db, { action: 'tokens.' }).map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(listActions(db, { action: 'secrets.delete' }).map((r) => r.seq)).toEqual([6]);
  });

  it('refuses updates and deletes', () => {
    appendAction(db, revoke(1));
    expect(() => db.exec("UPDATE action_log SET outcome = 'success'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM action_log')).toThrow(/append-only/);
  });

  it('notices a row changed behind its back', () => {
    for (let i = 1; i <= 3; i++) appendAction(db, revoke(i, 'failure'));
    tamper("UPDATE action_log SET outcome = 'success' WHERE seq = 2");
    expect(verifyActionLog(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'row 2 was changed after it was written' });
  });

  it('notices a row removed from the middle or cut off the end', () => {
    for (let i = 1; i <= 4; i++) appendAction(db, revoke(i));
    tamper('DELETE FROM action_log WHERE seq = 4');
    expect(verifyActionLog(db)).toMatchObject({ ok: false, brokenAt: 4 });
    tamper('DELETE FROM action_log WHERE seq = 2');
    expect(verifyActionLog(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'row 2 is missing' });
  });

  it('notices a forged row whose own hash was recomputed but not its successors', () => {
    for (let i = 1; i <= 3; i++) appendAction(db, revoke(i));
    // Change the first hex digit whatever it was (a fixed replacement is a no-op one time in sixteen).
    tamper("UPDATE action_log SET hash = (CASE substr(hash, 1, 1) WHEN 'f' THEN '0' ELSE 'f' END) || substr(hash, 2) WHERE seq = 1");
    expect(verifyActionLog(db)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('never stores a secret-looking detail', () => {
    const r = appendAction(db, {
      ...revoke(1),
      detail: {
        lifetimeDays: 90,
        token_value: 'dapi0123456789abcdef0123456789abcdef',
        note: 'new value dapi0123456789abcdef0123456789abcdef',
      },
    });
    expect(r.detail).toEqual({ lifetimeDays: 90, token_value: '[redacted]', note: 'new value dapi[redacted]' });
    const raw =
      fs.readFileSync(path.join(dir, 'data', 'brickwatch.db-wal')).toString('latin1') +
      fs.readFileSync(path.join(dir, 'data', 'brickwatch.db')).toString('latin1');
    expect(raw).not.toContain('0123456789abcdef0123456789abcdef');
  });
});
