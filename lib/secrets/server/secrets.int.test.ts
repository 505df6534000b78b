// The secrets area against a started simulator, as signed-in people in user mode: what the page reads (findings on the
// seeded estate, the partial view of a non-admin, activity without Brickwatch's own listing calls, credentials outside
// scopes) and every action, with the refusals Databricks gives (non-manager, Key Vault, 128 KB) and the action log.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecretsHarness, type SecretsHarness } from '@/testing/secrets-harness';
import { listActions } from '@/lib/store/action-log';
import { listAcls, listSecrets, putSecret, SecretValue } from '@/lib/databricks/api/secrets';
import { isDatabricksError } from '@/lib/databricks/errors';
import { isDomainError } from '@/lib/errors';
import type { ScopeSummary } from '@/lib/secrets/contract';
import { scopeDetailView, scopeListView } from './view';
import { loadPlainCredentials } from './plain';
import { searchPrincipals } from './principals';
import { createSecretScope, deleteAclEntry, deleteSecretKey, deleteSecretScope, putAclEntry, putSecretValue } from './actions';

let h: SecretsHarness;
beforeAll(async () => {
  h = await startSecretsHarness();
});
afterAll(() => h?.stop());

const run = Date.now().toString(36);
const codes = (s: ScopeSummary | undefined) => s?.findings.map((f) => `${f.code}:${f.level}`) ?? [];

