import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../core/contract';
import { type TestWarehouse, startTestWarehouse } from './test-server';

const ana: Principal = { kind: 'user', id: '1', name: 'ana@example.com', displayName: 'Ana', active: true, groups: ['users', 'hr'], isAdmin: false };

describe('SQL warehouse through the real driver', () => {
  let w: TestWarehouse;
  beforeAll(async () => {
    w = await startTestWarehouse({ tokens: { 'tok-ana': ana } });
  });
  afterAll(() => w.close());

  it('runs a query in one round trip with JS types a warehouse produces', async () => {
    const client = await w.client('tok-ana');
    const session = await client.openSession();
    const op = await session.executeStatement("SELECT 1 AS x, 'a' AS s, DATE '2026-01-02' AS d, TIMESTAMP '2026-01-02 03:04:05.123' AS t, NULL AS n, 12.50::DECIMAL(10,2) AS dec, 9007199254740993::BIGINT AS big");
    const rows = await op.fetchAll();
    await op.close();
    expect(rows).toEqual([{ x: 1, s: 'a', d: new Date('2026-01-02T00:00:00Z'), t: new Date('2026-01-02T03:04:05.123Z'), n: null, dec: 12.5, big: 9007199254740992 }]);
    await session.close();
  });

  it('binds named and positional parameters', async () => {
    const session = await (await w.client('tok-ana')).openSession();
    const named = await session.executeStatement('SELECT :n + 1 AS n, :s AS s, :when AS w, :nothing AS z, :flag AS f', {
      namedParameters: { n: 41, s: "it's", when: new Date('2026-03-04T05:06:07Z'), nothing: null, flag: false },
    });
    expect(await named.fetchAll()).toEqual([{ n: 42, s: "it's", w: new Date('2026-03-04T05:06:07Z'), z: null, f: false }]);
    const positional = await session.executeStatement('SELECT ? AS a, ? * 2 AS b', { ordinalParameters: ['x', 3.5] });
    expect(await positional.fetchAll()).toEqual([{ a: 'x', b: 7 }]);
    await session.close();
  });

  it('reports bad SQL and unbound parameters as operation errors, quickly', async () => {
    const session = await (await w.client('tok-ana')).openSession();
    const bad = await session.executeStatement('SELEC oops FROM');
    await expect(bad.fetchAll()).rejects.toMatchObject({ errorCode: 'ERROR', message: expect.stringMatching(/^Parser Error: syntax error at or near "SELEC"/) });
    const unbound = await session.executeStatement('SELECT :missing AS m');
    await expect(unbound.fetchAll()).rejects.toMatchObject({ message: expect.stringMatching(/^\[UNBOUND_SQL_PARAMETER\]/), response: { sqlState: '42P02' } });
    await session.close();
  });

  it('returns structs, maps and lists as objects', async () => {
    const session = await (await w.client('tok-ana')).openSession();
    const op = await session.executeStatement("SELECT named_struct('email', 'a@b', 'n', 2) AS st, map('k', 'v') AS m, array(1, 2) AS l, current_user() AS me, is_account_group_member('hr') AS hr, is_member('admins') AS adm");
    expect(await op.fetchAll()).toEqual([{ st: { email: 'a@b', n: 2 }, m: { k: 'v' }, l: [1, 2], me: 'ana@example.com', hr: true, adm: false }]);
    await session.close();
  });

  it('pages large results through FetchResults', async () => {
    const session = await (await w.client('tok-ana')).openSession();
    const op = await session.executeStatement('SELECT range AS i, CAST(range AS VARCHAR) AS s FROM range(250000)', { maxRows: 10000 });
    const rows = await op.fetchAll({ maxRows: 60000 });
    expect(rows).toHaveLength(250000);
    expect(rows[249999]).toEqual({ i: 249999, s: '249999' });
    await op.close();
    await session.close();
  });

  it('cancels a running statement and times out a slow one, without hanging', async () => {
    const session = await (await w.client('tok-ana')).openSession();
    const slow = 'SELECT count(*) AS n FROM range(100000000000)';
    const op = await session.executeStatement(slow);
    await op.cancel();
    await expect(op.fetchAll()).rejects.toMatchObject({ errorCode: 'CANCELED' });
    const timed = await session.executeStatement(slow, { queryTimeout: 1 });
    await expect(timed.fetchAll()).rejects.toMatchObject({
      errorCode: 'TIMEOUT', message: expect.stringMatching(/^\[QUERY_EXECUTION_TIMEOUT_EXCEEDED\]/),
    });
    const after = await session.executeStatement('SELECT 2 AS two');
    expect(await after.fetchAll()).toEqual([{ two: 2 }]);
    await session.close();
  });

  it('turns injected faults into query errors or a hang the client can cancel, never an HTTP error', async () => {
    const session = await (await w.client('tok-ana')).openSession();
    w.nextFault({ type: 'status', status: 503, errorCode: 'TEMPORARILY_UNAVAILABLE', message: 'Warehouse is restarting.' });
    await expect((await session.executeStatement('SELECT 1')).fetchAll()).rejects.toThrow('[TEMPORARILY_UNAVAILABLE] Warehouse is restarting.');
    w.nextFault({ type: 'rate_limit', retryAfterSeconds: 7 });
    await expect((await session.executeStatement('SELECT 1')).fetchAll()).rejects.toThrow(/^\[REQUEST_LIMIT_EXCEEDED\].*7 seconds/);
    w.nextFault({ type: 'delay', ms: 300 });
    expect(await (await session.executeStatement('SELECT 3 AS x')).fetchAll()).toEqual([{ x: 3 }]);
    w.nextFault({ type: 'hang' });
    const hung = await session.executeStatement('SELECT 4 AS x');
    await hung.cancel();
    await expect(hung.fetchAll()).rejects.toMatchObject({ errorCode: 'CANCELED' });
    w.nextFault({ type: 'drop_response' });
    await expect((await session.executeStatement('SELECT 5 AS x')).fetchAll()).rejects.toThrow(/CONNECTION_RESET/);
    await session.close();
  });

  it('refuses a bad token with 401 before any session exists', async () => {
    const client = await w.client('nope');
    await expect(client.openSession()).rejects.toMatchObject({ statusCode: 401 });
  });
});

