// The SQL client through the unmodified @databricks/sql driver against the simulator's warehouse.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loginAs } from '@/testing/oauth-login';
import { appEnv, startTestSimulator, type TestSimulator } from '@/testing/simulator';
import { loadConfig, type AppConfig } from '../config';
import { createLogger } from '../log';
import { roleFromGroups } from '../roles';
import { DatabricksError } from './errors';
import { getWorkspace } from './get-workspace';
import { SqlClient, SQL_RETRY_BUDGET_MS, defineQuery } from './sql-client';
import { staticCredentials } from './credentials';

let sim: TestSimulator;
let service: AppConfig;
let user: AppConfig;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-int-sql-'));
const quiet = createLogger({}, () => {}, 'error');

const ECHO = defineQuery({
  name: 'test.echo',
  sql: 'SELECT :label AS label, :n AS n, :flag AS flag',
  row: z.object({ label: z.string(), n: z.number(), flag: z.boolean() }),
  maxRows: 1,
  timeoutSeconds: 10,
});
const TABLES = defineQuery({
  name: 'test.tables',
  sql: 'SELECT table_catalog, table_name FROM system.information_schema.tables WHERE table_catalog <> :skip ORDER BY table_catalog, table_name',
  row: z.object({ table_catalog: z.string(), table_name: z.string() }),
  maxRows: 5,
  timeoutSeconds: 20,
});
const WHO = defineQuery({
  name: 'test.who',
  sql: 'SELECT current_user() AS who',
  row: z.object({ who: z.string() }),
  maxRows: 1,
  timeoutSeconds: 10,
});

beforeAll(async () => {
  sim = await startTestSimulator();
  service = loadConfig({
    ...appEnv(sim.workspace, 'service', 'http://127.0.0.1:3999', dataDir),
    NEXTAUTH_SECRET: 'sql-int-secret-sql-int-secret-sql-int-0',
  });
  user = loadConfig({
    ...appEnv(sim.workspace, 'user', 'http://127.0.0.1:3999', dataDir),
    NEXTAUTH_SECRET: 'sql-int-secret-sql-int-secret-sql-int-0',
  });
});
afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await sim.control('DELETE', '/faults');
});