/** What a failed call threw: Databricks' status and code, or our rule's kind and code. */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isDatabricksError(e)) return `${e.status} ${e.errorCode}`;
    if (isDomainError(e)) return `${e.kind} ${e.code}`;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('reading the estate', () => {
  it('shows an admin every scope with the seeded findings', async () => {
    const { ws } = await h.as(h.people.admin);
    const view = await scopeListView(ws, {});
    const scope = (name: string) => view.scopes.find((s) => s.name === name);
    expect(view.notices).toEqual([]);
    expect(view.actor).toEqual({ name: h.people.admin, workspaceAdmin: true });
    expect(codes(scope('prod-etl'))).toContain('all_users:high');
    expect(codes(scope('ml-platform'))).toContain('single_manager:low');
    expect(codes(scope('finance-reporting'))).toEqual(expect.arrayContaining(['stale_principal:medium', 'stale_secrets:medium']));
    expect(codes(scope('sharepoint-migration'))).toContain('empty_scope:low');
    expect(scope('marketing-sandbox')?.findings.find((f) => f.code === 'unread_secrets')?.keys).toEqual([
      'google-ads-token',
      'hubspot-api-key',
    ]);
    expect(codes(scope('akv-analytics'))).toContain('all_users:medium');
    expect(scope('akv-prod-keys')).toMatchObject({
      backend: 'AZURE_KEYVAULT',
      keyVault: { dnsName: expect.stringMatching(/vault\.azure\.net/) },
    });
    expect(scope('brickwatch')?.findings).toEqual([]);
    const leaver = scope('finance-reporting')?.acls?.find((a) => a.status === 'deactivated');
    expect(leaver).toMatchObject({ kind: 'user', permission: 'READ', displayName: expect.any(String) });
    expect(view.scopes[0]?.level).toBe('high');
    expect(view.summary.byFinding.all_users).toBeGreaterThan(2);
    // Filters select, the summary still counts every scope.
    const filtered = await scopeListView(ws, { finding: 'empty_scope' });
    expect(filtered.scopes.map((s) => s.name)).toEqual(['sharepoint-migration']);
    expect(filtered.total).toBe(view.total);
  });

  it('shows a non-admin what Databricks shows them and says it is not the whole workspace', async () => {
    const { ws } = await h.as(h.people.analyst, 'analyst');
    const view = await scopeListView(ws, {});
    expect(view.actor.workspaceAdmin).toBe(false);
    expect(view.notices.map((n) => n.code)).toContain('partial_view');
    expect(view.notices[0]?.message).toMatch(/not a workspace admin.*may not be the whole workspace/);
    // Priya holds nothing on finance-reporting (on prod-etl she holds MANAGE, through users).
    const hidden = view.scopes.find((s) => s.name === 'finance-reporting')!;
    expect(hidden).toMatchObject({ keyCount: null, acls: null, access: { keys: { state: 'denied' }, acls: { state: 'denied' } } });
    // Hidden is not empty: no finding is made up about what could not be read.
    expect(view.scopes.filter((s) => s.findings.some((f) => f.code === 'empty_scope'))).toEqual([]);
  });

  it('leaves Brickwatch’s own listing calls out of a scope’s activity, but counts other people’s', async () => {
    const { ws } = await h.as(h.people.admin);
    const before = await scopeDetailView(ws, 'kafka-ingest');
    expect(before.activity.collected).toBe(true);
    expect(before.activity.totals.reads).toBeGreaterThan(10);
    expect(before.keys?.map((k) => k.key)).toEqual(['sasl-password', 'sasl-username', 'schema-registry-key']);
    expect(before.keys?.find((k) => k.key === 'schema-registry-key')).toMatchObject({ reads: 0, lastRead: null });
    // Brickwatch, acting as Sam (user mode), lists the scope; then Sam lists it from the CLI.
    const sam = await h.as(h.people.noRole);
    await scopeDetailView(sam.ws, 'kafka-ingest');
    await listSecrets(h.cli(sam.token), 'kafka-ingest');
    const samLists = (d: typeof before) => d.activity.actors.find((a) => a.actor.name === h.people.noRole)?.lists ?? 0;
    let after = before;
    for (let i = 0; i < 100 && after.activity.totals.lists === before.activity.totals.lists; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await scopeDetailView(ws, 'kafka-ingest', Date.now());
    }
    expect(after.activity.totals.lists).toBe(before.activity.totals.lists + 1);
    expect(samLists(after)).toBe(samLists(before) + 1);
    expect(after.activity.actors.find((a) => a.actor.name === h.people.noRole)?.actor).toMatchObject({ kind: 'user', status: 'active' });
  });

  it('lists credentials outside scopes from clusters, job clusters and tasks, without a value', async () => {
    const { ws } = await h.as(h.people.admin);
    const res = await loadPlainCredentials(ws);
    expect(res.sources.clusters.checked).toBe(14);
    expect(res.sources.jobs.checked).toBe(24);
    expect(res.findings).toContainEqual(
      expect.objectContaining({
        objectType: 'cluster',
        objectName: 'claims-etl-shared',
        name: 'SNOWFLAKE_PASSWORD',
        location: 'Environment variables',
      }),
    );
    expect(res.findings.some((f) => f.objectType === 'job' && f.location.startsWith('Job cluster main'))).toBe(true);
    expect(res.findings.some((f) => f.objectType === 'job' && f.location.startsWith('Task extract'))).toBe(true);
    expect(res.findings.some((f) => f.name.startsWith('fs.azure.account.key.'))).toBe(true);
    expect(JSON.stringify(res)).not.toMatch(/Sn0w\d{3}!prod|claims_[0-9a-f]{10}/);
  });

  it('feeds the principal picker from the directory, active principals only', async () => {
    const { ws } = await h.as(h.people.admin);
    const groups = await searchPrincipals(ws, 'data-eng');
    expect(groups.principals[0]).toMatchObject({ name: 'data-engineering', kind: 'group' });
    const everyone = await searchPrincipals(ws, '');
    expect(everyone.principals.length).toBe(20);
    expect(everyone.more).toBe(true);
    expect(everyone.principals[0]?.kind).toBe('group');
    expect(everyone.principals.every((p) => p.status === 'active')).toBe(true);
  });
});

