import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBatches, personas, startHarness, type Harness } from '../testing/harness';

let h: Harness;
let p: ReturnType<typeof personas>;
let analyst: string;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  p = personas(h);
  analyst = (await h.login(p.analyst.userName)).access_token;
  manager = (await h.login(p.manager.userName)).access_token;
});
afterAll(() => h?.close());

describe('secret scopes', () => {
  it('lists seeded Databricks and Key Vault scopes to any user', async () => {
    const res = await h.call<{ scopes: Array<{ name: string; backend_type: string; keyvault_metadata?: { dns_name: string } }> }>(
      analyst,
      'GET',
      '/api/2.0/secrets/scopes/list',
    );
    expect(res.status).toBe(200);
    const akv = res.json.scopes.filter((s) => s.backend_type === 'AZURE_KEYVAULT');
    expect(akv.length).toBeGreaterThanOrEqual(2);
    expect(akv[0]?.keyvault_metadata?.dns_name).toMatch(/^https:\/\/.+\.vault\.azure\.net\/$/);
  });

  it('gives the creator MANAGE, or users MANAGE with initial_manage_principal=users, and refuses duplicates case-insensitively with 400', async () => {
    expect((await h.call(analyst, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'analyst-scope' })).json).toEqual({});
    const acls = await h.call<{ items: unknown[] }>(analyst, 'GET', '/api/2.0/secrets/acls/list?scope=analyst-scope');
    expect(acls.json.items).toEqual([{ principal: p.analyst.userName, permission: 'MANAGE' }]);
    await h.call(analyst, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'open-scope', initial_manage_principal: 'users' });
    expect((await h.call(manager, 'GET', '/api/2.0/secrets/acls/list?scope=open-scope')).json).toEqual({
      items: [{ principal: 'users', permission: 'MANAGE' }],
    });
    const dup = await h.call(manager, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'ANALYST-scope' });
    expect(dup.status).toBe(400);
    expect(dup.json).toMatchObject({ error_code: 'RESOURCE_ALREADY_EXISTS', message: 'Scope analyst-scope already exists!' });
  });

  it('validates names and refuses to create Key Vault scopes without an Entra ID token', async () => {
    const bad = await h.call(analyst, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'bad name!' });
    expect(bad.json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    const long = await h.call(analyst, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'x'.repeat(129) });
    expect(long.status).toBe(400);
    const akv = await h.call(h.admin, 'POST', '/api/2.0/secrets/scopes/create', {
      scope: 'kv',
      scope_backend_type: 'AZURE_KEYVAULT',
      backend_azure_keyvault: { resource_id: 'r', dns_name: 'https://kv.vault.azure.net/' },
    });
    expect(akv.json).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Scope with Azure KeyVault must have userAADToken defined!',
    });
  });
});

