// Shared by the secrets integration tests: a started simulator, seeded people signed in with OAuth (user mode, as in
// production), a throwaway store for the action log, the admin's PAT for setting up and reading the truth, and the
// audit grant a security team gets once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loginAs } from './oauth-login';
import { appEnv, startTestSimulator, type TestSimulator } from './simulator';
import { grantAuditAccess } from './audit-harness';
import { loadConfig, type AppConfig } from '../lib/config';
import { createLogger } from '../lib/log';
import type { ActionContext } from '../lib/activity/server/record';
import { staticCredentials } from '../lib/databricks/credentials';
import { getWorkspace, type Workspace } from '../lib/databricks/get-workspace';
import { RestClient } from '../lib/databricks/rest-client';
import type { Db } from '../lib/store/engine';
import { actionLogKey } from '../lib/store/action-log-key';
import { openSqlite } from '../lib/store/sqlite';

export interface SecretsHarness {
  sim: TestSimulator;
  config: AppConfig;
  db: Db;
  dataDir: string;
  /** Signs a seeded person in (user mode) and gives the action context Brickwatch would build for them. */
  as(userName: string, role?: 'admin' | 'analyst' | 'manager'): Promise<{ ws: Workspace; ctx: ActionContext; token: string }>;
  /** A REST client with someone's token and the Databricks CLI's user agent: that person working outside Brickwatch. */
  cli(token: string): RestClient;
  /** People by what they are in the seed. */
  people: { admin: string; analyst: string; noRole: string };
  /** The admin's PAT through the CLI's user agent, for setting up and reading the truth. */
  setup: RestClient;
  stop(): Promise<void>;
}

export async function startSecretsHarness(): Promise<SecretsHarness> {
  const sim = await startTestSimulator();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-int-'));
  const config = loadConfig({
    ...appEnv(sim.workspace, 'user', 'http://127.0.0.1:3999', dataDir),
    NEXTAUTH_SECRET: 'secrets-integration-secret-0123456789abcdef',
  });
  const db = openSqlite(path.join(dataDir, 'brickwatch.db'));
  const logKey = actionLogKey('secrets-integration-action-log-key-0123456789');
  const byGroup = (g: string, not?: string) =>
    sim.workspace.people.find((p) => p.groups.includes(g) && (!not || !p.groups.includes(not)))!.userName;
  const people = {
    admin: byGroup('admins'),
    analyst: byGroup('security-analysts', 'admins'),
    noRole: sim.workspace.people.find((p) => !p.groups.some((g) => ['admins', 'security-analysts', 'security-managers'].includes(g)))!
      .userName,
  };
  const as = async (userName: string, role: 'admin' | 'analyst' | 'manager' = 'admin') => {
    const token = (await loginAs(sim.workspace, userName)).accessToken;
    const ws = getWorkspace({ userName, accessToken: token }, config);
    return { ws, token, ctx: { ws, person: { userName, role }, requestId: `int-${role}`, db, logKey } };
  };
  const cli = (token: string) =>
    new RestClient({
      host: sim.sim.url,
      credentials: staticCredentials(token),
      userAgent: 'databricks-cli/0.240.0',
      log: createLogger({}, () => {}, 'error'),
    });
  // As on Databricks, nobody reads system tables until granted: what an admin does once for the security team.
  await grantAuditAccess((await as(people.admin)).ws, 'security-analysts');
  return {
    sim,
    config,
    db,
    dataDir,
    as,
    people,
    cli,
    setup: cli(sim.workspace.adminToken),
    async stop() {
      await db.close();
      await sim.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
