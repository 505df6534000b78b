// Shared by the audit integration tests: a started simulator, people signed in with OAuth (user mode, as in
// production), the admin's PAT for making changes, and a wait for the audit sink to land fresh events.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loginAs } from './oauth-login';
import { appEnv, startTestSimulator, type TestSimulator } from './simulator';
import { loadConfig } from '../lib/config';
import type { Role } from '../lib/roles';
import { createLogger } from '../lib/log';
import { roleFromGroups } from '../lib/roles';
import type { AuditFilters } from '@/lib/audit/contract';
import { resolveWindow } from '@/lib/audit/rules/range';
import { explorerPageStatement } from '../lib/audit/server/explorer';
import { runAudit } from '../lib/audit/server/sql';
import { staticCredentials } from '../lib/databricks/credentials';
import { getWorkspace, type Workspace } from '../lib/databricks/get-workspace';
import { RestClient } from '../lib/databricks/rest-client';
import { defineQuery } from '../lib/databricks/sql-client';
import { openSqlite } from '../lib/store/sqlite';
import type { Db } from '../lib/store/engine';

export interface AuditHarness {
  sim: TestSimulator;
  /** A signed-in analyst: the role the audit page is for. */
  analyst: Workspace;
  admin: Workspace;
  /** The app's store the audit loaders read "via Brickwatch" from (a fresh one, empty unless a test writes to it). */
  store: { db: Db };
  /** REST as the workspace admin (PAT), for making the changes the audit log must show. */
  setup: RestClient;
  /** Signs in the seeded person with this role; null: someone with no Brickwatch role (and no audit grant). */
  signIn(role: Role | null): Promise<Workspace>;
  stop(): Promise<void>;
}

const ROLE_GROUPS = { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] };

export async function startAuditHarness(): Promise<AuditHarness> {
  const sim = await startTestSimulator();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-int-'));
  const config = loadConfig({
    ...appEnv(sim.workspace, 'user', 'http://127.0.0.1:3999', dataDir),
    NEXTAUTH_SECRET: 'audit-integration-secret-0123456789abcdef',
  });
  const signIn = async (role: Role | null) => {
    const userName = sim.workspace.people.find((p) => roleFromGroups(p.groups, ROLE_GROUPS) === role)!.userName;
    return getWorkspace({ userName, accessToken: (await loginAs(sim.workspace, userName)).accessToken }, config);
  };
  const admin = await signIn('admin');
  await grantAuditAccess(admin, ANALYSTS);
  const db = openSqlite(path.join(dataDir, 'brickwatch.db'));
  return {
    sim,
    store: { db },
    analyst: await signIn('analyst'),
    admin,
    signIn,
    setup: new RestClient({
      host: sim.sim.url,
      credentials: staticCredentials(sim.workspace.adminToken),
      log: createLogger({}, () => {}, 'error'),
    }),
    async stop() {
      await db.close();
      await sim.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ANALYSTS = 'security-analysts';

/**
 * As on Databricks, nobody reads system tables until granted: what an admin does once for the security team.
 * Runs as SQL through the driver, so each grant is itself a unityCatalog.updatePermissions event.
 */
export async function grantAuditAccess(admin: Workspace, group: string): Promise<void> {
  for (const sql of [
    `GRANT USE CATALOG ON CATALOG system TO \`${group}\``,
    `GRANT USE SCHEMA ON SCHEMA system.access TO \`${group}\``,
    `GRANT SELECT ON TABLE system.access.audit TO \`${group}\``,
  ]) {
    await admin.sql.query(defineQuery({ name: 'test.grant', sql, row: z.record(z.string(), z.unknown()), maxRows: 10, readOnly: false }));
  }
}

/**
 * The simulator's audit sink writes in batches a few milliseconds after the call it records (as Databricks
 * delivers audit rows with a delay). Polls the newest matching events, uncached, until one satisfies `match`.
 */
export async function waitForAuditEvent(
  ws: Workspace,
  filters: AuditFilters,
  match: (params: Record<string, string>) => boolean,
  timeoutMs = 5_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const window = resolveWindow({ range: '24h' }, new Date());
    const { rows } = await runAudit(ws, explorerPageStatement(window, filters, null, 20));
    const found = rows.find((r) => match(r.request_params));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${filters.service}.${filters.action} audit event appeared within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
