import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas, startHarness, type Harness } from '../testing/harness';

interface Ref {
  display: string;
  value: string;
  type?: string;
}
interface User {
  id: string;
  userName: string;
  displayName: string;
  active: boolean;
  groups?: Ref[];
  entitlements?: Array<{ value: string }>;
  emails?: unknown[];
}
interface Group {
  id: string;
  displayName: string;
  members?: Ref[];
  meta: { resourceType: string };
}
interface List<T> {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources?: T[];
  schemas: string[];
}

const BASE = '/api/2.0/preview/scim/v2';
let h: Harness;
let p: ReturnType<typeof personas>;
let analyst: string;
beforeAll(async () => {
  h = await startHarness();
  p = personas(h);
  analyst = (await h.login(p.analyst.userName)).access_token;
});
afterAll(() => h?.close());

describe('SCIM reads', () => {
  it('returns Me with direct and nested groups', async () => {
    const me = await h.call<User>(analyst, 'GET', `${BASE}/Me`);
    expect(me.json.userName).toBe(p.analyst.userName);
    expect(me.json.groups?.map((g) => g.display)).toContain('security-analysts');
    const noRole = await h.login(p.noRole.userName);
    const groups = (await h.call<User>(noRole.access_token, 'GET', `${BASE}/Me`)).json.groups ?? [];
    expect(groups.find((g) => g.display === 'data-platform')?.type).toBe('indirect');
  });

  it('filters with eq/co/sw/ne and and/or, pages with startIndex/count and projects attributes', async () => {
    const eq = await h.call<List<User>>(
      analyst,
      'GET',
      `${BASE}/Users?filter=${encodeURIComponent(`userName eq "${p.admin.userName.toUpperCase()}"`)}`,
    );
    expect(eq.json.Resources?.map((u) => u.userName)).toEqual([p.admin.userName]);
    const all = await h.call<List<User>>(analyst, 'GET', `${BASE}/Users`);
    const page = await h.call<List<User>>(analyst, 'GET', `${BASE}/Users?startIndex=3&count=4&attributes=userName`);
    expect(page.json).toMatchObject({ totalResults: all.json.totalResults, startIndex: 3, itemsPerPage: 4 });
    expect(page.json.Resources?.map((u) => u.id)).toEqual(all.json.Resources?.slice(2, 6).map((u) => u.id));
    expect(Object.keys(page.json.Resources?.[0] ?? {}).sort()).toEqual(['id', 'schemas', 'userName']);
    const combo = await h.call<List<User>>(
      analyst,
      'GET',
      `${BASE}/Users?filter=${encodeURIComponent('active eq false or (displayName co "shah" and userName sw "priya")')}`,
    );
    const names = combo.json.Resources?.map((u) => u.userName) ?? [];
    expect(names).toContain(p.analyst.userName);
    expect(names.length).toBeGreaterThan(1);
    expect(combo.json.Resources?.filter((u) => u.userName !== p.analyst.userName).every((u) => !u.active)).toBe(true);
    const ne = await h.call<List<User>>(analyst, 'GET', `${BASE}/Users?filter=${encodeURIComponent('active ne true')}&count=0`);
    expect(ne.json.totalResults).toBeGreaterThan(0);
    expect(ne.json.Resources).toBeUndefined();
    const bad = await h.call(analyst, 'GET', `${BASE}/Users?filter=${encodeURIComponent('userName eq')}`);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidFilter' });
  });

  it('lists groups as workspace groups with members, and service principals by applicationId', async () => {
    const admins = await h.call<List<Group>>(analyst, 'GET', `${BASE}/Groups?filter=${encodeURIComponent('displayName eq "admins"')}`);
    const group = admins.json.Resources?.[0] as Group;
    expect(group.meta.resourceType).toBe('WorkspaceGroup');
    expect(group.members?.some((m) => m.display === p.admin.displayName)).toBe(true);
    const sp = h.sim.workspace.servicePrincipal.applicationId;
    const sps = await h.call<List<{ applicationId: string; active: boolean }>>(
      analyst,
      'GET',
      `${BASE}/ServicePrincipals?filter=${encodeURIComponent(`applicationId eq "${sp}"`)}`,
    );
    expect(sps.json.Resources?.[0]?.applicationId).toBe(sp);
    const missing = await h.call(analyst, 'GET', `${BASE}/Users/123`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ status: '404' });
  });
});

