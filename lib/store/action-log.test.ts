import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import { KEY, revoke } from '@/testing/action-log-fixtures';
import { appendAction, GENESIS_HASH, listActions, type ActionInput } from './action-log';
import { verifyActionLog } from './action-log-verify';

describe.each(STORE_ENGINES)('action log on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());
  const appendMany = async (n: number, outcome: ActionInput['outcome'] = 'success') => {
    for (let i = 1; i <= n; i++) await appendAction(s.db, KEY, revoke(i, outcome));
  };

  it('chains each row to the previous one with the configured key', async () => {
    const first = await appendAction(s.db, KEY, revoke(1));
    const second = await appendAction(s.db, KEY, revoke(2, 'failure'));
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(second).toMatchObject({ seq: 2, outcome: 'failure', upstreamRequestId: 'up-2', actingAs: 'sp-1', keyId: KEY.id });
    expect(await verifyActionLog(s.db, KEY)).toEqual({ ok: true, rows: 2, head: { seq: 2, hash: second.hash }, unkeyedRows: 0 });
  });

  it('keeps one chain when many requests append at once', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => appendAction(s.db, KEY, revoke(i + 1))));
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: true, rows: 40 });
  });

  it.runIf(engine.openAnother)('keeps one chain when two instances of the app append at once', async () => {
    const other = await engine.openAnother!(s);
    try {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => appendAction(i % 2 ? s.db : other, KEY, { ...revoke(i + 1), actor: `instance-${i % 2}` })),
      );
    } finally {
      await other.close();
    }
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: true, rows: 30 });
    expect(new Set((await listActions(s.db)).map((r) => r.actor))).toEqual(new Set(['instance-0', 'instance-1']));
  });

  it('lists newest first and pages backwards by seq', async () => {
    await appendMany(5);
    const seqs = async (filter: Parameters<typeof listActions>[1]) => (await listActions(s.db, filter)).map((r) => r.seq);
    expect(await seqs({ limit: 2 })).toEqual([5, 4]);
    expect(await seqs({ limit: 2, beforeSeq: 4 })).toEqual([3, 2]);
    expect(await seqs({ target: 'token:3' })).toEqual([3]);
    await appendAction(s.db, KEY, { ...revoke(6, 'failure'), actor: 'bo@example.com', action: 'secrets.delete' });
    expect(await seqs({ outcome: 'failure' })).toEqual([6]);
    expect(await seqs({ actor: 'bo@example.com' })).toEqual([6]);
    expect(await seqs({ action: 'tokens.' })).toEqual([5, 4, 3, 2, 1]);
    expect(await seqs({ action: 'secrets.delete' })).toEqual([6]);
  });

  it('lists the rows written in a time span', async () => {
    for (const [n, at] of [
      [1, '2026-12-01T10:00:00.000Z'],
      [2, '2026-12-01T10:00:05.000Z'],
      [3, '2026-12-01T10:00:30.000Z'],
    ] as const)
      await appendAction(s.db, KEY, revoke(n), new Date(at));
    const span = { since: new Date('2026-12-01T10:00:00.000Z'), until: new Date('2026-12-01T10:00:10.000Z') };
    expect((await listActions(s.db, span)).map((r) => r.seq)).toEqual([2, 1]);
  });

  it('refuses updates, deletes and truncation', async () => {
    await appendAction(s.db, KEY, revoke(1));
    await expect(s.db.run("UPDATE action_log SET outcome = 'failure'")).rejects.toThrow(/append-only/);
    await expect(s.db.run('DELETE FROM action_log')).rejects.toThrow(/append-only/);
    if (engine.name === 'postgres') await expect(s.db.run('TRUNCATE action_log')).rejects.toThrow(/append-only/);
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: true, rows: 1 });
  });

  it('notices a row changed behind its back', async () => {
    await appendMany(3, 'failure');
    await s.tamper("UPDATE action_log SET outcome = 'success' WHERE seq = 2");
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: false, brokenAt: 2, reason: 'row 2 was changed after it was written' });
  });

  it('notices a row removed from the middle or cut off the end', async () => {
    await appendMany(4);
    await s.tamper('DELETE FROM action_log WHERE seq = 4');
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: false, brokenAt: 4, reason: 'rows 4–4 are missing from the end' });
    await s.tamper('DELETE FROM action_log WHERE seq = 2');
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: false, brokenAt: 2, reason: 'row 2 is missing' });
  });

  it('notices a forged row whose own hash was recomputed but not its successors', async () => {
    await appendMany(3);
    // Change the first hex digit whatever it was (a fixed replacement is a no-op one time in sixteen).
    await s.tamper(
      "UPDATE action_log SET hash = (CASE substr(hash, 1, 1) WHEN 'f' THEN '0' ELSE 'f' END) || substr(hash, 2) WHERE seq = 1",
    );
    expect(await verifyActionLog(s.db, KEY)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('verifies from a checkpoint, and notices when the checkpoint row itself was changed', async () => {
    await appendMany(3);
    const first = await verifyActionLog(s.db, KEY);
    expect(first.ok).toBe(true);
    const head = first.ok ? first.head : null;
    await appendAction(s.db, KEY, revoke(4));
    expect(await verifyActionLog(s.db, KEY, head)).toMatchObject({ ok: true, rows: 4, head: { seq: 4 } });
    await s.tamper("UPDATE action_log SET outcome = 'partial' WHERE seq = 3");
    await s.tamper(
      "UPDATE action_log SET hash = (CASE substr(hash, 1, 1) WHEN 'f' THEN '0' ELSE 'f' END) || substr(hash, 2) WHERE seq = 3",
    );
    expect(await verifyActionLog(s.db, KEY, head)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'row 3 was changed after it was written',
    });
  });

  it('masks token-shaped values in the detail, whatever their key, and keeps other values readable', async () => {
    const value = 'dapi0123456789abcdef0123456789abcdef';
    const r = await appendAction(s.db, KEY, {
      ...revoke(1),
      detail: {
        lifetimeDays: 90,
        secretScope: 'prod-etl',
        secretKey: 'etl_token',
        delivered: `new value ${value}`,
        nested: [{ v: value }],
      },
    });
    expect(r.detail).toEqual({
      lifetimeDays: 90,
      secretScope: 'prod-etl',
      secretKey: 'etl_token',
      delivered: 'new value dapi[redacted]',
      nested: [{ v: 'dapi[redacted]' }],
    });
    expect(await s.rawText()).not.toContain('0123456789abcdef0123456789abcdef');
  });

  it('never stores the key, only its id', async () => {
    await appendMany(2);
    const text = await s.rawText();
    expect(text).toContain(KEY.id);
    expect(text).not.toContain('action-log-test-key');
    expect(JSON.stringify(KEY)).toBe(JSON.stringify({ id: KEY.id }));
  });

  it('survives a restart with its chain intact', async () => {
    await appendMany(2);
    const db = await s.reopen();
    expect(await verifyActionLog(db, KEY)).toMatchObject({ ok: true, rows: 2 });
  });
});
