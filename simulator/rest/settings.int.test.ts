import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas, startHarness, type Harness } from '../testing/harness';

interface IpList {
  list_id: string;
  label: string;
  list_type: string;
  ip_addresses?: string[];
  address_count: number;
  enabled: boolean;
  created_by: number;
}

let h: Harness;
let analyst: string;
beforeAll(async () => {
  h = await startHarness();
  analyst = (await h.login(personas(h).analyst.userName)).access_token;
});
afterAll(() => h?.close());

describe('workspace-conf', () => {
  it('reads string values for admins, null for unset keys, on both paths', async () => {
    const res = await h.call(h.admin, 'GET', '/api/2.0/workspace-conf?keys=enableTokensConfig,maxTokenLifetimeDays,enableDcs,enableGp3');
    expect(res.json).toEqual({ enableTokensConfig: 'true', maxTokenLifetimeDays: '90', enableDcs: 'false', enableGp3: null });
    expect((await h.call(h.admin, 'GET', '/api/2.0/preview/workspace-conf?keys=enableIpAccessLists')).json).toEqual({
      enableIpAccessLists: 'true',
    });
  });

  it('refuses non-admin reads and writes', async () => {
    const read = await h.call(analyst, 'GET', '/api/2.0/workspace-conf?keys=enableTokensConfig');
    expect(read.status).toBe(403);
    expect(read.json).toMatchObject({
      error_code: 'PERMISSION_DENIED',
      message: expect.stringContaining('ReadAction on /org_admin_conf/enableTokensConfig'),
    });
    expect((await h.call(analyst, 'PATCH', '/api/2.0/workspace-conf', { maxTokenLifetimeDays: '30' })).status).toBe(403);
  });

  it('answers unknown keys and bad values with the prefixes Terraform parses', async () => {
    const unknown = await h.call(h.admin, 'GET', '/api/2.0/workspace-conf?keys=enableTokensConfig,nope');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ message: 'Invalid keys: ["nope"]' });
    const bad = await h.call(h.admin, 'PATCH', '/api/2.0/workspace-conf', { enableTokensConfig: true, maxTokenLifetimeDays: '9999' });
    expect(bad.json).toMatchObject({ message: 'Some values are not allowed: {"enableTokensConfig":true,"maxTokenLifetimeDays":"9999"}' });
    expect((await h.call(h.admin, 'PATCH', '/api/2.0/workspace-conf', { foo: 'x' })).json).toMatchObject({
      message: 'Invalid keys: ["foo"]',
    });
  });

  it('applies edits: a new maximum caps token lifetimes, and disabling tokens stops PATs', async () => {
    expect((await h.call(h.admin, 'PATCH', '/api/2.0/workspace-conf', { maxTokenLifetimeDays: '7' })).json).toEqual({});
    expect((await h.call(analyst, 'POST', '/api/2.0/token/create', { lifetime_seconds: 8 * 86400 })).status).toBe(400);
    const t = await h.call<{ token_value: string }>(analyst, 'POST', '/api/2.0/token/create', { lifetime_seconds: 86400 });
    expect((await h.call(t.json.token_value, 'GET', '/api/2.0/preview/scim/v2/Me')).status).toBe(200);
    await h.call(h.admin, 'PATCH', '/api/2.0/workspace-conf', { enableTokensConfig: 'false' });
    expect((await h.call(t.json.token_value, 'GET', '/api/2.0/preview/scim/v2/Me')).status).toBe(403);
    expect((await h.call(analyst, 'GET', '/api/2.0/preview/scim/v2/Me')).status).toBe(200);
    const adminOAuth = (await h.login(personas(h).admin.userName)).access_token;
    await h.call(adminOAuth, 'PATCH', '/api/2.0/workspace-conf', { enableTokensConfig: 'true', maxTokenLifetimeDays: '90' });
    expect((await h.call(t.json.token_value, 'GET', '/api/2.0/preview/scim/v2/Me')).status).toBe(200);
  });
});

describe('IP access lists', () => {
  it('lists seeded lists, enabled and not, to admins only', async () => {
    const res = await h.call<{ ip_access_lists: IpList[] }>(h.admin, 'GET', '/api/2.0/ip-access-lists');
    expect(res.json.ip_access_lists.some((l) => !l.enabled)).toBe(true);
    expect(res.json.ip_access_lists.some((l) => l.list_type === 'BLOCK' && l.enabled)).toBe(true);
    expect((await h.call(analyst, 'GET', '/api/2.0/ip-access-lists')).status).toBe(403);
  });

  it('creates, gets, patches, replaces and deletes a list', async () => {
    const created = await h.call<{ ip_access_list: IpList }>(h.admin, 'POST', '/api/2.0/ip-access-lists', {
      label: 'Office Oslo',
      list_type: 'ALLOW',
      ip_addresses: ['198.51.100.7', '198.51.100.64/26'],
    });
    expect(created.json.ip_access_list).toMatchObject({ label: 'Office Oslo', address_count: 2, enabled: true });
    const id = created.json.ip_access_list.list_id;
    expect((await h.call(h.admin, 'PATCH', `/api/2.0/ip-access-lists/${id}`, { enabled: false })).json).toEqual({});
    expect((await h.call<{ ip_access_list: IpList }>(h.admin, 'GET', `/api/2.0/ip-access-lists/${id}`)).json.ip_access_list.enabled).toBe(
      false,
    );
    const noEnabled = await h.call(h.admin, 'PUT', `/api/2.0/ip-access-lists/${id}`, { label: 'x', list_type: 'ALLOW', ip_addresses: [] });
    expect(noEnabled.status).toBe(400);
    await h.call(h.admin, 'PUT', `/api/2.0/ip-access-lists/${id}`, {
      label: 'Oslo',
      list_type: 'BLOCK',
      ip_addresses: ['203.0.113.9'],
      enabled: true,
    });
    expect((await h.call<{ ip_access_list: IpList }>(h.admin, 'GET', `/api/2.0/ip-access-lists/${id}`)).json.ip_access_list).toMatchObject({
      label: 'Oslo',
      list_type: 'BLOCK',
      ip_addresses: ['203.0.113.9'],
    });
    expect((await h.call(h.admin, 'DELETE', `/api/2.0/ip-access-lists/${id}`)).json).toEqual({});
    expect((await h.call(h.admin, 'GET', `/api/2.0/ip-access-lists/${id}`)).status).toBe(404);
  });

  it('validates addresses, the 1000-value quota and refuses to block the caller', async () => {
    const bad = await h.call(h.admin, 'POST', '/api/2.0/ip-access-lists', {
      label: 'x',
      list_type: 'ALLOW',
      ip_addresses: ['300.1.1.1', '10.0.0.0/33'],
    });
    expect(bad.json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect((await h.call(h.admin, 'POST', '/api/2.0/ip-access-lists', { label: 'x', list_type: 'MAYBE', ip_addresses: [] })).status).toBe(
      400,
    );
    const many = Array.from({ length: 1000 }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.1`);
    const quota = await h.call(h.admin, 'POST', '/api/2.0/ip-access-lists', { label: 'many', list_type: 'ALLOW', ip_addresses: many });
    expect(quota.json).toMatchObject({ error_code: 'QUOTA_EXCEEDED' });
    const self = await h.call(h.admin, 'POST', '/api/2.0/ip-access-lists', {
      label: 'me',
      list_type: 'BLOCK',
      ip_addresses: ['127.0.0.0/8'],
    });
    expect(self.json).toMatchObject({ error_code: 'INVALID_STATE' });
  });
});
