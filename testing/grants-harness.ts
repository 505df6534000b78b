// Shared by the grants and data-protection integration tests: a started simulator, people signed in with OAuth (user
// identity mode, as in production) — the admin who acts, an analyst who only reads, anyone else by name — a throwaway
// store for the action log, and plain SQL as any of them to read back what a change did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loginAs } from './oauth-login';
import { appEnv, startTestSimulator, type TestSimulator } from './simulator';
import { loadConfig, type AppConfig } from '../lib/config';
import type { ActionContext } from '../lib/activity/server/record';
import { getWorkspace, type Workspace } from '../lib/databricks/get-workspace';
import { defineQuery, type SqlParam } from '../lib/databricks/sql-client';
import { actionLogKey } from '../lib/store/action-log-key';
import type { Db } from '../lib/store/engine';
import { openSqlite } from '../lib/store/sqlite';

export interface GrantsHarness {
  sim: TestSimulator;
  config: AppConfig;
  db: Db;
  admin: { userName: string; ws: Workspace; ctx: ActionContext };
  analyst: { userName: string; ws: Workspace };
  /** Signs in any seeded person (user identity mode). */
  signIn(userName: string): Promise<Workspace>;
  /** Runs read-only SQL as the workspace and returns plain rows. */
  rows(ws: Workspace, sql: string, params?: Record<string, SqlParam>): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

export async function startGrantsHarness(): Promise<GrantsHarness> {
  const sim = await startTestSimulator();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grants-int-'));
  const config = loadConfig({
    ...appEnv(sim.workspace, 'user', 'http://127.0.0.1:3999', dataDir),
    NEXTAUTH_SECRET: 'grants-integration-secret-0123456789abcdef',
  });
  const db = openSqlite(path.join(dataDir, 'brickwatch.db'));
  const signIn = async (userName: string) =>
    getWorkspace({ userName, accessToken: (await loginAs(sim.workspace, userName)).accessToken }, config);
  const adminName = sim.workspace.people.find((p) => p.groups.includes('admins'))!.userName;
  const analystName = sim.workspace.people.find((p) => p.groups.includes('security-analysts') && !p.groups.includes('admins'))!.userName;
  const adminWs = await signIn(adminName);
  return {
    sim,
    config,
    db,
    admin: {
      userName: adminName,
      ws: adminWs,
      ctx: {
        ws: adminWs,
        person: { userName: adminName, role: 'admin' },
        requestId: 'int-test',
        db,
        logKey: actionLogKey('grants-integration-action-log-key-0123456789'),
      },
    },
    analyst: { userName: analystName, ws: await signIn(analystName) },
    signIn,
    async rows(ws, sql, params = {}) {
      const q = defineQuery({ name: 'test.read', sql, row: z.record(z.string(), z.unknown()), maxRows: 10_000 });
      return (await ws.sql.query(q, params)).rows;
    },
    async stop() {
      await db.close();
      await sim.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
