// Everything the workspace seed writes, computed without a database: people and their lifecycles, tokens, secrets,
// policies, clusters, jobs, ACLs and IP access lists, and the Estate the catalog and audit-history seeds build on.
// Pure, so the invariant tests can check the `large` estate in a second without seeding DuckDB.
import type { Estate, SeedOptions } from '../core/contract';
import type { PrincipalRecord } from '../identity/store';
import { seedClusters, seedJobs, type ClusterSeedRow, type JobSeedRow } from './compute';
import { Roster } from './lifecycle';
import { seedPeople, type PeopleSeed } from './people';
import { seedPolicies, type PolicySeedRow } from './policies';
import { Rng } from './random';
import { seedSecrets, type SecretsSeed } from './secrets';
import { SEED_IPS, seedIpLists, seedTokenAcl, type IpListSeed } from './settings';
import { seedTokens, type TokenSeed } from './tokens';

export interface AclRow {
  objectType: string;
  objectId: string;
  principalKind: string;
  principalName: string;
  permissionLevel: string;
}

export interface WorkspacePlan {
  ppl: PeopleSeed;
  tokens: TokenSeed;
  secrets: SecretsSeed;
  policies: PolicySeedRow[];
  clusters: ClusterSeedRow[];
  jobs: JobSeedRow[];
  acls: AclRow[];
  ipLists: IpListSeed[];
  ids: { warehouseId: string; workspaceId: string; accountId: string };
  /** Without the admin token of workspace.json, which is random per seeding. */
  estate: Estate;
}

export function planWorkspace(opts: SeedOptions): WorkspacePlan {
  const rng = new Rng(opts.seed);
  const now = opts.now.getTime();
  const ppl = seedPeople(rng, opts.scale, now);
  const tokens = seedTokens(rng, opts.scale, now, ppl);
  const secrets = seedSecrets(rng, opts.scale, now, ppl);

  const { admin, platformAdmin } = ppl.personas;
  const activePeople = ppl.people.filter((p) => p.active);
  const people = new Roster(activePeople, ppl.leftAt);
  const admins = new Roster([admin, platformAdmin], ppl.leftAt);
  const policies = seedPolicies(rng, now, (byAdmin, at) => {
    const who = (byAdmin ? admins : people).pick(rng, at) ?? (byAdmin ? admins : people).earliest();
    return { name: who.name, joined: who.createdAt };
  });
  const clusters = seedClusters(rng, opts.scale, now, people, policies);
  const sps = {
    active: new Roster(
      ppl.servicePrincipals.filter((s) => s.active),
      ppl.leftAt,
    ),
    all: new Roster(ppl.servicePrincipals, ppl.leftAt),
  };
  const jobs = seedJobs(rng, opts.scale, now, people, sps, policies);

  const spByName = new Map(ppl.servicePrincipals.map((s) => [s.displayName, s]));
  const acls: AclRow[] = [];
  const acl = (objectType: string, objectId: string, principalKind: string, principalName: string, permissionLevel: string) =>
    acls.push({ objectType, objectId, principalKind, principalName, permissionLevel });
  for (const e of seedTokenAcl(spByName.get('etl-orchestrator')?.name ?? admin.name))
    acl('authorization', 'tokens', e.principalKind, e.principalName, e.permissionLevel);
  for (const p of policies) for (const g of p.users) acl('cluster-policies', p.policyId, 'group', g, 'CAN_USE');
  for (const c of clusters) {
    acl('clusters', c.clusterId, 'user', c.creator, 'CAN_MANAGE');
    acl(
      'clusters',
      c.clusterId,
      'group',
      rng.pick(['data-engineering', 'analytics', 'data-science']),
      rng.pick(['CAN_ATTACH_TO', 'CAN_RESTART']),
    );
  }
  for (const j of jobs) {
    // A job running as a since-deactivated service principal keeps it as owner: a real finding, meant.
    acl('jobs', String(j.jobId), j.owner.kind, j.owner.name, 'IS_OWNER');
    acl(
      'jobs',
      String(j.jobId),
      'group',
      rng.pick(['data-engineering', 'analytics', 'platform-ops']),
      rng.pick(['CAN_VIEW', 'CAN_MANAGE_RUN']),
    );
  }
  const ipLists = seedIpLists(rng, now, admin.createdAt);
  const ids = {
    warehouseId: rng.hex(16),
    workspaceId: String(rng.int(1_000_000, 8_999_999)) + String(rng.int(10_000_000, 99_999_999)),
    accountId: rng.uuid(),
  };

  const groupsOf = (id: string) => ppl.groupNames.get(id) ?? ['users'];
  const life = (r: PrincipalRecord) => ({ createdAt: r.createdAt, deactivatedAt: ppl.leftAt.get(r.id) ?? null });
  const estate: Estate = {
    workspaceId: ids.workspaceId,
    accountId: ids.accountId,
    people: ppl.people.map((p) => ({
      id: p.id,
      userName: p.name,
      displayName: p.displayName,
      active: p.active,
      groups: groupsOf(p.id),
      ...life(p),
    })),
    servicePrincipals: ppl.servicePrincipals.map((s) => ({
      id: s.id,
      applicationId: s.name,
      displayName: s.displayName,
      active: s.active,
      groups: groupsOf(s.id),
      ...life(s),
    })),
    groups: ppl.groups.map((g) => g.name),
    groupIds: Object.fromEntries(ppl.groups.map((g) => [g.name, g.id])),
    tokens: tokens.estate,
    scopes: secrets.estate,
    clusters: clusters.map((c) => ({ clusterId: c.clusterId, clusterName: c.name })),
    jobs: jobs.map((j) => ({
      jobId: j.jobId,
      name: j.name,
      createdTime: j.createdTime,
      creator: j.creator.name,
      runAs: j.owner.name,
      paused: j.paused,
    })),
    policies: policies.map((p) => ({ policyId: p.policyId, createdAt: p.createdAt })),
    ipAccessLists: ipLists.map((l) => ({
      listId: l.listId,
      label: l.label,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
      createdBy: admin.name,
    })),
    ips: SEED_IPS,
  };
  return { ppl, tokens, secrets, policies, clusters, jobs, acls, ipLists, ids, estate };
}