describe('secrets and ACLs', () => {
  it('stores a value server-side and returns it base64 to READ holders only', async () => {
    await h.call(analyst, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'vault-a' });
    expect(
      (await h.call(analyst, 'POST', '/api/2.0/secrets/put', { scope: 'vault-a', key: 'db-password', string_value: 's3cr3t' })).json,
    ).toEqual({});
    await h.call(analyst, 'POST', '/api/2.0/secrets/put', {
      scope: 'vault-a',
      key: 'blob',
      bytes_value: Buffer.from([0, 1, 2]).toString('base64'),
    });
    const got = await h.call<{ key: string; value: string }>(analyst, 'GET', '/api/2.0/secrets/get?scope=vault-a&key=db-password');
    expect(Buffer.from(got.json.value, 'base64').toString()).toBe('s3cr3t');
    const list = await h.call<{ secrets: Array<{ key: string; last_updated_timestamp: number }> }>(
      analyst,
      'GET',
      '/api/2.0/secrets/list?scope=vault-a',
    );
    expect(list.json.secrets.map((s) => s.key)).toEqual(['blob', 'db-password']);
    expect(JSON.stringify(list.json)).not.toContain('s3cr3t');

    const denied = await h.call(manager, 'GET', '/api/2.0/secrets/get?scope=vault-a&key=db-password');
    expect(denied.status).toBe(403);
    expect(denied.json).toMatchObject({
      error_code: 'PERMISSION_DENIED',
      message: `${p.manager.userName} does not have READ permission on scope vault-a to perform this action.`,
    });
  });

  it('orders MANAGE > WRITE > READ and expands groups', async () => {
    await h.call(analyst, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'vault-b' });
    await h.call(analyst, 'POST', '/api/2.0/secrets/acls/put', { scope: 'vault-b', principal: 'security-managers', permission: 'READ' });
    expect((await h.call(manager, 'GET', '/api/2.0/secrets/list?scope=vault-b')).status).toBe(200);
    const write = await h.call(manager, 'POST', '/api/2.0/secrets/put', { scope: 'vault-b', key: 'k', string_value: 'v' });
    expect(write.status).toBe(403);
    await h.call(analyst, 'POST', '/api/2.0/secrets/acls/put', { scope: 'vault-b', principal: p.manager.userName, permission: 'WRITE' });
    expect((await h.call(manager, 'POST', '/api/2.0/secrets/put', { scope: 'vault-b', key: 'k', string_value: 'v' })).status).toBe(200);
    expect((await h.call(manager, 'GET', '/api/2.0/secrets/acls/list?scope=vault-b')).status).toBe(403);
    const overwrite = await h.call(analyst, 'POST', '/api/2.0/secrets/acls/put', {
      scope: 'vault-b',
      principal: p.manager.userName,
      permission: 'MANAGE',
    });
    expect(overwrite.status).toBe(200);
    expect(
      (await h.call(manager, 'GET', `/api/2.0/secrets/acls/get?scope=vault-b&principal=${encodeURIComponent(p.manager.userName)}`)).json,
    ).toEqual({ principal: p.manager.userName, permission: 'MANAGE' });
    expect(
      (await h.call(manager, 'POST', '/api/2.0/secrets/acls/delete', { scope: 'vault-b', principal: 'security-managers' })).json,
    ).toEqual({});
    const gone = await h.call(manager, 'POST', '/api/2.0/secrets/acls/delete', { scope: 'vault-b', principal: 'security-managers' });
    expect(gone.status).toBe(404);
    const nobody = await h.call(manager, 'POST', '/api/2.0/secrets/acls/put', {
      scope: 'vault-b',
      principal: 'ghost@nowhere',
      permission: 'READ',
    });
    expect(nobody.status).toBe(404);
  });

  it('lets admins manage every scope, keeps Key Vault scopes read-only, and checks put inputs', async () => {
    const scopes = await h.call<{ scopes: Array<{ name: string; backend_type: string }> }>(h.admin, 'GET', '/api/2.0/secrets/scopes/list');
    const kv = scopes.json.scopes.find((s) => s.backend_type === 'AZURE_KEYVAULT')?.name as string;
    expect((await h.call(h.admin, 'GET', `/api/2.0/secrets/acls/list?scope=${kv}`)).status).toBe(200);
    expect((await h.call(h.admin, 'GET', `/api/2.0/secrets/list?scope=${kv}`)).status).toBe(200);
    const put = await h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: kv, key: 'x', string_value: 'y' });
    expect(put.json).toMatchObject({ error_code: 'BAD_REQUEST' });
    expect((await h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: 'vault-a', key: 'x' })).json).toMatchObject({
      error_code: 'MALFORMED_REQUEST',
    });
    expect(
      (await h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: 'vault-a', key: 'x', string_value: 'a', bytes_value: 'YQ==' })).json,
    ).toMatchObject({ error_code: 'MALFORMED_REQUEST' });
    expect(
      (await h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: 'vault-a', key: 'big', string_value: 'x'.repeat(128 * 1024 + 1) }))
        .status,
    ).toBe(400);
    const missing = await h.call(h.admin, 'GET', '/api/2.0/secrets/list?scope=nope');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Scope nope does not exist!' });
    expect((await h.call(analyst, 'GET', '/api/2.0/secrets/list?scope=vault-a')).status).toBe(200);
    expect((await h.call(analyst, 'POST', '/api/2.0/secrets/scopes/delete', { scope: 'vault-a' })).json).toEqual({});
    expect((await h.call(analyst, 'GET', '/api/2.0/secrets/list?scope=vault-a')).status).toBe(404);
  });

  it('limits a scope to 1000 secrets', async () => {
    await h.call(h.admin, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'full' });
    const puts = await inBatches(
      1000,
      10,
      async (i) => (await h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: 'full', key: `k${i}`, string_value: 'v' })).status,
    );
    expect(puts.every((s) => s === 200)).toBe(true);
    const over = await h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: 'full', key: 'one-more', string_value: 'v' });
    expect(over.json).toMatchObject({ error_code: 'RESOURCE_LIMIT_EXCEEDED' });
    expect((await h.call(h.admin, 'POST', '/api/2.0/secrets/put', { scope: 'full', key: 'k1', string_value: 'updated' })).status).toBe(200);
  });
});
