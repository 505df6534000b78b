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
  it('has nothing outside its life: tokens, people, grants, secrets, jobs, clusters, tables, IP lists, admins', async () => {
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
