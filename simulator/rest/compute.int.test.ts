import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas, startHarness, type Harness } from '../testing/harness';

interface Policy {
  policy_id: string;
  name: string;
  definition?: string;
  is_default: boolean;
  created_at_timestamp: number;
}
interface Cluster {
  cluster_id: string;
  policy_id?: string;
  spark_env_vars?: Record<string, string>;
  spark_conf?: Record<string, string>;
  autotermination_minutes: number;
  cluster_source: string;
}
interface Job {
  job_id: number;
  run_as_user_name: string;
  settings: { name: string; tasks?: unknown[]; job_clusters?: Array<{ new_cluster: Cluster }> };
}
interface Acl {
  access_control_list: Array<{
    user_name?: string;
    group_name?: string;
    service_principal_name?: string;
    all_permissions: Array<{ permission_level: string; inherited: boolean }>;
  }>;
}

let h: Harness;
let analyst: string;
beforeAll(async () => {
  h = await startHarness();
  analyst = (await h.login(personas(h).analyst.userName)).access_token;
});
afterAll(() => h?.close());

describe('cluster policies', () => {
  it('lists policies that do and do not restrict node types and auto-termination, sorted as asked', async () => {
    const res = await h.call<{ policies: Policy[] }>(
      h.admin,
      'GET',
      '/api/2.0/policies/clusters/list?sort_column=POLICY_NAME&sort_order=ASC',
    );
    const names = res.json.policies.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const defs = res.json.policies.map((p) => JSON.parse(p.definition ?? '{}') as Record<string, { type: string }>);
    expect(defs.some((d) => d.node_type_id?.type === 'allowlist')).toBe(true);
    expect(defs.some((d) => !d.node_type_id)).toBe(true);
    expect(defs.some((d) => d.autotermination_minutes?.type === 'fixed')).toBe(true);
    expect(res.json.policies.some((p) => p.is_default)).toBe(true);
  });

  it('shows non-admins only the policies they may use, and lets only admins write', async () => {
    const mine = await h.call<{ policies?: Policy[] }>(analyst, 'GET', '/api/2.0/policies/clusters/list');
    const all = await h.call<{ policies: Policy[] }>(h.admin, 'GET', '/api/2.0/policies/clusters/list');
    expect((mine.json.policies ?? []).length).toBeLessThan(all.json.policies.length);
    expect((await h.call(analyst, 'POST', '/api/2.0/policies/clusters/create', { name: 'x', definition: '{}' })).status).toBe(403);
  });

  it('creates, edits and deletes a policy with validation', async () => {
    const def = JSON.stringify({ autotermination_minutes: { type: 'fixed', value: 30 } });
    const created = await h.call<{ policy_id: string }>(h.admin, 'POST', '/api/2.0/policies/clusters/create', {
      name: 'Int test',
      definition: def,
    });
    const id = created.json.policy_id;
    expect((await h.call<Policy>(h.admin, 'GET', `/api/2.0/policies/clusters/get?policy_id=${id}`)).json).toMatchObject({
      name: 'Int test',
      definition: def,
      is_default: false,
    });
    expect((await h.call(h.admin, 'POST', '/api/2.0/policies/clusters/create', { name: 'int TEST', definition: def })).status).toBe(400);
    expect((await h.call(h.admin, 'POST', '/api/2.0/policies/clusters/create', { name: 'y', definition: '{not json' })).status).toBe(400);
    expect((await h.call(h.admin, 'POST', '/api/2.0/policies/clusters/create', { name: 'z'.repeat(101), definition: def })).status).toBe(
      400,
    );
    expect(
      (await h.call(h.admin, 'POST', '/api/2.0/policies/clusters/edit', { policy_id: id, name: 'Int test 2', definition: def })).json,
    ).toEqual({});
    expect((await h.call(h.admin, 'POST', '/api/2.0/policies/clusters/delete', { policy_id: id })).json).toEqual({});
    expect((await h.call(h.admin, 'GET', `/api/2.0/policies/clusters/get?policy_id=${id}`)).status).toBe(404);
    const dflt = (await h.call<{ policies: Policy[] }>(h.admin, 'GET', '/api/2.0/policies/clusters/list')).json.policies.find(
      (p) => p.is_default,
    ) as Policy;
    expect((await h.call(h.admin, 'POST', '/api/2.0/policies/clusters/delete', { policy_id: dflt.policy_id })).status).toBe(400);
  });
});