describe('SqlClient', () => {
  it('binds named parameters of every kind', async () => {
    const ws = getWorkspace({ userName: 'x', accessToken: null }, service);
    const r = await ws.sql.query(ECHO, { label: "it's 'quoted'; DROP TABLE x", n: 42, flag: true });
    expect(r.rows).toEqual([{ label: "it's 'quoted'; DROP TABLE x", n: 42, flag: true }]);
    expect(r.truncated).toBe(false);
  });

  it('stops at the row cap and says the result was truncated', async () => {
    const ws = getWorkspace({ userName: 'x', accessToken: null }, service);
    const r = await ws.sql.query(TABLES, { skip: 'system' });
    expect(r.rows).toHaveLength(5);
    expect(r.truncated).toBe(true);
    const all = await ws.sql.query({ ...TABLES, maxRows: 10_000 }, { skip: 'system' });
    expect(all.rows.length).toBeGreaterThan(5);
    expect(all.truncated).toBe(false);
    expect(r.rows).toEqual(all.rows.slice(0, 5));
  });

  it('runs as the service principal in service mode and as the person in user mode', async () => {
    expect((await getWorkspace({ userName: 'x', accessToken: null }, service).sql.query(WHO)).rows[0]!.who).toBe(
      sim.workspace.servicePrincipal.applicationId,
    );
    const analyst = sim.workspace.people.find(
      (p) => roleFromGroups(p.groups, { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] }) === 'analyst',
    )!;
    const tokens = await loginAs(sim.workspace, analyst.userName);
    expect((await getWorkspace({ userName: analyst.userName, accessToken: tokens.accessToken }, user).sql.query(WHO)).rows[0]!.who).toBe(
      analyst.userName,
    );
  });

  it("turns a query error into a typed error with the warehouse's class and message", async () => {
    const ws = getWorkspace({ userName: 'x', accessToken: null }, service);
    const bad = defineQuery({
      name: 'test.missing_table',
      sql: 'SELECT * FROM main.nowhere.nothing',
      row: z.object({}),
      maxRows: 1,
      timeoutSeconds: 10,
    });
    const e = (await ws.sql.query(bad).catch((x: unknown) => x)) as DatabricksError;
    expect(e).toBeInstanceOf(DatabricksError);
    expect([e.status, e.errorCode]).toEqual([404, 'TABLE_OR_VIEW_NOT_FOUND']);
    expect(e.message).toContain('nothing');
  });

  it('gives up at the statement timeout and recovers on the next statement', async () => {
    const client = new SqlClient({
      host: sim.sim.url,
      httpPath: sim.workspace.warehouseHttpPath,
      credentials: staticCredentials(sim.workspace.adminToken),
      log: quiet,
    });
    const slow = { ...WHO, name: 'test.slow', timeoutSeconds: 1 };
    await sim.control('POST', '/faults', { spec: `POST ${sim.workspace.warehouseHttpPath} -> delay:4000 times=1` });
    const started = Date.now();
    expect(await client.query(slow).catch((x: unknown) => x)).toMatchObject({ errorCode: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(3_500);
    expect((await client.query(WHO)).rows[0]!.who).toBeTruthy();
    await client.close();
  });

  it("rejects rows that do not match the query's row schema", async () => {
    const ws = getWorkspace({ userName: 'x', accessToken: null }, service);
    const wrong = defineQuery({
      name: 'test.wrong_shape',
      sql: 'SELECT 1 AS n',
      row: z.object({ n: z.string() }),
      maxRows: 1,
      timeoutSeconds: 10,
    });
    expect(await ws.sql.query(wrong).catch((x: unknown) => x)).toMatchObject({ errorCode: 'UNEXPECTED_RESPONSE' });
  });

  describe('rate limits and a busy warehouse', () => {
    const client = () =>
      new SqlClient({
        host: sim.sim.url,
        httpPath: sim.workspace.warehouseHttpPath,
        credentials: staticCredentials(sim.workspace.adminToken),
        log: quiet,
        random: () => 0,
      });
    /** One fault on the next warehouse call, after a first statement has opened the session (so it hits ExecuteStatement). */
    async function warmWithFault(c: SqlClient, action: string): Promise<() => Promise<number>> {
      await c.query(WHO);
      const { rules } = await sim.control<{ rules: Array<{ id: string }> }>('POST', '/faults', {
        spec: `POST ${sim.workspace.warehouseHttpPath} -> ${action} times=1`,
      });
      return async () => {
        const { rules: left } = await sim.control<{ rules: Array<{ id: string; hits: number }> }>('GET', '/faults');
        return left.find((r) => r.id === rules[0]!.id)?.hits ?? 1; // an expired rule was hit its one time
      };
    }

    it('retries a read-only statement after the wait the warehouse asked for', async () => {
      const c = client();
      const hits = await warmWithFault(c, '429 retry-after=1');
      const started = Date.now();
      expect((await c.query(WHO)).rows[0]!.who).toBeTruthy();
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(await hits()).toBe(1);
      await c.close();
    });

    it('retries a read-only statement when the warehouse is temporarily unavailable', async () => {
      const c = client();
      await warmWithFault(c, '503:TEMPORARILY_UNAVAILABLE');
      expect((await c.query(WHO)).rows[0]!.who).toBeTruthy();
      await c.close();
    });

    it('never retries a statement that is not read-only, and gives up at once on a wait beyond the budget', async () => {
      const c = client();
      await warmWithFault(c, '429 retry-after=1');
      const grantLike = { ...WHO, name: 'test.not_read_only', readOnly: false };
      expect(await c.query(grantLike).catch((x: unknown) => x)).toMatchObject({
        status: 429,
        errorCode: 'REQUEST_LIMIT_EXCEEDED',
        retryAfterSeconds: 1,
      });
      await warmWithFault(c, `429 retry-after=${SQL_RETRY_BUDGET_MS / 1000 + 1}`);
      const started = Date.now();
      expect(await c.query(WHO).catch((x: unknown) => x)).toMatchObject({ status: 429, retryAfterSeconds: SQL_RETRY_BUDGET_MS / 1000 + 1 });
      expect(Date.now() - started).toBeLessThan(1_000);
      await c.close();
    });

    it('refuses to define a GRANT-style statement as read-only', () => {
      expect(() => defineQuery({ name: 'test.grant', sql: 'GRANT SELECT ON TABLE a.b.c TO `x`', row: z.object({}) })).toThrow(
        /readOnly: false/,
      );
      expect(
        defineQuery({ name: 'test.grant', sql: 'GRANT SELECT ON TABLE a.b.c TO `x`', row: z.object({}), readOnly: false }).readOnly,
      ).toBe(false);
    });
  });
});
