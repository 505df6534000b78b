import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../control/request-log';
import { PIPELINES_REPO } from '../seed/notebooks-fixed';
import { sqlSession, type SqlUser } from '../sql/driver-testing';
import { inBatches, personas, startHarness, type Harness } from '../testing/harness';

interface ObjectInfo {
  object_type: string;
  path: string;
  object_id: number;
}
interface Acl {
  object_id: string;
  object_type: string;
  access_control_list: Array<{
    user_name?: string;
    group_name?: string;
    all_permissions: Array<{ permission_level: string; inherited: boolean; inherited_from_object?: string[] }>;
  }>;
}
interface Repo {
  id: number;
  path: string;
  url: string;
  provider: string;
  branch: string;
  head_commit_id: string;
}

let h: Harness;
let sam: string;
let priya: string;
let admin: SqlUser;
const names = () => personas(h);
const q = (path: string) => encodeURIComponent(path);
const paths = async (token: string, path: string) =>
  ((await h.call<{ objects?: ObjectInfo[] }>(token, 'GET', `/api/2.0/workspace/list?path=${q(path)}`)).json.objects ?? []).map(
    (o) => o.path,
  );
const status = (token: string, path: string) => h.call<ObjectInfo>(token, 'GET', `/api/2.0/workspace/get-status?path=${q(path)}`);
const exportOf = (token: string, path: string) => h.call(token, 'GET', `/api/2.0/workspace/export?path=${q(path)}&format=SOURCE`);
const jordanHome = () =>
  `/Users/${h.sim.workspace.people.find((p) => p.displayName === 'Jordan Lee')?.userName ?? 'jordan.lee@harborpine.com'}`;
const legacyNotebook = () => `${jordanHome()}/legacy/policy_admin_sync`;

beforeAll(async () => {
  h = await startHarness();
  sam = (await h.login(names().noRole.userName)).access_token;
  priya = (await h.login(names().analyst.userName)).access_token;
  admin = await sqlSession(h, h.admin);
});
afterAll(async () => {
  await admin?.session.close();
  await h?.close();
});

describe('what a non-admin may see', () => {
  it('lists only their own home and the folders leading to what is shared with them', async () => {
    const everyone = await paths(h.admin, '/Users');
    expect(everyone.length).toBeGreaterThan(50);
    const mine = await paths(priya, '/Users');
    expect(mine).toContain(`/Users/${names().analyst.userName}`);
    expect(mine).not.toContain(`/Users/${names().noRole.userName}`);
    expect(mine.length).toBeLessThan(everyone.length);
    // Jordan's legacy folder is shared with data-engineering: Sam sees that folder, not the rest of the home.
    expect(await paths(sam, '/Users')).toContain(jordanHome());
    expect(await paths(sam, jordanHome())).toEqual([`${jordanHome()}/legacy`]);
    expect((await exportOf(sam, legacyNotebook())).status).toBe(200);
    expect(await exportOf(priya, legacyNotebook())).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });
    expect((await status(priya, `/Users/${names().noRole.userName}/scratch/claims_api_backfill`)).status).toBe(403);
    expect((await h.call(priya, 'GET', `/api/2.0/workspace/list?path=${q(jordanHome())}`)).status).toBe(403);
  });

  it('lets everyone read and write /Shared, and nobody write another person’s home', async () => {
    expect((await exportOf(priya, '/Shared/training/sql_basics')).status).toBe(200);
    const content = Buffer.from('SELECT 1').toString('base64');
    const shared = await h.call(priya, 'POST', '/api/2.0/workspace/import', { path: '/Shared/training/priya_q', language: 'SQL', content });
    expect(shared.status).toBe(200);
    const intoHome = await h.call(priya, 'POST', '/api/2.0/workspace/import', {
      path: `/Users/${names().noRole.userName}/x`,
      language: 'SQL',
      content,
    });
    expect(intoHome).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });
    expect((await h.call(sam, 'POST', '/api/2.0/workspace/delete', { path: legacyNotebook() })).status).toBe(403);
  });
});