describe('clusters', () => {
  it('pages 2.1 list with tokens and holds plain credentials beside secret references', async () => {
    const seen: Cluster[] = [];
    let token: string | undefined;
    do {
      const page = await h.call<{ clusters?: Cluster[]; next_page_token?: string }>(
        h.admin,
        'GET',
        `/api/2.1/clusters/list?page_size=5${token ? `&page_token=${token}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...(page.json.clusters ?? []));
      token = page.json.next_page_token;
    } while (token);
    expect(new Set(seen.map((c) => c.cluster_id)).size).toBe(seen.length);
    expect(seen.length).toBe((await h.call<{ clusters: Cluster[] }>(h.admin, 'GET', '/api/2.0/clusters/list')).json.clusters.length);
    const values = seen.flatMap((c) => [...Object.values(c.spark_env_vars ?? {}), ...Object.values(c.spark_conf ?? {})]);
    expect(values.some((v) => v.startsWith('{{secrets/'))).toBe(true);
    expect(
      seen.some((c) =>
        Object.entries(c.spark_env_vars ?? {}).some(([k, v]) => /PASSWORD|SECRET|TOKEN/.test(k) && !v.startsWith('{{secrets/')),
      ),
    ).toBe(true);
    expect(seen.some((c) => !c.policy_id)).toBe(true);
    expect(seen.some((c) => c.autotermination_minutes === 0)).toBe(true);
  });

  it('filters by policy and answers an unknown cluster with 400 INVALID_PARAMETER_VALUE', async () => {
    const all = (await h.call<{ clusters: Cluster[] }>(h.admin, 'GET', '/api/2.0/clusters/list')).json.clusters;
    const policy = all.find((c) => c.policy_id)?.policy_id as string;
    const filtered = await h.call<{ clusters: Cluster[] }>(h.admin, 'GET', `/api/2.1/clusters/list?filter_by.policy_id=${policy}`);
    expect(filtered.json.clusters.every((c) => c.policy_id === policy)).toBe(true);
    const missing = await h.call(h.admin, 'GET', '/api/2.0/clusters/get?cluster_id=nope');
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect((await h.call(h.admin, 'GET', '/api/2.1/clusters/list?page_token=garbage')).status).toBe(400);
  });
});

describe('jobs', () => {
  it('pages 2.2 list with run_as_user_name for people and service principals, tasks only when expanded', async () => {
    const first = await h.call<{ jobs: Job[]; has_more: boolean; next_page_token?: string }>(h.admin, 'GET', '/api/2.2/jobs/list?limit=10');
    expect(first.json.jobs).toHaveLength(10);
    expect(first.json.has_more).toBe(true);
    expect(first.json.jobs[0]?.settings.tasks).toBeUndefined();
    const rest = await h.call<{ jobs: Job[]; has_more: boolean }>(
      h.admin,
      'GET',
      `/api/2.2/jobs/list?limit=100&expand_tasks=true&page_token=${first.json.next_page_token}`,
    );
    expect(rest.json.has_more).toBe(false);
    const jobs = [...first.json.jobs, ...rest.json.jobs];
    expect(jobs.some((j) => j.run_as_user_name.includes('@'))).toBe(true);
    expect(jobs.some((j) => /^[0-9a-f-]{36}$/.test(j.run_as_user_name))).toBe(true);
    expect(rest.json.jobs[0]?.settings.tasks?.length).toBeGreaterThan(0);
    expect((await h.call(h.admin, 'GET', '/api/2.2/jobs/list?limit=101')).status).toBe(400);
  });

  it('gets a job, 400 for an unknown one, and hides jobs without permission from non-admins', async () => {
    const any = (await h.call<{ jobs: Job[] }>(h.admin, 'GET', '/api/2.2/jobs/list?limit=1')).json.jobs[0] as Job;
    expect((await h.call<Job>(h.admin, 'GET', `/api/2.2/jobs/get?job_id=${any.job_id}`)).json.job_id).toBe(any.job_id);
    expect((await h.call(h.admin, 'GET', '/api/2.2/jobs/get?job_id=1')).json).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    const total = (await h.call<{ jobs: Job[] }>(h.admin, 'GET', '/api/2.2/jobs/list?limit=100')).json.jobs.length;
    const visible = (await h.call<{ jobs?: Job[] }>(analyst, 'GET', '/api/2.2/jobs/list?limit=100')).json.jobs?.length ?? 0;
    expect(visible).toBeLessThan(total);
  });
});