describe('SCIM writes', () => {
  it('refuses non-admins with a SCIM 403', async () => {
    const res = await h.call(analyst, 'POST', `${BASE}/Users`, { userName: 'new@harborpine.com' });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ status: '403', schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] });
  });

  it('creates a user, adds them to a group by PATCH, deactivates them (their tokens stop), and deletes them', async () => {
    const created = await h.call<User>(h.admin, 'POST', `${BASE}/Users`, {
      userName: 'nina.berg@harborpine.com',
      displayName: 'Nina Berg',
      entitlements: [{ value: 'allow-cluster-create' }],
    });
    expect(created.status).toBe(201);
    expect((await h.call(h.admin, 'POST', `${BASE}/Users`, { userName: 'Nina.Berg@harborpine.com' })).status).toBe(409);
    const analysts = (
      await h.call<List<Group>>(h.admin, 'GET', `${BASE}/Groups?filter=${encodeURIComponent('displayName eq "security-analysts"')}`)
    ).json.Resources?.[0] as Group;
    const patched = await h.call(h.admin, 'PATCH', `${BASE}/Groups/${analysts.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: created.json.id }] }],
    });
    expect(patched.status).toBe(200);
    const nina = await h.login('nina.berg@harborpine.com');
    expect((await h.call<User>(nina.access_token, 'GET', `${BASE}/Me`)).json.groups?.map((g) => g.display)).toContain('security-analysts');
    const pat = await h.call<{ token_value: string }>(nina.access_token, 'POST', '/api/2.0/token/create', { lifetime_seconds: 3600 });
    await h.call(h.admin, 'PATCH', `${BASE}/Users/${created.json.id}`, { Operations: [{ op: 'replace', path: 'active', value: false }] });
    expect((await h.call(pat.json.token_value, 'GET', `${BASE}/Me`)).status).toBe(403);
    expect((await h.call(nina.access_token, 'GET', `${BASE}/Me`)).status).toBe(403);
    await h.call(h.admin, 'PATCH', `${BASE}/Groups/${analysts.id}`, {
      Operations: [{ op: 'remove', path: `members[value eq "${created.json.id}"]` }],
    });
    expect((await h.call<User>(h.admin, 'GET', `${BASE}/Users/${created.json.id}`)).json.groups).toBeUndefined();
    expect((await h.call(h.admin, 'DELETE', `${BASE}/Users/${created.json.id}`)).status).toBe(204);
    expect((await h.call(h.admin, 'GET', `${BASE}/Users/${created.json.id}`)).status).toBe(404);
  });

  it('creates and replaces groups, and protects the built-in ones', async () => {
    const g = await h.call<Group>(h.admin, 'POST', `${BASE}/Groups`, {
      displayName: 'fraud-squad',
      members: [{ value: (await h.call<User>(analyst, 'GET', `${BASE}/Me`)).json.id }],
    });
    expect(g.json.members).toHaveLength(1);
    const replaced = await h.call<Group>(h.admin, 'PUT', `${BASE}/Groups/${g.json.id}`, { displayName: 'fraud-team', members: [] });
    expect(replaced.json).toMatchObject({ displayName: 'fraud-team' });
    expect(replaced.json.members).toBeUndefined();
    const users = (await h.call<List<Group>>(h.admin, 'GET', `${BASE}/Groups?filter=${encodeURIComponent('displayName eq "users"')}`)).json
      .Resources?.[0] as Group;
    expect((await h.call(h.admin, 'DELETE', `${BASE}/Groups/${users.id}`)).status).toBe(400);
    const sp = await h.call<{ applicationId: string }>(h.admin, 'POST', `${BASE}/ServicePrincipals`, { displayName: 'new-robot' });
    expect(sp.json.applicationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