describe('acting', () => {
  const scope = `int-${run}@harborpine.com`;
  const value = `int-value-${run}-Hunter2!`;

  it('creates a scope (a name with @), refuses a second of the same name in any case, and logs both', async () => {
    const { ctx } = await h.as(h.people.admin);
    expect(await createSecretScope(ctx, { scope })).toEqual({ scope: { name: scope, backend: 'DATABRICKS' } });
    expect(await failure(createSecretScope(ctx, { scope: scope.toUpperCase() }))).toBe('400 RESOURCE_ALREADY_EXISTS');
    const log = await listActions(h.db, { action: 'secrets.scope.create' });
    expect(log.map((l) => l.outcome)).toEqual(['failure', 'success']);
    expect(log[1]?.upstreamRequestId).toBeTruthy();
  });

  it('shows the Key Vault refusal plainly: Databricks needs an Entra ID token', async () => {
    const { ctx } = await h.as(h.people.admin);
    const keyVault = {
      resourceId: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-int-test',
      dnsName: 'https://kv-int-test.vault.azure.net/',
    };
    const e = await createSecretScope(ctx, { scope: `kv-${run}`, backend: 'AZURE_KEYVAULT', keyVault }).catch((x: unknown) => x);
    expect(isDomainError(e) && e.kind === 'invalid' && e.code === 'KEY_VAULT_NEEDS_ENTRA_TOKEN').toBe(true);
    expect((e as Error).message).toMatch(
      /Microsoft Entra ID token.*Databricks said: Scope with Azure KeyVault must have userAADToken defined!/,
    );
    expect((await listActions(h.db, { target: `secret-scope:kv-${run}` }))[0]).toMatchObject({ outcome: 'failure' });
  });

  it('puts a secret (text and bytes) without the value reaching the answer or the action log', async () => {
    const { ctx } = await h.as(h.people.admin);
    const put = await putSecretValue(ctx, scope, 'db-password', { value });
    expect(put).toEqual({ scope, key: 'db-password', lastUpdated: expect.any(Number) });
    await putSecretValue(ctx, scope, 'keystore.p12', { bytesBase64: Buffer.from([0, 1, 2, 255]).toString('base64') });
    expect((await listSecrets(h.setup, scope)).map((s) => s.key)).toEqual(['db-password', 'keystore.p12']);
    const log = await listActions(h.db, { action: 'secrets.put' });
    expect(log.map((l) => [l.outcome, l.detail])).toEqual([
      ['success', { kind: 'bytes' }],
      ['success', { kind: 'string' }],
    ]);
    expect(readFileSync(path.join(h.dataDir, 'brickwatch.db')).includes(value)).toBe(false);
  });

  it('holds the 128 KB limit: Databricks refuses a byte more, and so does the contract before sending', async () => {
    const { ws } = await h.as(h.people.admin);
    await putSecret(ws.rest, { scope, key: 'at-limit' }, SecretValue.bytes(Buffer.alloc(128 * 1024, 7).toString('base64')));
    expect(
      await failure(putSecret(ws.rest, { scope, key: 'over' }, SecretValue.bytes(Buffer.alloc(128 * 1024 + 1).toString('base64')))),
    ).toBe('400 INVALID_PARAMETER_VALUE');
    expect((await listSecrets(h.setup, scope)).map((s) => s.key)).not.toContain('over');
  });

  it('refuses to write into a Key Vault-backed scope, which Databricks only reads', async () => {
    const { ctx } = await h.as(h.people.admin);
    expect(await failure(putSecretValue(ctx, 'akv-prod-keys', 'x', { value: 'v' }))).toBe('invalid KEY_VAULT_READ_ONLY');
    expect(await failure(deleteSecretKey(ctx, 'akv-prod-keys', 'sql-server-admin'))).toBe('invalid KEY_VAULT_READ_ONLY');
  });

  it('gives, changes and removes ACL entries (a group name with a slash stays in the body), saying what was there', async () => {
    const { ctx } = await h.as(h.people.admin);
    expect(await putAclEntry(ctx, scope, 'data-engineering', 'READ')).toMatchObject({ previous: null, permission: 'READ' });
    expect(await putAclEntry(ctx, scope, 'data-engineering', 'WRITE')).toMatchObject({ previous: 'READ' });
    expect(await deleteAclEntry(ctx, scope, 'data-engineering')).toMatchObject({ removed: 'WRITE' });
    expect((await listAcls(h.setup, scope)).map((a) => a.principal)).toEqual([h.people.admin]);
    expect(await failure(putAclEntry(ctx, scope, 'no/such-group', 'READ'))).toBe('404 RESOURCE_DOES_NOT_EXIST');
    expect(await failure(deleteAclEntry(ctx, scope, 'analytics'))).toBe('404 RESOURCE_DOES_NOT_EXIST');
  });

  it('deletes a secret, then the scope once its name is typed exactly', async () => {
    const { ctx } = await h.as(h.people.admin);
    expect(await deleteSecretKey(ctx, scope, 'db-password')).toEqual({ scope, key: 'db-password', deleted: true });
    expect(await failure(deleteSecretKey(ctx, scope, 'db-password'))).toBe('404 RESOURCE_DOES_NOT_EXIST');
    expect(await failure(deleteSecretScope(ctx, scope, scope.toUpperCase()))).toBe('invalid CONFIRMATION_MISMATCH');
    expect(await deleteSecretScope(ctx, scope, scope)).toEqual({ deleted: scope });
    expect(await failure(scopeDetailView(ctx.ws, scope))).toBe('not_found SCOPE_NOT_FOUND');
    const log = await listActions(h.db, { target: `secret-scope:${scope}` });
    expect(log.map((l) => `${l.action} ${l.outcome}`)).toEqual([
      'secrets.scope.delete success',
      'secrets.scope.delete failure',
      'secrets.scope.create success',
    ]);
  });

  it('answers a non-manager with Databricks’ permission errors, and logs each refusal', async () => {
    // Sam is in data-engineering: READ on etl-orchestrator, WRITE on partner-apis, MANAGE on nothing.
    const { ctx } = await h.as(h.people.noRole);
    expect(await failure(putSecretValue(ctx, 'etl-orchestrator', 'x', { value: 'v' }))).toBe('403 PERMISSION_DENIED');
    expect(await failure(putAclEntry(ctx, 'partner-apis', 'analytics', 'READ'))).toBe('403 PERMISSION_DENIED');
    expect(await failure(deleteAclEntry(ctx, 'partner-apis', 'analytics'))).toBe('403 PERMISSION_DENIED');
    expect(await failure(deleteSecretScope(ctx, 'partner-apis', 'partner-apis'))).toBe('403 PERMISSION_DENIED');
    const refused = await listActions(h.db, { actor: h.people.noRole });
    expect(refused).toHaveLength(4);
    expect(refused.every((r) => r.outcome === 'failure' && String(r.detail?.error).includes('PERMISSION_DENIED'))).toBe(true);
    // The scope is untouched.
    expect((await listAcls(h.setup, 'partner-apis')).some((a) => a.principal === 'analytics')).toBe(true);
  });

  it('shows a change to every view at once, without waiting for the cache', async () => {
    const { ws, ctx } = await h.as(h.people.admin);
    const name = `cache-${run}`;
    await scopeListView(ws, {});
    await createSecretScope(ctx, { scope: name });
    expect((await scopeListView(ws, {})).scopes.find((s) => s.name === name)).toMatchObject({ keyCount: 0 });
    await putSecretValue(ctx, name, 'k', { value: 'v' });
    expect((await scopeListView(ws, {})).scopes.find((s) => s.name === name)).toMatchObject({ keyCount: 1 });
    await deleteSecretScope(ctx, name, name);
    expect((await scopeListView(ws, {})).scopes.find((s) => s.name === name)).toBeUndefined();
  });
});
