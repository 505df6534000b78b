import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DBSQLClient } from '@databricks/sql';
import { readFileSync } from 'node:fs';
import { type Harness, startHarness } from '../testing/harness';
import { type SqlUser, nextWarehouseFault, sqlSession } from './driver-testing';

describe('SQL warehouse through the real driver', () => {
  let h: Harness;
  let admin: SqlUser;
  beforeAll(async () => {
    h = await startHarness();
    admin = await sqlSession(h, h.admin);
  });
  afterAll(() => h.close());

  it('runs a query in one round trip with the JS types a warehouse produces', async () => {
    const rows = await admin.q(
      "SELECT 1 AS x, 'a' AS s, DATE '2026-01-02' AS d, TIMESTAMP '2026-01-02 03:04:05.123' AS t, NULL AS n, 12.50::DECIMAL(10,2) AS dec, 9007199254740993::BIGINT AS big",
    );
    expect(rows).toEqual([
      {
        x: 1,
        s: 'a',
        d: new Date('2026-01-02T00:00:00Z'),
        t: new Date('2026-01-02T03:04:05.123Z'),
        n: null,
        dec: 12.5,
        big: 9007199254740992,
      },
    ]);
  });

  it('binds named and positional parameters', async () => {
    const named = await admin.q('SELECT :n + 1 AS n, :s AS s, :when AS w, :nothing AS z, :flag AS f', {
      n: 41,
      s: "it's",
      when: new Date('2026-03-04T05:06:07Z'),
      nothing: null,
      flag: false,
    });
    expect(named).toEqual([{ n: 42, s: "it's", w: new Date('2026-03-04T05:06:07Z'), z: null, f: false }]);
    const positional = await admin.session.executeStatement('SELECT ? AS a, ? * 2 AS b', { ordinalParameters: ['x', 3.5] });
    expect(await positional.fetchAll()).toEqual([{ a: 'x', b: 7 }]);
  });

  it('reports bad SQL and unbound parameters as operation errors', async () => {
    await expect(admin.q('SELEC oops FROM')).rejects.toMatchObject({
      errorCode: 'ERROR',
      message: expect.stringMatching(/^Parser Error: syntax error at or near "SELEC"/),
    });
    await expect(admin.q('SELECT :missing AS m')).rejects.toMatchObject({
      message: expect.stringMatching(/^\[UNBOUND_SQL_PARAMETER\]/),
      response: { sqlState: '42P02' },
    });
  });

  it('returns structs, maps and lists as objects and answers identity functions for the caller', async () => {
    const [row] = await admin.q(
      "SELECT named_struct('email', 'a@b', 'n', 2) AS st, map('k', 'v') AS m, array(1, 2) AS l, current_user() AS me, is_account_group_member('admins') AS adm, is_member('hr') AS hr",
    );
    expect(row).toEqual({
      st: { email: 'a@b', n: 2 },
      m: { k: 'v' },
      l: [1, 2],
      me: h.sim.workspace.people.find((p) => p.groups.includes('admins'))?.userName,
      adm: true,
      hr: false,
    });
  });

  it('joins an array into a string with array_join, skipping NULLs, as Databricks does', async () => {
    const [row] = await admin.q("SELECT array_join(array('pii', NULL, 'class.restricted'), ',') AS joined");
    expect(row).toEqual({ joined: 'pii,class.restricted' });
  });

  it('pages large results through FetchResults', async () => {
    const op = await admin.session.executeStatement('SELECT range AS i, CAST(range AS VARCHAR) AS s FROM range(250000)', {
      maxRows: 10000,
    });
    const rows = await op.fetchAll({ maxRows: 60000 });
    expect(rows).toHaveLength(250000);
    expect(rows[249999]).toEqual({ i: 249999, s: '249999' });
    await op.close();
  });

  it('cancels a running statement and times out a slow one, without hanging', async () => {
    const slow = 'SELECT count(*) AS n FROM range(100000000000)';
    const op = await admin.session.executeStatement(slow);
    await op.cancel();
    await expect(op.fetchAll()).rejects.toMatchObject({ errorCode: 'CANCELED' });
    const timed = await admin.session.executeStatement(slow, { queryTimeout: 1 });
    await expect(timed.fetchAll()).rejects.toMatchObject({
      errorCode: 'TIMEOUT',
      message: expect.stringMatching(/^\[QUERY_EXECUTION_TIMEOUT_EXCEEDED\]/),
    });
    expect(await admin.q('SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });

  it('turns injected faults into query errors or a hang the client can cancel, never an HTTP error', async () => {
    await nextWarehouseFault(h, { type: 'status', status: 503, errorCode: 'TEMPORARILY_UNAVAILABLE', message: 'Warehouse is restarting.' });
    await expect(admin.q('SELECT 1')).rejects.toThrow('[TEMPORARILY_UNAVAILABLE] Warehouse is restarting.');
    await nextWarehouseFault(h, { type: 'rate_limit', retryAfterSeconds: 7 });
    await expect(admin.q('SELECT 1')).rejects.toThrow(/^\[REQUEST_LIMIT_EXCEEDED\].*7 seconds/);
    await nextWarehouseFault(h, { type: 'delay', ms: 300 });
    expect(await admin.q('SELECT 3 AS x')).toEqual([{ x: 3 }]);
    await nextWarehouseFault(h, { type: 'hang' });
    const hung = await admin.session.executeStatement('SELECT 4 AS x');
    await hung.cancel();
    await expect(hung.fetchAll()).rejects.toMatchObject({ errorCode: 'CANCELED' });
    await nextWarehouseFault(h, { type: 'drop_response' });
    await expect(admin.q('SELECT 5 AS x')).rejects.toThrow(/CONNECTION_RESET/);
  });

  it('refuses a bad token before any session exists', async () => {
    const client = await new DBSQLClient().connect({
      host: '127.0.0.1',
      port: h.sim.port,
      path: h.sim.workspace.warehouseHttpPath,
      token: 'dapi-not-a-token',
      customCaCert: readFileSync(h.sim.workspace.caCertPath),
    });
    await expect(client.openSession()).rejects.toMatchObject({ statusCode: 403 });
    await client.close();
  });
});
