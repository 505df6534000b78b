// Shared by the tokens integration tests: a started simulator, an admin acting in user mode, a throwaway store, and
// the check that after any rotation no token was lost or orphaned (read from the simulator's own token list).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loginAs } from './oauth-login';
import { appEnv, startTestSimulator, type TestSimulator } from './simulator';
import { loadConfig, type AppConfig } from '../lib/config';
import type { Role } from '../lib/roles';
import { createLogger } from '../lib/log';
import { roleFromGroups } from '../lib/roles';
import { actionLogKey } from '../lib/store/action-log-key';
import type { Db } from '../lib/store/engine';
import { openSqlite } from '../lib/store/sqlite';
import { staticCredentials } from '../lib/databricks/credentials';
import { getWorkspace, type Workspace } from '../lib/databricks/get-workspace';
import { RestClient } from '../lib/databricks/rest-client';
import { emptyResponse } from '../lib/databricks/schemas';
import type { RotationContext } from '../lib/tokens/server/rotation-driver';
import { listAllTokens, type TokenInfo } from '../lib/databricks/api/tokens';

export interface Harness {
  sim: TestSimulator;
  config: AppConfig;
  db: Db;
  /** The seeded admin person, signed in with OAuth (user mode): the identity rotations act as. */
  admin: { userName: string; ws: Workspace; ctx: RotationContext };
  /**
   * The same admin with a short per-call timeout and short settle / confirmation windows, for the paths where an
   * answer never comes: a delay fault longer than the timeout, then the window in which the late result shows.
   */
  impatient(opts: { timeoutMs: number; settleMs: number; confirmMs: number }): RotationContext;
  /** The simulator's admin PAT, for setting up and for reading the truth afterwards. */
  setup: RestClient;
  stop(): Promise<void>;
}

const DEFAULT_GROUPS = { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] };

export async function startHarness(): Promise<Harness> {
  const sim = await startTestSimulator();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokens-int-'));
  const config = loadConfig({
    ...appEnv(sim.workspace, 'user', 'http://127.0.0.1:3999', dataDir),
    NEXTAUTH_SECRET: 'tokens-integration-secret-0123456789abcdef',
  });
  const db = openSqlite(path.join(dataDir, 'brickwatch.db'));
  const adminName = personWithRole(sim, 'admin');
  const { accessToken } = await loginAs(sim.workspace, adminName);
  const ws = getWorkspace({ userName: adminName, accessToken }, config);
  const person = { userName: adminName, role: 'admin' as const };
  const logKey = actionLogKey('tokens-integration-action-log-key-0123456789');
  const setup = new RestClient({
    host: sim.sim.url,
    credentials: staticCredentials(sim.workspace.adminToken),
    log: createLogger({}, () => {}, 'error'),
  });
  return {
    sim,
    config,
    db,
    admin: { userName: adminName, ws, ctx: { ws, person, requestId: 'int-test', db, logKey, windows: config.rotation } },
    impatient: ({ timeoutMs, settleMs, confirmMs }) => ({
      ws: getWorkspace({ userName: adminName, accessToken }, { ...config, upstreamTimeoutMs: timeoutMs }),
      person,
      requestId: 'int-test-impatient',
      db,
      logKey,
      windows: { settleMs, confirmMs },
    }),
    setup,
    async stop() {
      await db.close();
      await sim.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function personWithRole(sim: TestSimulator, role: Role): string {
  return sim.workspace.people.find((p) => roleFromGroups(p.groups, DEFAULT_GROUPS) === role)!.userName;
}

export async function signIn(sim: TestSimulator, config: AppConfig, userName: string): Promise<Workspace> {
  const tokens = await loginAs(sim.workspace, userName);
  return getWorkspace({ userName, accessToken: tokens.accessToken }, config);
}

/** Every token in the workspace, straight from the simulator (no cache). */
export async function truth(h: Harness): Promise<Map<string, TokenInfo>> {
  return new Map((await listAllTokens(h.setup)).map((t) => [t.token_id, t]));
}

export async function createScope(h: Harness, scope: string): Promise<void> {
  await h.setup.call('POST', '/api/2.0/secrets/scopes/create', emptyResponse, { body: { scope } });
}

/** An active service principal of the seeded estate, by application id and SCIM id. */
export async function activeServicePrincipal(h: Harness): Promise<{ applicationId: string; id: string }> {
  const list = await h.setup.get(
    '/api/2.0/preview/scim/v2/ServicePrincipals',
    z.object({ Resources: z.array(z.object({ id: z.string(), applicationId: z.string(), active: z.boolean().optional() })) }),
  );
  const sp = list.Resources.find((s) => s.active !== false && s.applicationId !== h.sim.workspace.servicePrincipal.applicationId)!;
  return { applicationId: sp.applicationId, id: sp.id };
}
