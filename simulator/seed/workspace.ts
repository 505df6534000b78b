// Seeds the workspace side (identity, tokens, secrets, compute, settings, OAuth clients) into schema `ws` from the
// plan (workspace-plan.ts), adds the random credentials of workspace.json, and returns the Estate that the catalog
// and audit-history seeds build on.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import { IdentityStore } from '../identity/store';
import { hashSecret } from '../oidc/clients';
import { bulkInsert } from '../store/bulk';
import { setMeta } from '../store/schema';
import { newTokenValue, TokenStore } from '../store/token-store';
import { DAY_MS } from './random';
import { SEED_CONF } from './settings';
import { planWorkspace } from './workspace-plan';

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
  const now = opts.now.getTime();
  const plan = planWorkspace(opts);
  const { ppl, secrets, policies, clusters, jobs } = plan;
  await IdentityStore.seed(db, ppl.records, ppl.memberships);

  // The admin's own PAT (workspace.json), made yesterday and not used yet.
  const admin = ppl.personas.admin;
  const adminToken = newTokenValue();
  const adminTokenTimes = { creationTime: now - DAY_MS, expiryTime: now + 364 * DAY_MS };
  const comment = 'Brickwatch simulator admin (workspace.json)';
  await TokenStore.seed(db, [
    ...plan.tokens.rows,
    {
      tokenId: adminToken.tokenId,
      ownerId: admin.id,
      createdById: admin.id,
      createdByUsername: admin.name,
      comment,
      ...adminTokenTimes,
      lastUsedDay: null,
      scopes: null,
    },
  ]);

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
  await bulkInsert(
    db,
    'clusters',
    ['varchar', 'varchar', 'varchar'],
    clusters.map((c) => [c.clusterId, c.name, JSON.stringify(c.doc)]),
  );
  await bulkInsert(
    db,
    'jobs',
    ['bigint', 'varchar', 'bigint', 'varchar'],
    jobs.map((j) => [j.jobId, j.name, j.createdTime, JSON.stringify(j.doc)]),
  );
  await bulkInsert(
    db,
    'acls',
    ['varchar', 'varchar', 'varchar', 'varchar', 'varchar'],
    plan.acls.map((a) => [a.objectType, a.objectId, a.principalKind, a.principalName, a.permissionLevel]),
  );
  await bulkInsert(db, 'workspace_conf', ['varchar', 'varchar'], Object.entries(SEED_CONF));
  await bulkInsert(
    db,
    'ip_access_lists',
    ['varchar', 'varchar', 'varchar', 'varchar', 'bool', 'bigint', 'bigint', 'bigint', 'bigint'],
    plan.ipLists.map((l) => [
      l.listId,
      l.label,
      l.listType,
      JSON.stringify(l.addresses),
      l.enabled,
      l.createdAt,
      Number(admin.id),
      l.updatedAt,
      Number(admin.id),
    ]),
  );

  const spByName = new Map(ppl.servicePrincipals.map((s) => [s.displayName, s]));
  const sp = spByName.get('brickwatch-service') ?? (ppl.servicePrincipals[0] as (typeof ppl.servicePrincipals)[0]);
  const credentials: SeedCredentials = {
    adminToken: adminToken.value,
    oauthClientId: randomUUID(),
    oauthClientSecret: oauthSecret(),
    spApplicationId: sp.name,
    spClientSecret: oauthSecret(),
    ...plan.ids,
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

  const estate: Estate = {
    ...plan.estate,
    tokens: [
      ...plan.estate.tokens,
      {
        tokenId: adminToken.tokenId,
        ownerName: admin.name,
        createdByName: admin.name,
        ...adminTokenTimes,
        comment,
        usage: 'normal',
        lastUsedTime: null,
        revokedTime: null,
        revokedBy: null,
      },
    ],
  };
  const { admin: a, analyst, manager, noRole } = ppl.personas;
  return { estate, credentials, featuredPeople: [a, analyst, manager, noRole].map((p) => p.name) };
}
