// The judgements of the checks Brickwatch measures itself: pass, fail (with keyed, linked evidence) and "not
// collected" when a part could not be read. Inputs are plain data, as each check's load would hand them over.
import { describe, expect, it } from 'vitest';
import type { TokenRecord } from '@/lib/tokens/rules/types';
import { judgeAuditLogs } from './audit-logs';
import { judgeClusterPolicies } from './cluster-policies';
import { judgeIpAccessLists } from './ip-access-lists';
import { judgeJobsRunAs } from './jobs-run-as';
import type { IdentityScope } from './shared';
import { judgeTokenCreation } from './token-creation';
import { judgeTokenLifetime } from './token-lifetime';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const env = { now: NOW, host: 'https://adb-1.azuredatabricks.net' };
const admin: IdentityScope = { name: 'sp-brickwatch', admin: true, error: null };
const notAdmin: IdentityScope = { name: 'priya.shah@harborpine.com', admin: false, error: null };

const token = (id: string, created: number, expires: number | null): TokenRecord => ({
  tokenId: id,
  comment: `etl ${id}`,
  creationTime: created,
  expiryTime: expires,
  lastUsedDay: null,
  createdBy: 'ana@harborpine.com',
  owner: { id: '1', kind: 'user', name: 'ana@harborpine.com', displayName: 'Ana Ruiz', status: 'active' },
});

describe('token lifetime (1)', () => {
  const base = { scope: 'workspace' as const, actor: 'sp', maxLifetimeDays: 90 };
  it('passes when every live token expires within 90 days and the maximum is 90', () => {
    const v = judgeTokenLifetime({ ...base, tokens: [token('a', NOW - DAY, NOW + 80 * DAY)] }, env);
    expect(v.status).toBe('pass');
  });
  it('fails for a token without expiry, a long one and an unset maximum; ignores expired ones', () => {
    const v = judgeTokenLifetime(
      {
        ...base,
        maxLifetimeDays: null,
        tokens: [token('never', NOW - DAY, null), token('long', NOW - DAY, NOW + 200 * DAY), token('old', NOW - 400 * DAY, NOW - DAY)],
      },
      env,
    );
    expect(v.status).toBe('fail');
    if (v.status !== 'fail') return;
    expect(v.evidence.map((e) => e.key)).toEqual(['setting:maxTokenLifetimeDays', 'token:never', 'token:long']);
    expect(v.evidence[1]!.href).toBe('/tokens?q=never');
  });
  it('is not collected when only its own tokens could be listed and none failed', () => {
    const v = judgeTokenLifetime({ ...base, scope: 'own', tokens: [] }, env);
    expect(v).toMatchObject({ status: 'not_collected', needs: 'Workspace admin (token management)' });
  });
});

describe('token creation (2)', () => {
  const base = {
    scope: 'workspace' as const,
    actor: 'sp',
    tokens: [token('t', NOW - DAY, NOW + DAY)],
    permissionsNotice: null,
    usageNotice: null,
  };
  it('passes when "users" may not create tokens and nothing looks shared', () => {
    const v = judgeTokenCreation(
      { ...base, creators: [{ kind: 'group', name: 'data-eng', displayName: null, level: 'CAN_USE' }], usage: new Map() },
      env,
    );
    expect(v.status).toBe('pass');
  });
  it('fails when "users" holds CAN_USE and for a live token used from many addresses', () => {
    const v = judgeTokenCreation(
      {
        ...base,
        creators: [{ kind: 'group', name: 'users', displayName: null, level: 'CAN_USE' }],
        usage: new Map([['t', { distinctIps: 9, distinctClients: 1 }]]),
      },
      env,
    );
    expect(v.status === 'fail' && v.evidence.map((e) => e.key)).toEqual(['group:users', 'token:t']);
  });
  it('is not collected when the audit log could not be read, naming the grant', () => {
    const v = judgeTokenCreation({ ...base, creators: [], usage: null, usageNotice: 'Databricks refused the warehouse' }, env);
    expect(v).toMatchObject({ status: 'not_collected', needs: 'SELECT on system.access.audit' });
  });
});

