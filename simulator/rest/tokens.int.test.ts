import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBatches, personas, startHarness, type Harness } from '../testing/harness';

interface TokenInfo {
  token_id: string;
  owner_id: number;
  created_by_username: string;
  created_by_id: number;
  expiry_time: number;
  creation_time: number;
  comment?: string;
  last_used_day?: number;
  workspace_id: number;
}

let h: Harness;
let p: ReturnType<typeof personas>;
beforeAll(async () => {
  h = await startHarness();
  p = personas(h);
});
afterAll(() => h?.close());

describe('own tokens (/api/2.0/token)', () => {
  it('creates a dapi token whose id is its hash, lists and revokes it, and the value then stops working', async () => {
    const created = await h.call<{ token_value: string; token_info: TokenInfo }>(h.admin, 'POST', '/api/2.0/token/create', {
      comment: 'int test',
      lifetime_seconds: 3600,
    });
    expect(created.status).toBe(200);
    expect(created.json.token_value).toMatch(/^dapi[0-9a-f]{32}$/);
    expect(created.json.token_info.token_id).toMatch(/^[0-9a-f]{64}$/);
    expect(created.json.token_info.expiry_time - created.json.token_info.creation_time).toBe(3600_000);
    expect(created.res.headers.get('cache-control')).toBe('no-store');

    const me = await h.call<{ userName: string }>(created.json.token_value, 'GET', '/api/2.0/preview/scim/v2/Me');
    expect(me.json.userName).toBe(p.admin.userName);
    const list = await h.call<{ token_infos: TokenInfo[] }>(h.admin, 'GET', '/api/2.0/token/list');
    expect(list.json.token_infos.map((t) => t.token_id)).toContain(created.json.token_info.token_id);

    expect((await h.call(h.admin, 'POST', '/api/2.0/token/delete', { token_id: created.json.token_info.token_id })).json).toEqual({});
    const after = await h.call(created.json.token_value, 'GET', '/api/2.0/preview/scim/v2/Me');
    expect(after.status).toBe(403);
    expect(after.json).toEqual({ error_code: 403, message: 'Invalid access token.' });
    const again = await h.call(h.admin, 'POST', '/api/2.0/token/delete', { token_id: created.json.token_info.token_id });
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
  });

  it('rejects a lifetime above maxTokenLifetimeDays (90) and defaults to the maximum', async () => {
    const tooLong = await h.call(h.admin, 'POST', '/api/2.0/token/create', { lifetime_seconds: 91 * 86400 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    const dflt = await h.call<{ token_info: TokenInfo }>(h.admin, 'POST', '/api/2.0/token/create', {});
    expect(dflt.json.token_info.expiry_time - dflt.json.token_info.creation_time).toBe(90 * 86400_000);
  });

  it('lets people with CAN_USE (via users) create tokens, and refuses once the users grant is gone', async () => {
    const { access_token } = await h.login(p.analyst.userName);
    expect((await h.call(access_token, 'POST', '/api/2.0/token/create', { lifetime_seconds: 600 })).status).toBe(200);
    const acl = await h.call<{ access_control_list: Array<{ group_name?: string }> }>(
      h.admin,
      'GET',
      '/api/2.0/permissions/authorization/tokens',
    );
    expect(acl.json.access_control_list.some((e) => e.group_name === 'users')).toBe(true);
    const put = await h.call(h.admin, 'PUT', '/api/2.0/permissions/authorization/tokens', {
      access_control_list: [{ group_name: 'data-engineering', permission_level: 'CAN_USE' }],
    });
    expect(put.status).toBe(200);
    const denied = await h.call(access_token, 'POST', '/api/2.0/token/create', { lifetime_seconds: 600 });
    expect(denied.status).toBe(403);
    expect(denied.json).toMatchObject({ error_code: 'PERMISSION_DENIED' });
    await h.call(h.admin, 'PATCH', '/api/2.0/permissions/authorization/tokens', {
      access_control_list: [{ group_name: 'users', permission_level: 'CAN_USE' }],
    });
    expect((await h.call(access_token, 'POST', '/api/2.0/token/create', { lifetime_seconds: 600 })).status).toBe(200);
  });
});

describe('token management', () => {
  it('lists every token for admins, with owner, creator, workspace and last-used fields, filtered by creator', async () => {
    const all = await h.call<{ token_infos: TokenInfo[] }>(h.admin, 'GET', '/api/2.0/token-management/tokens');
    expect(all.status).toBe(200);
    expect(all.json.token_infos.length).toBeGreaterThan(100);
    expect(all.json.token_infos.some((t) => t.expiry_time === -1)).toBe(true);
    expect(all.json.token_infos.some((t) => t.last_used_day !== undefined && t.last_used_day % 86_400_000 === 0)).toBe(true);
    const mine = await h.call<{ token_infos: TokenInfo[] }>(
      h.admin,
      'GET',
      `/api/2.0/token-management/tokens?created_by_username=${encodeURIComponent(p.admin.userName)}`,
    );
    expect(mine.json.token_infos.length).toBeGreaterThan(0);
    expect(mine.json.token_infos.every((t) => t.created_by_username === p.admin.userName)).toBe(true);
    const one = mine.json.token_infos[0] as TokenInfo;
    const byId = await h.call<{ token_infos: TokenInfo[] }>(
      h.admin,
      'GET',
      `/api/2.0/token-management/tokens?created_by_id=${one.created_by_id}`,
    );
    expect(byId.json.token_infos.length).toBe(mine.json.token_infos.length);
    const viaPreview = await h.call<{ token_info: TokenInfo }>(h.admin, 'GET', `/api/2.0/preview/token-management/tokens/${one.token_id}`);
    expect(viaPreview.json.token_info).toEqual(one);
  });

  it('refuses non-admins', async () => {
    const { access_token } = await h.login(p.analyst.userName);
    const res = await h.call(access_token, 'GET', '/api/2.0/token-management/tokens');
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error_code: 'PERMISSION_DENIED' });
  });

  it('creates a token on behalf of a service principal that authenticates as the SP, and revokes it', async () => {
    const sp = h.sim.workspace.servicePrincipal.applicationId;
    const created = await h.call<{ token_value: string; token_info: TokenInfo }>(
      h.admin,
      'POST',
      '/api/2.0/token-management/on-behalf-of/tokens',
      { application_id: sp, lifetime_seconds: 3600, comment: 'obo' },
    );
    expect(created.status).toBe(200);
    expect(created.json.token_info.created_by_username).toBe(p.admin.userName);
    const me = await h.call<{ applicationId: string }>(created.json.token_value, 'GET', '/api/2.0/preview/scim/v2/Me');
    expect(me.json.applicationId).toBe(sp);
    expect(created.json.token_info.owner_id).toBe(Number((me.json as unknown as { id: string }).id));
    const del = await h.call(h.admin, 'DELETE', `/api/2.0/token-management/tokens/${created.json.token_info.token_id}`);
    expect(del.json).toEqual({});
    expect((await h.call(h.admin, 'GET', `/api/2.0/token-management/tokens/${created.json.token_info.token_id}`)).status).toBe(404);
    const unknownSp = await h.call(h.admin, 'POST', '/api/2.0/token-management/on-behalf-of/tokens', {
      application_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownSp.status).toBe(404);
  });

  it('enforces the 600 tokens per owner quota', async () => {
    const { access_token } = await h.login(p.manager.userName);
    const owned = (await h.call<{ token_infos?: TokenInfo[] }>(access_token, 'GET', '/api/2.0/token/list')).json.token_infos?.length ?? 0;
    const results = await inBatches(
      600 - owned,
      10,
      async () => (await h.call(access_token, 'POST', '/api/2.0/token/create', { lifetime_seconds: 600 })).status,
    );
    expect(results.every((s) => s === 200)).toBe(true);
    expect((await h.call<{ token_infos: TokenInfo[] }>(access_token, 'GET', '/api/2.0/token/list')).json.token_infos).toHaveLength(600);
    const last = await h.call(access_token, 'POST', '/api/2.0/token/create', { lifetime_seconds: 600 });
    expect(last.status).toBe(400);
    expect(last.json).toMatchObject({ error_code: 'QUOTA_EXCEEDED' });
  });
});
