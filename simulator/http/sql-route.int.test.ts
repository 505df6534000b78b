import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:https';
import { DBSQLClient } from '@databricks/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas, startHarness, type Harness } from '../testing/harness';

// The SQL warehouse path as the unmodified driver reaches it through the simulator's own server: routing,
// bearer authentication, the request log and fault rules (turned into query errors, never HTTP errors).
let h: Harness;
const clients: DBSQLClient[] = [];
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await h?.close();
});

async function connect(token: string, path = h.sim.workspace.warehouseHttpPath) {
  const client = new DBSQLClient();
  clients.push(client);
  return client.connect({ host: '127.0.0.1', port: h.sim.port, path, token, customCaCert: readFileSync(h.sim.workspace.caCertPath) });
}

describe('SQL warehouse route', () => {
  it('runs a query for a PAT and for an OAuth token, logging the caller', async () => {
    await h.call(h.admin, 'DELETE', '/__simulator/requests');
    const session = await (await connect(h.admin)).openSession();
    const op = await session.executeStatement('SELECT current_user() AS me, 1 + 1 AS two');
    expect(await op.fetchAll()).toEqual([{ me: personas(h).admin.userName, two: 2 }]);
    await session.close();
    const oauth = (await h.login(personas(h).analyst.userName)).access_token;
    const s2 = await (await connect(oauth)).openSession();
    expect(await (await s2.executeStatement('SELECT current_user() AS me')).fetchAll()).toEqual([{ me: personas(h).analyst.userName }]);
    await s2.close();
    const log = (
      await h.call<{ requests: Array<{ path: string; status: number; identity: string }> }>(
        h.admin,
        'GET',
        '/__simulator/requests?path_prefix=/sql/',
      )
    ).json.requests;
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((e) => e.status === 200)).toBe(true);
    expect(log[0]?.identity).toBe(personas(h).admin.userName);
  });

  it('describes the warehouse over REST with its HTTP path', async () => {
    const { warehouseId, warehouseHttpPath } = h.sim.workspace;
    const res = await h.call<{ odbc_params: { path: string; port: number }; state: string }>(
      h.admin,
      'GET',
      `/api/2.0/sql/warehouses/${warehouseId}`,
    );
    expect(res.json).toMatchObject({ state: 'RUNNING', odbc_params: { path: warehouseHttpPath, port: h.sim.port } });
    expect((await h.call(h.admin, 'GET', '/api/2.0/sql/warehouses/nope')).status).toBe(404);
  });

  it('answers a bad token with 403 and an unknown warehouse with 404, which the driver reports at once', async () => {
    await expect((await connect('dapi0123456789abcdef0123456789abcdef')).openSession()).rejects.toMatchObject({ statusCode: 403 });
    await expect((await connect(h.admin, '/sql/1.0/warehouses/nope')).openSession()).rejects.toMatchObject({ statusCode: 404 });
  });

  // With Node's default of 5 s, a client that stayed busy decoding a large chunk for longer sent its next FetchResults
  // on a connection the server was closing (the bench's ECONNRESET; see KEEP_ALIVE_TIMEOUT_MS in server.ts).
  it('keeps an idle connection for two minutes and announces it, so a client busy for seconds reuses it', async () => {
    const agent = new Agent({ keepAlive: true, ca: readFileSync(h.sim.workspace.caCertPath) });
    const call = () =>
      new Promise<{ keepAlive: string; reused: boolean }>((resolve, reject) => {
        const headers = { Authorization: `Bearer ${h.admin}` };
        const req = get(`${h.sim.url}/api/2.0/sql/warehouses/${h.sim.workspace.warehouseId}`, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve({ keepAlive: String(res.headers['keep-alive']), reused: req.reusedSocket }));
        });
        req.on('error', reject);
      });
    try {
      expect(await call()).toEqual({ keepAlive: 'timeout=120', reused: false });
      expect(await call()).toEqual({ keepAlive: 'timeout=120', reused: true });
    } finally {
      agent.destroy();
    }
  });

  it('turns a fault rule on the SQL path into a query error instead of an HTTP error', async () => {
    const session = await (await connect(h.admin)).openSession();
    await h.call(h.admin, 'POST', '/__simulator/faults', { spec: `POST ${h.sim.workspace.warehouseHttpPath} -> 503 times=1` });
    const op = await session.executeStatement('SELECT 1 AS x');
    await expect(op.fetchAll()).rejects.toThrow();
    expect(await (await session.executeStatement('SELECT 1 AS x')).fetchAll()).toEqual([{ x: 1 }]);
    await session.close();
  });
});
