import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimDb } from './db';

let db: SimDb;
beforeAll(async () => {
  db = await SimDb.open(':memory:');
  await db.run('CREATE TABLE kv (k VARCHAR, v VARCHAR)');
  await db.run("INSERT INTO kv VALUES ('a', '0')");
});
afterAll(() => db.close());

const replace = (v: string) =>
  db.transaction(async (c) => {
    await c.run("DELETE FROM kv WHERE k = 'a'");
    await c.run("INSERT INTO kv VALUES ('a', ?)", [v]);
  });

describe('SimDb.exclusive', () => {
  it('lets concurrent replacements of one row all commit, in call order', async () => {
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.exclusive(async () => {
          await replace(String(i));
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await db.all('SELECT v FROM kv')).toEqual([{ v: '7' }]);
  });

  it('is needed: DuckDB refuses a second open transaction deleting the same row', async () => {
    const [one, two] = [await db.connect(), await db.connect()];
    try {
      await one.run('BEGIN TRANSACTION');
      await two.run('BEGIN TRANSACTION');
      await one.run("DELETE FROM kv WHERE k = 'a'");
      await expect(two.run("DELETE FROM kv WHERE k = 'a'")).rejects.toThrow(/Conflict on tuple deletion/);
    } finally {
      await one.run('ROLLBACK');
      await two.run('ROLLBACK').catch(() => undefined);
      one.closeSync();
      two.closeSync();
    }
  });

  it('runs a nested section in place instead of waiting for itself', async () => {
    const out = await db.exclusive(() => db.exclusive(async () => 'inner'));
    expect(out).toBe('inner');
  });

  it('queues work that a finished section left behind', async () => {
    let later: Promise<void> = Promise.resolve();
    const events: string[] = [];
    await db.exclusive(async () => {
      later = new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => db.exclusive(async () => void events.push('left behind')));
    });
    let release!: () => void;
    const held = db.exclusive(async () => {
      events.push('holder starts');
      await new Promise<void>((r) => (release = r));
      events.push('holder ends');
    });
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all([held, later]);
    expect(events).toEqual(['holder starts', 'holder ends', 'left behind']);
  });
});

describe('SimDb statements with parameters', () => {
  it('binds each call’s own values to a statement prepared once, and sees rows and columns added since', async () => {
    await db.run('CREATE TABLE acl (scope VARCHAR, who VARCHAR)');
    const read = (scope: string) => db.all('SELECT * FROM acl WHERE scope = ? ORDER BY who', [scope]);
    await db.run('INSERT INTO acl VALUES (?, ?), (?, ?)', ['etl', 'ana', 'hr', 'bo']);
    expect(await read('etl')).toEqual([{ scope: 'etl', who: 'ana' }]);
    expect(await read('hr')).toEqual([{ scope: 'hr', who: 'bo' }]);
    await db.run('ALTER TABLE acl ADD COLUMN permission VARCHAR');
    await db.run('INSERT INTO acl VALUES (?, ?, ?)', ['etl', 'cy', 'MANAGE']);
    expect(await read('etl')).toEqual([
      { scope: 'etl', who: 'ana', permission: null },
      { scope: 'etl', who: 'cy', permission: 'MANAGE' },
    ]);
  });

  it('keeps answering when more distinct statements than it keeps prepared have run', async () => {
    for (let n = 0; n < 210; n++) expect(await db.all(`SELECT ${n} + ?::INTEGER AS total`, [1])).toEqual([{ total: n + 1 }]);
    expect(await db.all('SELECT 0 + ?::INTEGER AS total', [41])).toEqual([{ total: 41 }]);
  });
});