describe('workspace object permissions', () => {
  it('shows inherited grants with the folder they come from', async () => {
    const nb = (await status(h.admin, legacyNotebook())).json;
    const legacy = (await status(h.admin, `${jordanHome()}/legacy`)).json;
    const home = (await status(h.admin, jordanHome())).json;
    const acl = (await h.call<Acl>(h.admin, 'GET', `/api/2.0/permissions/notebooks/${nb.object_id}`)).json;
    expect(acl).toMatchObject({ object_id: `/notebooks/${nb.object_id}`, object_type: 'notebook' });
    const entry = (name: string) => acl.access_control_list.find((e) => e.group_name === name || e.user_name === name);
    expect(entry('data-engineering')?.all_permissions).toEqual([
      { permission_level: 'CAN_READ', inherited: true, inherited_from_object: [`/directories/${legacy.object_id}`] },
    ]);
    expect(entry(jordanHome().slice(7))?.all_permissions).toEqual([
      { permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: [`/directories/${home.object_id}`] },
    ]);
    expect(entry('admins')?.all_permissions).toEqual([
      { permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: ['/directories/'] },
    ]);
    const levels = await h.call<{ permission_levels: Array<{ permission_level: string }> }>(
      h.admin,
      'GET',
      `/api/2.0/permissions/directories/${legacy.object_id}/permissionLevels`,
    );
    expect(levels.json.permission_levels.map((l) => l.permission_level)).toEqual(['CAN_READ', 'CAN_RUN', 'CAN_EDIT', 'CAN_MANAGE']);
    expect((await h.call(h.admin, 'GET', `/api/2.0/permissions/notebooks/${legacy.object_id}`)).status).toBe(404);
    const repo = (await status(h.admin, PIPELINES_REPO)).json;
    expect((await h.call<Acl>(h.admin, 'GET', `/api/2.0/permissions/repos/${repo.object_id}`)).json.object_type).toBe('repo');
  });

  it('changes what a person can read when a grant is added, and only for managers', async () => {
    const nb = (await status(h.admin, legacyNotebook())).json;
    const grant = { access_control_list: [{ user_name: names().analyst.userName, permission_level: 'CAN_READ' }] };
    expect((await h.call(sam, 'PATCH', `/api/2.0/permissions/notebooks/${nb.object_id}`, grant)).status).toBe(403);
    expect((await h.call(h.admin, 'PATCH', `/api/2.0/permissions/notebooks/${nb.object_id}`, grant)).status).toBe(200);
    expect((await exportOf(priya, legacyNotebook())).status).toBe(200);
    expect(await paths(priya, '/Users')).toContain(jordanHome());
    expect(await paths(priya, `${jordanHome()}/legacy`)).toEqual([legacyNotebook()]);
    await h.call(h.admin, 'PUT', `/api/2.0/permissions/notebooks/${nb.object_id}`, { access_control_list: [] });
    expect((await exportOf(priya, legacyNotebook())).status).toBe(403);
  });
});