describe('object permissions', () => {
  it('reads and changes job ACLs, keeping one owner and the implicit admins entry', async () => {
    const job = (await h.call<{ jobs: Job[] }>(h.admin, 'GET', '/api/2.2/jobs/list?limit=1')).json.jobs[0] as Job;
    const before = await h.call<Acl & { object_id: string; object_type: string }>(
      h.admin,
      'GET',
      `/api/2.0/permissions/jobs/${job.job_id}`,
    );
    expect(before.json).toMatchObject({ object_id: `/jobs/${job.job_id}`, object_type: 'job' });
    expect(before.json.access_control_list.find((e) => e.group_name === 'admins')?.all_permissions[0]).toMatchObject({
      permission_level: 'CAN_MANAGE',
      inherited: true,
    });
    const put = await h.call<Acl>(h.admin, 'PUT', `/api/2.0/permissions/jobs/${job.job_id}`, {
      access_control_list: [{ group_name: 'analytics', permission_level: 'CAN_VIEW' }],
    });
    const levels = put.json.access_control_list.map((e) => e.all_permissions[0]?.permission_level);
    expect(levels.filter((l) => l === 'IS_OWNER')).toHaveLength(1);
    expect(put.json.access_control_list.some((e) => e.group_name === 'analytics')).toBe(true);
    const bad = await h.call(h.admin, 'PATCH', `/api/2.0/permissions/jobs/${job.job_id}`, {
      access_control_list: [{ group_name: 'analytics', permission_level: 'CAN_USE' }],
    });
    expect(bad.status).toBe(400);
    expect((await h.call(analyst, 'PATCH', `/api/2.0/permissions/jobs/${job.job_id}`, { access_control_list: [] })).status).toBe(403);
    const lv = await h.call<{ permission_levels: Array<{ permission_level: string }> }>(
      h.admin,
      'GET',
      `/api/2.0/permissions/jobs/${job.job_id}/permissionLevels`,
    );
    expect(lv.json.permission_levels.map((l) => l.permission_level)).toContain('CAN_MANAGE_RUN');
  });

  it('keeps token permissions admin-only and CAN_MANAGE for the admins group alone', async () => {
    expect((await h.call(analyst, 'GET', '/api/2.0/permissions/authorization/tokens')).status).toBe(403);
    const grant = await h.call(h.admin, 'PATCH', '/api/2.0/permissions/authorization/tokens', {
      access_control_list: [{ group_name: 'analytics', permission_level: 'CAN_MANAGE' }],
    });
    expect(grant.status).toBe(400);
    const ghost = await h.call(h.admin, 'PATCH', '/api/2.0/permissions/authorization/tokens', {
      access_control_list: [{ user_name: 'ghost@nowhere', permission_level: 'CAN_USE' }],
    });
    expect(ghost.status).toBe(400);
    const res = await h.call<Acl & { object_id: string }>(h.admin, 'GET', '/api/2.0/permissions/authorization/tokens');
    expect(res.json.object_id).toBe('/authorization/tokens');
    expect(res.json.access_control_list.find((e) => e.group_name === 'admins')?.all_permissions[0]).toEqual({
      permission_level: 'CAN_MANAGE',
      inherited: false,
    });
  });
});
