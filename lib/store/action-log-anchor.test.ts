// What only the anchors catch, and the move from the unkeyed log: truncation with the high-water mark wound back, a
// database replaced by an older copy, a log rebuilt from scratch; an unkeyed prefix sealed by the first keyed row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, revoke } from '@/testing/action-log-fixtures';
import { STORE_ENGINES, sqliteEngine, type TestStore } from '@/testing/store-engines';
import { appendAction, GENESIS_HASH, rowHash, sealUnkeyedLog, type Row } from './action-log';
import { actionLogKey } from './action-log-key';
import { checkAnchor, verifyActionLog, type ChainAnchor } from './action-log-verify';
import type { Db } from './engine';

const AT = '2026-03-02T09:15:00.000Z';

async function anchorNow(db: Db): Promise<ChainAnchor> {
  const check = await verifyActionLog(db, KEY);
  if (!check.ok || !check.head) throw new Error('chain not intact');
  return { ...check.head, at: AT };
}

/** A row as the unkeyed log (before key_id existed) wrote it. */
function unkeyedRow(seq: number, prevHash: string): Row {
  const base = {
    seq,
    at: `2026-01-0${seq}T10:00:00.000Z`,
    actor: 'ann@example.com',
    role: 'admin' as const,
    action: 'tokens.revoke',
    target: `token:${seq}`,
    outcome: 'success' as const,
    detail: null,
    upstream_request_id: `up-${seq}`,
    request_id: null,
    acting_as: null,
    prev_hash: prevHash,
    key_id: null,
  };
  return { ...base, hash: rowHash(base, null) };
}

const insertSql = (r: Row) =>
  `INSERT INTO action_log (seq, at, actor, role, action, target, outcome, detail, upstream_request_id, request_id, acting_as, prev_hash, hash, key_id)
   VALUES (${r.seq}, '${r.at}', '${r.actor}', '${r.role}', '${r.action}', '${r.target}', '${r.outcome}', NULL, '${r.upstream_request_id}', NULL, NULL, '${r.prev_hash}', '${r.hash}', NULL);`;

describe.each(STORE_ENGINES)('anchored action log on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());
  const appendMany = async (from: number, to: number) => {
    for (let i = from; i <= to; i++) await appendAction(s.db, KEY, revoke(i));
  };
  const highWaterTo = (seq: number) =>
    engine.name === 'sqlite'
      ? `UPDATE sqlite_sequence SET seq = ${seq} WHERE name = 'action_log'`
      : `UPDATE action_log_high_water SET high_water = ${seq}`;

  it('finds the anchored row in an intact log', async () => {
    await appendMany(1, 3);
    const anchor = await anchorNow(s.db);
    await appendMany(4, 5);
    expect(await checkAnchor(s.db, anchor)).toEqual({ ok: true });
  });

  it('notices a log cut short with its high-water mark wound back, which the chain alone cannot', async () => {
    await appendMany(1, 4);
    const anchor = await anchorNow(s.db);
    await s.tamper(`DELETE FROM action_log WHERE seq >= 3; ${highWaterTo(2)}`);
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: true, rows: 2 });
    expect(await checkAnchor(s.db, anchor)).toEqual({
      ok: false,
      brokenAt: 4,
      reason: `row 4, anchored at ${AT}, is missing: the log was truncated or replaced by an older copy`,
    });
  });

  it('notices a log emptied altogether', async () => {
    await appendMany(1, 2);
    const anchor = await anchorNow(s.db);
    await s.tamper(`DELETE FROM action_log; ${highWaterTo(0)}`);
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: true, rows: 0 });
    expect(await checkAnchor(s.db, anchor)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('notices the database replaced by an older copy, which verifies on its own', async () => {
    await appendMany(1, 2);
    const older = await s.copy();
    await appendMany(3, 5);
    const anchor = await anchorNow(s.db);
    await older.restore();
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: true, rows: 2 });
    expect(await checkAnchor(s.db, anchor)).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('notices a log rebuilt from scratch with a key of its own', async () => {
    await appendMany(1, 3);
    const anchor = await anchorNow(s.db);
    await s.tamper(`DELETE FROM action_log; ${highWaterTo(0)}`);
    const forger = actionLogKey('a-key-someone-else-chose-0123456789');
    for (let i = 1; i <= 3; i++) await appendAction(s.db, forger, revoke(i));
    expect(await checkAnchor(s.db, anchor)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringContaining('not the row anchored'),
    });
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringContaining('another key') });
  });

  it('refuses an unkeyed row after keyed ones: a forger cannot fall back to plain SHA-256', async () => {
    await appendMany(1, 2);
    const last = (await s.db.get<{ hash: string }>('SELECT hash FROM action_log WHERE seq = 2'))!;
    await s.tamper(insertSql(unkeyedRow(3, last.hash)));
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'row 3 is not keyed, but the log was keyed before it',
    });
  });
});

describe('an unkeyed log from before the key (SQLite)', () => {
  let s: TestStore;
  beforeEach(async () => {
    s = await sqliteEngine.open();
    // Rows 1–3 as the unkeyed log wrote them: plain SHA-256 over the same fields.
    let prev = GENESIS_HASH;
    let sql = '';
    for (let seq = 1; seq <= 3; seq++) {
      const r = unkeyedRow(seq, prev);
      sql += insertSql(r);
      prev = r.hash;
    }
    await s.tamper(sql);
  });
  afterEach(async () => s.cleanup());

  it('hashes an unkeyed row exactly as the unkeyed log did', () => {
    const base = { ...unkeyedRow(1, GENESIS_HASH), at: AT, actor: 'alex.morgan@harborpine.com', target: 'token:8f3a' };
    const { hash: _, ...row } = {
      ...base,
      detail: '{"lifetimeDays":90}',
      upstream_request_id: 'up-1',
      request_id: 'rq-1',
      acting_as: 'sp-1',
    };
    // Computed with the unkeyed log's own code before it was changed.
    expect(rowHash(row, null)).toBe('01cfd8dc86c1bd8b7acef2bca2cbd241a2d383a5fde50e3586cdeb0e32e0281f');
  });

  it('stays verifiable, sealed by the first keyed row', async () => {
    const seal = await sealUnkeyedLog(s.db, KEY);
    expect(seal).toMatchObject({ seq: 4, action: 'activity.log_keyed', keyId: KEY.id, detail: { unkeyedRows: 3 } });
    expect(await sealUnkeyedLog(s.db, KEY)).toBeNull();
    await appendAction(s.db, KEY, revoke(5));
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: true, rows: 5, unkeyedRows: 3 });
    const check = await verifyActionLog(s.db, KEY, { seq: 4, hash: seal!.hash });
    expect(check).toMatchObject({ ok: true, rows: 5, unkeyedRows: 3 });
  });

  it('notices the unkeyed prefix rewritten consistently after the seal: the seal no longer links', async () => {
    await sealUnkeyedLog(s.db, KEY);
    let prev = GENESIS_HASH;
    let sql = 'DELETE FROM action_log WHERE seq <= 3;';
    for (let seq = 1; seq <= 3; seq++) {
      const r = { ...unkeyedRow(seq, prev) };
      if (seq === 2) {
        const { hash: _, ...rest } = { ...r, target: 'token:someone-else' };
        Object.assign(r, rest, { hash: rowHash(rest, null) });
      }
      sql += insertSql(r);
      prev = r.hash;
    }
    await s.tamper(sql);
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: false, brokenAt: 4, reason: 'row 4 does not link to row 3' });
  });
});
