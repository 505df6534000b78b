import { describe, expect, it } from 'vitest';
import { SimDb } from '../core/db';
import { createWorkspaceSchema } from '../store/schema';
import { secretReads } from './audit-history-inputs';
import { DAY_MS } from './random';
import { seedWorkspace } from './workspace';

const now = new Date('2026-11-28T12:00:00Z');

async function seed(seedValue: number) {
  const db = await SimDb.open(':memory:');
  await createWorkspaceSchema(db);
  const out = await seedWorkspace(db, { scale: 'demo', seed: seedValue, now });
  return { db, ...out };
}

describe('workspace seed', () => {
  it('is deterministic for a seed (credentials aside) and differs between seeds', async () => {
    const a = await seed(42);
    const b = await seed(42);
    const c = await seed(7);
    const strip = (e: typeof a.estate) => ({ ...e, tokens: e.tokens.filter((t) => !t.comment.includes('workspace.json')) });
    expect(strip(a.estate)).toEqual(strip(b.estate));
    expect(strip(c.estate).tokens.map((t) => t.tokenId)).not.toEqual(strip(a.estate).tokens.map((t) => t.tokenId));
    expect(a.credentials.adminToken).not.toBe(b.credentials.adminToken);
    for (const x of [a, b, c]) x.db.close();
  });

  it('holds every token situation the dashboard looks for, relative to now', async () => {
    const { db, estate } = await seed(42);
    const t = estate.tokens;
    const inDays = (ms: number) => (ms - now.getTime()) / DAY_MS;
    const active = new Set(estate.people.filter((p) => p.active).map((p) => p.userName));
    const sps = new Set(estate.servicePrincipals.map((s) => s.applicationId));
    expect(t.filter((x) => x.expiryTime === -1).length).toBeGreaterThan(2);
    expect(t.filter((x) => x.expiryTime !== -1 && inDays(x.expiryTime) > 0 && inDays(x.expiryTime) < 30).length).toBeGreaterThan(2);
    expect(
      t.filter((x) => x.expiryTime !== -1 && (x.expiryTime - x.creationTime) / DAY_MS > 90 && inDays(x.expiryTime) > 0).length,
    ).toBeGreaterThan(2);
    expect(t.filter((x) => sps.has(x.ownerName)).length).toBeGreaterThan(2);
    expect(t.filter((x) => !sps.has(x.ownerName) && !active.has(x.ownerName)).length).toBeGreaterThan(2);
    for (const usage of ['shared', 'unused', 'revoked'] as const) expect(t.filter((x) => x.usage === usage).length).toBeGreaterThan(1);
    const unused = await db.all<{ n: bigint }>('SELECT count(*) AS n FROM ws.tokens WHERE last_used_day < ?', [
      now.getTime() - 90 * DAY_MS,
    ]);
    expect(Number(unused[0]?.n)).toBeGreaterThan(2);
    db.close();
  });

  it('holds the secret, compute and settings situations', async () => {
    const { db, estate } = await seed(42);
    expect(estate.scopes.filter((s) => s.backend === 'AZURE_KEYVAULT').length).toBeGreaterThan(1);
    const usersManage = await db.all('SELECT scope FROM ws.secret_acls WHERE principal = ? AND permission = ?', ['users', 'MANAGE']);
    expect(usersManage.length).toBeGreaterThan(1);
    const soleManager = await db.all(`SELECT scope FROM ws.secret_acls GROUP BY scope
      HAVING count(*) FILTER (WHERE permission = 'MANAGE') = 1 AND bool_or(permission = 'MANAGE' AND principal LIKE '%@%')`);
    expect(soleManager.length).toBeGreaterThan(1);
    const stale = await db.all('SELECT key FROM ws.secrets WHERE last_updated_timestamp < ?', [now.getTime() - 365 * DAY_MS]);
    expect(stale.length).toBeGreaterThan(1);
    const empty = await db.all('SELECT name FROM ws.secret_scopes WHERE name NOT IN (SELECT scope FROM ws.secrets)');
    expect(empty).toEqual([{ name: 'sharepoint-migration' }]);
    const leavers = await db.all(
      `SELECT a.scope FROM ws.secret_acls a JOIN ws.principals p ON p.name = a.principal WHERE NOT p.active AND a.permission = 'READ'`,
    );
    expect(leavers).toEqual([{ scope: 'finance-reporting' }]);
    expect(estate.scopes.flatMap((s) => s.unread ?? []).length).toBeGreaterThan(1);
    // The history's secret reads come only from principals the scope's ACL lets read, never from Brickwatch.
    const reads = secretReads(estate);
    const groupsOf = new Map([
      ...estate.people.map((p) => [p.userName, p.groups] as const),
      ...estate.servicePrincipals.map((sp) => [sp.applicationId, sp.groups] as const),
    ]);
    const brickwatch = estate.servicePrincipals.find((sp) => sp.displayName === 'brickwatch-service')!.applicationId;
    expect(reads.length).toBeGreaterThan(50);
    for (const r of reads) {
      const scope = estate.scopes.find((x) => x.name === r.scope)!;
      const allowed = scope.acls.some(
        (a) => !a.stale && (a.principal === 'users' || a.principal === r.reader || groupsOf.get(r.reader)!.includes(a.principal)),
      );
      expect(allowed, `${r.reader} reads ${r.scope}`).toBe(true);
      expect(scope.unread ?? []).not.toContain(r.key);
    }
    expect(reads.some((r) => r.reader === brickwatch)).toBe(false);
    expect(new Set(reads.map((r) => r.scope))).toContain('finance-reporting');
    const docs = (await db.all<{ doc: string }>('SELECT doc FROM ws.clusters')).map((r) => r.doc);
    expect(docs.some((d) => d.includes('{{secrets/')) && docs.some((d) => d.includes('PASSWORD":"Sn0w'))).toBe(true);
    expect(docs.some((d) => !d.includes('"policy_id"'))).toBe(true);
    const jobs = (await db.all<{ doc: string }>('SELECT doc FROM ws.jobs')).map((r) => r.doc);
    expect(jobs.some((d) => d.includes('"task_key":"extract","new_cluster"'))).toBe(true);
    const runAs = (await db.all<{ doc: string }>('SELECT doc FROM ws.jobs')).map(
      (r) => (JSON.parse(r.doc) as { run_as_user_name: string }).run_as_user_name,
    );
    expect(runAs.some((r) => r.includes('@')) && runAs.some((r) => !r.includes('@'))).toBe(true);
    const lists = await db.all<{ enabled: boolean }>('SELECT enabled FROM ws.ip_access_lists');
    expect(lists.some((l) => l.enabled) && lists.some((l) => !l.enabled)).toBe(true);
    const tokenAcl = await db.all(
      "SELECT 1 FROM ws.acls WHERE object_type = 'authorization' AND principal_name = 'users' AND permission_level = 'CAN_USE'",
    );
    expect(tokenAcl).toHaveLength(1);
    expect(estate.ips.office.length).toBeGreaterThan(2);
    expect(estate.ips.attackers.length).toBeGreaterThan(1);
    db.close();
  });
});