describe('repos', () => {
  it('lists Git folders with their remote, and only those a non-admin can manage', async () => {
    const all = (await h.call<{ repos: Repo[] }>(h.admin, 'GET', '/api/2.0/repos')).json.repos;
    const pipelines = all.find((r) => r.path === PIPELINES_REPO);
    expect(pipelines).toMatchObject({
      provider: 'azureDevOpsServices',
      branch: 'main',
      url: expect.stringMatching(/^https:\/\/dev\.azure\.com\//),
    });
    expect(pipelines?.head_commit_id).toMatch(/^[0-9a-f]{40}$/);
    expect(pipelines?.id).toBe((await status(h.admin, PIPELINES_REPO)).json.object_id);
    expect((await h.call<Repo>(h.admin, 'GET', `/api/2.0/repos/${pipelines?.id}`)).json).toEqual(pipelines);
    const samRepos = (await h.call<{ repos?: Repo[] }>(sam, 'GET', '/api/2.0/repos')).json.repos ?? [];
    expect(samRepos.length).toBeGreaterThan(0);
    expect(samRepos.every((r) => r.path.startsWith(`/Repos/${names().noRole.userName}/`))).toBe(true);
    expect((await h.call(priya, 'GET', `/api/2.0/repos/${pipelines?.id}`)).status).toBe(403);
    expect((await h.call(h.admin, 'GET', '/api/2.0/repos/123')).json).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
  });

  it('creates, pages through and deletes repos', async () => {
    const prefix = `/Repos/${names().analyst.userName}`;
    await inBatches(22, 6, async (i) => {
      const name = `r${String(i).padStart(2, '0')}`;
      const res = await h.call<Repo>(priya, 'POST', '/api/2.0/repos', {
        url: `https://github.com/harborpine/${name}.git`,
        provider: 'GitHub',
      });
      expect(res.json).toMatchObject({ path: `${prefix}/${name}`, provider: 'gitHub', branch: 'main' });
    });
    const first = (await h.call<{ repos: Repo[]; next_page_token?: string }>(priya, 'GET', `/api/2.0/repos?path_prefix=${q(prefix)}`)).json;
    expect(first.repos).toHaveLength(20);
    const second = (
      await h.call<{ repos: Repo[]; next_page_token?: string }>(
        priya,
        'GET',
        `/api/2.0/repos?path_prefix=${q(prefix)}&next_page_token=${first.next_page_token}`,
      )
    ).json;
    expect(second.repos).toHaveLength(2);
    expect(second.next_page_token).toBeUndefined();
    expect(
      (await h.call(priya, 'POST', '/api/2.0/repos', { url: 'https://github.com/harborpine/r00.git', provider: 'gitHub' })).status,
    ).toBe(400);
    expect((await h.call(priya, 'DELETE', `/api/2.0/repos/${second.repos[1]?.id}`)).status).toBe(200);
    expect((await status(h.admin, second.repos[1]?.path ?? '')).status).toBe(404);
  });
});

describe('faults, latency and the request log', () => {
  it('apply to the workspace API like every other endpoint', async () => {
    await h.call(h.admin, 'POST', '/__simulator/faults', {
      spec: 'GET /api/2.0/workspace/export -> 503 times=1; GET /api/2.0/workspace/list -> 429 retry-after=2 times=1',
    });
    expect((await exportOf(priya, '/Shared/training/sql_basics')).json).toMatchObject({ error_code: 'TEMPORARILY_UNAVAILABLE' });
    expect((await exportOf(priya, '/Shared/training/sql_basics')).status).toBe(200);
    const limited = await h.call(priya, 'GET', '/api/2.0/workspace/list?path=/Shared');
    expect(limited.status).toBe(429);
    expect(limited.res.headers.get('retry-after')).toBe('2');
    await h.call(h.admin, 'PUT', '/__simulator/latency', { ms: 150 });
    const started = performance.now();
    await status(priya, '/Shared');
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    await h.call(h.admin, 'PUT', '/__simulator/latency', { ms: 0 });
    const log = (
      await h.call<{ requests: RequestLogEntry[] }>(h.admin, 'GET', '/__simulator/requests?path_prefix=/api/2.0/workspace/export')
    ).json.requests;
    expect(log.filter((r) => r.identity === names().analyst.userName).map((r) => r.status)).toEqual(expect.arrayContaining([503, 200]));
  });
});

describe('audit', () => {
  const events = async (action: string, since: string) => {
    const read = () =>
      admin.q(
        `SELECT service_name AS s, user_identity.email AS who, request_params AS p, response.status_code AS code
         FROM system.access.audit WHERE event_date >= current_date() - 1 AND action_name = :action AND event_time >= CAST(:since AS TIMESTAMP)`,
        { action, since },
      );
    let rows = await read();
    for (let i = 0; i < 50 && rows.length === 0; i++) rows = await read();
    return rows as Array<{ s: string; who: string; p: Record<string, string>; code: number }>;
  };

  it('records imports, folder changes, exports (also refused ones) and permission changes', async () => {
    const since = new Date(Date.now() - 50).toISOString().replace('T', ' ').replace('Z', '');
    const dir = `/Users/${names().analyst.userName}/audited`;
    await h.call(priya, 'POST', '/api/2.0/workspace/mkdirs', { path: dir });
    await h.call(priya, 'POST', '/api/2.0/workspace/import', {
      path: `${dir}/nb`,
      language: 'PYTHON',
      content: Buffer.from('x = 1').toString('base64'),
    });
    await exportOf(priya, `${dir}/nb`);
    await exportOf(priya, legacyNotebook());
    await h.call(priya, 'POST', '/api/2.0/workspace/delete', { path: dir, recursive: true });
    const id = String((await status(h.admin, '/Shared/training/sql_basics')).json.object_id);
    await h.call(h.admin, 'PATCH', `/api/2.0/permissions/notebooks/${id}`, {
      access_control_list: [{ group_name: 'analytics', permission_level: 'CAN_RUN' }],
    });

    expect(await events('createFolder', since)).toEqual([{ s: 'notebook', who: names().analyst.userName, p: { path: dir }, code: 200 }]);
    const imported = await events('importNotebook', since);
    expect(imported.find((e) => e.p.path === `${dir}/nb`)?.p.notebookId).toMatch(/^\d+$/);
    const exports = await events('workspaceExport', since);
    expect(
      exports.filter((e) => e.who === names().analyst.userName).map((e) => [e.s, e.p.notebookFullPath, e.p.workspaceExportFormat, e.code]),
    ).toEqual(
      expect.arrayContaining([
        ['workspace', `${dir}/nb`, 'SOURCE', 200],
        ['workspace', legacyNotebook(), 'SOURCE', 403],
      ]),
    );
    expect((await events('deleteFolder', since))[0]).toMatchObject({ s: 'notebook', p: { path: dir } });
    expect((await events('changeWorkspaceAcl', since))[0]).toMatchObject({
      s: 'workspace',
      p: { resourceId: id, aclPermissionSet: 'CAN_RUN' },
    });
  });

  it('holds the creation of recently created seeded notebooks, naming their creator', async () => {
    const rows = await admin.q(
      `SELECT user_identity.email AS who, request_params.path AS path, request_params.notebookId AS id FROM system.access.audit
       WHERE event_date >= current_date() - 90 AND service_name = 'notebook' AND action_name = 'createNotebook' LIMIT 20`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows as Array<{ who: string; path: string; id: string }>) {
      const info = (await status(h.admin, r.path)).json;
      expect(String(info.object_id)).toBe(r.id);
    }
  });
});