describe('jobs run as service principals (7)', () => {
  const job = (jobId: string, kind: 'person' | 'service_principal' | 'unknown', paused = false) => ({
    jobId,
    name: `Job ${jobId}`,
    runAs: kind === 'person' ? 'ana@harborpine.com' : kind === 'service_principal' ? 'a1b2' : null,
    kind,
    paused,
  });
  it('passes when every job runs as a service principal', () => {
    expect(judgeJobsRunAs({ jobs: [job('1', 'service_principal')], scope: admin, unresolved: [] }, env).status).toBe('pass');
  });
  it('fails for each job run as a person, linked to the job in the workspace', () => {
    const v = judgeJobsRunAs({ jobs: [job('1', 'service_principal'), job('2', 'person')], scope: admin, unresolved: [] }, env);
    expect(v.status === 'fail' && v.evidence[0]).toMatchObject({ key: 'job:2', href: `${env.host}/jobs/2` });
  });
  it('is not collected when a non-admin saw no failing job (others may be hidden from it)', () => {
    const v = judgeJobsRunAs({ jobs: [job('1', 'service_principal')], scope: notAdmin, unresolved: [] }, env);
    expect(v).toMatchObject({ status: 'not_collected', needs: 'Workspace admin (to see every job)' });
  });
});

describe('IP access lists (8)', () => {
  const allow = { list_id: 'l1', label: 'Office', list_type: 'ALLOW', enabled: true, ip_addresses: ['10.0.0.0/8'] };
  it('passes when enforced with an enabled allow list', () => {
    expect(judgeIpAccessLists({ enabled: 'true', lists: [allow] }, env).status).toBe('pass');
  });
  it('fails when enforcement is off, and when only a block list is enabled', () => {
    const v = judgeIpAccessLists({ enabled: 'false', lists: [{ ...allow, list_type: 'BLOCK' }] }, env);
    expect(v.status === 'fail' && v.evidence.map((e) => e.key)).toEqual(['setting:enableIpAccessLists', 'ip-access-lists:allow']);
  });
});

describe('cluster policies (9)', () => {
  const good = JSON.stringify({
    node_type_id: { type: 'allowlist', values: ['Standard_D4ds_v5'] },
    autotermination_minutes: { type: 'fixed', value: 60 },
  });
  const policy = { policy_id: 'p1', name: 'Analysts', definition: good };
  it('passes when policies restrict nodes and auto-termination and every all-purpose cluster uses one', () => {
    const v = judgeClusterPolicies({ policies: [policy], clusters: [{ cluster_id: 'c1', policy_id: 'p1' }], scope: admin }, env);
    expect(v.status).toBe('pass');
  });
  it('fails for a policy that allows any node type and for a cluster without a policy', () => {
    const v = judgeClusterPolicies(
      {
        policies: [{ ...policy, definition: '{}' }],
        clusters: [{ cluster_id: 'c2', cluster_name: 'adhoc', policy_id: null }],
        scope: admin,
      },
      env,
    );
    expect(v.status === 'fail' && v.evidence.map((e) => e.key)).toEqual(['policy:p1', 'cluster:c2']);
  });
  it('is not collected when a definition is unreadable and nothing else failed', () => {
    const v = judgeClusterPolicies({ policies: [{ ...policy, definition: '{not json' }], clusters: [], scope: admin }, env);
    expect(v.status).toBe('not_collected');
  });
});

describe('audit logs (12)', () => {
  const base = { latest: NOW - 3_600_000, events: 120_000, verboseError: null };
  it('passes when the audit table is readable and verbose logging is on', () => {
    expect(judgeAuditLogs({ ...base, verbose: 'true' }, env).status).toBe('pass');
  });
  it('fails when verbose audit logging is off', () => {
    const v = judgeAuditLogs({ ...base, verbose: null }, env);
    expect(v.status === 'fail' && v.evidence[0]!.key).toBe('setting:enableVerboseAuditLogs');
  });
  it('is not collected when the setting could not be read', () => {
    const v = judgeAuditLogs({ ...base, verbose: undefined, verboseError: 'PERMISSION_DENIED' }, env);
    expect(v).toMatchObject({ status: 'not_collected', needs: 'Workspace admin (workspace-conf)' });
  });
});
