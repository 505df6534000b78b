// Seeds the workspace side (identity, tokens, secrets, compute, settings, OAuth clients) into schema `ws` and
// returns the Estate that the catalog and audit-history seeds build on.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import { IdentityStore } from '../identity/store';
import { hashSecret } from '../oidc/clients';
import { bulkInsert, type Cell } from '../store/bulk';
import { setMeta } from '../store/schema';
import { newTokenValue, TokenStore } from '../store/token-store';
import { seedClusters, seedJobs } from './compute';
import { seedPeople } from './people';
import { seedPolicies } from './policies';
import { DAY_MS, Rng } from './random';
import { seedSecrets } from './secrets';
import { SEED_CONF, SEED_IPS, seedIpLists, seedTokenAcl } from './settings';
import { seedTokens } from './tokens';

/** Credentials published in workspace.json (demo sign-ins). Random per seeding, never derived from --seed. */
export interface SeedCredentials {
  adminToken: string;
  oauthClientId: string;
  oauthClientSecret: string;
  spApplicationId: string;
  spClientSecret: string;
  warehouseId: string;
  workspaceId: string;
  accountId: string;
}

const oauthSecret = () => `dose${randomBytes(20).toString('hex')}`;

export async function seedWorkspace(
  db: SimDb,
  opts: SeedOptions,
): Promise<{ estate: Estate; credentials: SeedCredentials; featuredPeople: string[] }> {
  const rng = new Rng(opts.seed);
  const now = opts.now.getTime();
  const ppl = seedPeople(rng, opts.scale, now);
  await IdentityStore.seed(db, ppl.records, ppl.memberships);

  const tokens = seedTokens(rng, opts.scale, now, ppl);
  const admin = ppl.personas.admin;
  const adminToken = newTokenValue();
  tokens.rows.push({
    tokenId: adminToken.tokenId,
    ownerId: admin.id,
    createdById: admin.id,
    createdByUsername: admin.name,
    comment: 'Brickwatch simulator admin (workspace.json)',
    creationTime: now - DAY_MS,
    expiryTime: now + 364 * DAY_MS,
    lastUsedDay: null,
    scopes: null,
  });
  await TokenStore.seed(db, tokens.rows);

  const secrets = seedSecrets(rng, opts.scale, now, ppl);
  await bulkInsert(
    db,
    'secret_scopes',
    ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'bigint'],
    secrets.scopes.map((s) => [s.name, s.backend, s.kvResourceId, s.kvDns, s.createdBy, s.createdAt]),
  );
  await bulkInsert(
    db,
    'secrets',
    ['varchar', 'varchar', 'blob', 'bigint'],
    secrets.secrets.map((s) => [s.scope, s.key, s.value, s.updated]),
  );
  await bulkInsert(
    db,
    'secret_acls',
    ['varchar', 'varchar', 'varchar'],
    secrets.acls.map((a) => [a.scope, a.principal, a.permission]),
  );

  const activePeople = ppl.people.filter((p) => p.active);
  const adminNames = [admin.name, ppl.personas.platformAdmin.name];
  const policies = seedPolicies(rng, now, adminNames, () => rng.pick(activePeople).name);
  await bulkInsert(
    db,
    'cluster_policies',
    ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'bigint', 'bool', 'bigint', 'varchar', 'varchar'],
    policies.map((p) => [
      p.policyId,
      p.name,
      p.definition,
      p.description,
      p.creator,
      p.createdAt,
      p.isDefault,
      p.maxClustersPerUser,
      p.familyId,
      null,
    ]),
  );
  const clusters = seedClusters(rng, opts.scale, now, activePeople, policies);
  await bulkInsert(
    db,
    'clusters',
    ['varchar', 'varchar', 'varchar'],
    clusters.map((c) => [c.clusterId, c.name, JSON.stringify(c.doc)]),
  );
  const jobs = seedJobs(rng, opts.scale, now, activePeople, ppl.servicePrincipals, policies);
  await bulkInsert(
    db,
    'jobs',
    ['bigint', 'varchar', 'bigint', 'varchar'],
    jobs.map((j) => [j.jobId, j.name, j.createdTime, JSON.stringify(j.doc)]),
  );

  const spByName = new Map(ppl.servicePrincipals.map((s) => [s.displayName, s]));
  const acls: Cell[][] = [];
  const acl = (type: string, id: string, kind: string, name: string, level: string) => acls.push([type, id, kind, name, level]);
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
    acl('jobs', String(j.jobId), j.owner.kind, j.owner.name, 'IS_OWNER');
    acl(
      'jobs',
      String(j.jobId),
      'group',
      rng.pick(['data-engineering', 'analytics', 'platform-ops']),
      rng.pick(['CAN_VIEW', 'CAN_MANAGE_RUN']),
    );
  }
  await bulkInsert(db, 'acls', ['varchar', 'varchar', 'varchar', 'varchar', 'varchar'], acls);

  await bulkInsert(db, 'workspace_conf', ['varchar', 'varchar'], Object.entries(SEED_CONF));
  const ipLists = seedIpLists(rng, now);
  await bulkInsert(
    db,
    'ip_access_lists',
    ['varchar', 'varchar', 'varchar', 'varchar', 'bool', 'bigint', 'bigint', 'bigint', 'bigint'],
    ipLists.map((l) => [
      l.listId,
      l.label,
      l.listType,
      JSON.stringify(l.addresses),
      l.enabled,
      l.createdAt,
      Number(admin.id),
      l.createdAt,
      Number(admin.id),
    ]),
  );

  const sp = spByName.get('brickwatch-service') ?? (ppl.servicePrincipals[0] as (typeof ppl.servicePrincipals)[0]);
  const credentials: SeedCredentials = {
    adminToken: adminToken.value,
    oauthClientId: randomUUID(),
    oauthClientSecret: oauthSecret(),
    spApplicationId: sp.name,
    spClientSecret: oauthSecret(),
    warehouseId: rng.hex(16),
    workspaceId: String(rng.int(1_000_000, 8_999_999)) + String(rng.int(10_000_000, 99_999_999)),
    accountId: rng.uuid(),
  };
  await bulkInsert(
    db,
    'oauth_clients',
    ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'bigint'],
    [
      [credentials.oauthClientId, hashSecret(credentials.oauthClientSecret), 'Brickwatch dashboard', 'app', null, now],
      ['databricks-cli', null, 'Databricks CLI', 'public', null, now],
      [sp.name, hashSecret(credentials.spClientSecret), sp.displayName, 'service_principal', sp.id, now],
    ],
  );
  await setMeta(db, 'credentials', JSON.stringify(credentials));

  const groupsOf = (id: string) => ppl.groupNames.get(id) ?? ['users'];
  const estate: Estate = {
    workspaceId: credentials.workspaceId,
    accountId: credentials.accountId,
    people: ppl.people.map((p) => ({ id: p.id, userName: p.name, displayName: p.displayName, active: p.active, groups: groupsOf(p.id) })),
    servicePrincipals: ppl.servicePrincipals.map((s) => ({
      id: s.id,
      applicationId: s.name,
      displayName: s.displayName,
      active: s.active,
      groups: groupsOf(s.id),
    })),
    groups: ppl.groups.map((g) => g.name),
    tokens: [
      ...tokens.estate,
      {
        tokenId: adminToken.tokenId,
        ownerName: admin.name,
        createdByName: admin.name,
        creationTime: now - DAY_MS,
        expiryTime: now + 364 * DAY_MS,
        comment: 'Brickwatch simulator admin (workspace.json)',
        usage: 'normal',
      },
    ],
    scopes: secrets.estate,
    clusters: clusters.map((c) => ({ clusterId: c.clusterId, clusterName: c.name })),
    jobs: jobs.map((j) => ({ jobId: j.jobId, name: j.name })),
    ipAccessLists: ipLists.map((l) => ({ listId: l.listId, label: l.label })),
    ips: SEED_IPS,
  };
  const { admin: a, analyst, manager, noRole } = ppl.personas;
  return { estate, credentials, featuredPeople: [a, analyst, manager, noRole].map((p) => p.name) };
}
