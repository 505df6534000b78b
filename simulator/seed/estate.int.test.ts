import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimDb } from '../core/db';
import { startHarness } from '../testing/harness';
import { ESTATE_CHECKS, estateViolations } from './invariants-sql';

// The demo estate as a started simulator seeded it (workspace, catalog and 90 days of history), read from its
// database once it has stopped: every kind of thing outside its object's life is counted, and must be 0.
const stateDir = mkdtempSync(join(tmpdir(), 'sim-estate-'));
let db: SimDb;

beforeAll(async () => {
  const h = await startHarness({ stateDir });
  await h.close();
  db = await SimDb.open(join(stateDir, 'workspace.duckdb'));
});
afterAll(() => {
  db?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('the seeded demo estate', () => {
  it('has nothing outside its life: tokens, people, grants, secrets, jobs, clusters, tables, IP lists, admins, lineage, notebooks', async () => {
    const found = await estateViolations(db);
    expect(Object.keys(found)).toHaveLength(ESTATE_CHECKS.length);
    expect(Object.fromEntries(Object.entries(found).filter(([, n]) => n > 0))).toEqual({});
  });

  it('has the history the checks look at (so that a 0 means something)', async () => {
    const n = async (sql: string) => Number((await db.one<{ n: bigint }>(sql))?.n);
    expect(
      await n("SELECT count(*) AS n FROM system_access.audit WHERE action_name = 'tokenLogin' AND response.status_code = 200"),
    ).toBeGreaterThan(1000);
    expect(
      await n(
        "SELECT count(*) AS n FROM system_access.audit WHERE action_name IN ('runStart', 'getSecret', 'getTable', 'deactivateUser', 'putSecret')",
      ),
    ).toBeGreaterThan(1000);
    expect(await n('SELECT count(*) AS n FROM ws.tokens WHERE last_used_day IS NOT NULL')).toBeGreaterThan(60);
  });

  it('counts a grant, ACL, lineage row, notebook or catalog object outside its life when there is one', async () => {
    const one = async <T>(sql: string) => (await db.one<T>(sql)) as T;
    const { airflow } = await one<{ airflow: string }>("SELECT name AS airflow FROM ws.principals WHERE display_name = 'legacy-airflow'");
    // Someone who left, and another person's home folder.
    const { leaver, home } = await one<{ leaver: string; home: string }>(
      `SELECT p.name AS leaver, CAST(o.object_id AS VARCHAR) AS home FROM ws.principals p, ws.workspace_objects o
       WHERE NOT p.active AND p.kind = 'user' AND o.path = '/Users/priya.shah@harborpine.com' ORDER BY p.name LIMIT 1`,
    );
    // Only the meant grants of legacy-airflow pass, and a leaver keeps CAN_MANAGE on their own home folder only.
    await db.run(`INSERT INTO uc_meta.grants VALUES ('table', 'analytics.bronze.raw_claims', '${airflow}', 'SELECT', 'x', now())`);
    await db.run(`INSERT INTO ws.acls VALUES ('directories', '${home}', 'user', '${leaver}', 'CAN_MANAGE')`);
    await db.run(`UPDATE system_access.table_lineage SET created_by = '${leaver}'
      WHERE record_id = (SELECT arg_max(record_id, event_time) FROM system_access.table_lineage WHERE entity_type = 'NOTEBOOK')`);
    await db.run(`UPDATE ws.workspace_objects SET created_at = 0 WHERE path = '/Shared/finance/budget_vs_actuals'`);
    await db.run("UPDATE uc_meta.volumes SET created_at = TIMESTAMP '2001-01-01' WHERE volume_name = 'landing'");
    await db.run("INSERT INTO ws.workspace_objects (object_id, path, object_type) VALUES (1, '/Users/nobody@harborpine.com', 'DIRECTORY')");
    const found = await estateViolations(db);
    const figure = (prefix: string) => Object.entries(found).find(([name]) => name.startsWith(prefix))?.[1];
    expect(figure('grant or ACL to a deactivated principal')).toBe(2);
    expect(figure('table lineage by a person')).toBe(1);
    expect(figure('notebook or file created before')).toBe(1);
    expect(figure('catalog, schema, table, volume or function created before its parent')).toBe(1);
    expect(figure('home folder of a principal')).toBe(1);
  });

  it('counts what the issue reported when it is there', async () => {
    await db.run(`UPDATE ws.tokens SET last_used_day = creation_time - 86400000
      WHERE token_id = (SELECT min(token_id) FROM ws.tokens WHERE last_used_day IS NOT NULL)`);
    await db.run(`UPDATE ws.tokens SET last_used_day = expiry_time + 86400000
      WHERE token_id = (SELECT max(token_id) FROM ws.tokens WHERE last_used_day IS NOT NULL AND expiry_time <> -1)`);
    const found = await estateViolations(db);
    expect(found['token last used before it was created']).toBe(1);
    expect(found['token last used after it expired']).toBe(1);
  });
});
