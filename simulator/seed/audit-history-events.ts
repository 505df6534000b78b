// The discrete events of the seeded history (a few hundred): permission changes across Unity Catalog, jobs,
// clusters, policies and legacy table ACLs; people joining and leaving, admin group changes; secret and ACL
// administration; workspace configuration and IP access list edits. Each situation occurs more than once, some of
// them recently. Every event falls inside the life of what it names: its actor and target had joined and not left,
// its object existed; and it agrees with the state it left behind (the last putSecret of a key is its
// last_updated_timestamp, a list's last edit its updated_at, whoever was added to admins is an admin).
import type { Estate, SeedOptions } from '../core/contract';
import type { AuditJsonRow } from '../audit/json-rows';
import { DAY_MS, Rng } from './random';

export interface EventContext {
  estate: Estate;
  opts: SeedOptions;
  /** [securable_type, full_name, principal, privilege] from uc_meta.grants. */
  grants: Array<[string, string, string, string]>;
  /** created_at of each catalog, schema and table by full name. */
  securables: ReadonlyMap<string, number>;
}

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const HOUR = 3_600_000;
/** Privileges a removal may name: one the principal does not hold now (it was taken away and not given back). */
const REMOVABLE: Record<string, string[]> = {
  catalog: ['CREATE_SCHEMA', 'USE_CATALOG', 'ALL_PRIVILEGES', 'BROWSE'],
  schema: ['CREATE_TABLE', 'MODIFY', 'SELECT', 'USE_SCHEMA'],
  table: ['MODIFY', 'SELECT', 'ALL_PRIVILEGES'],
};

type Person = Estate['people'][number];

export function discreteEvents(ctx: EventContext): AuditJsonRow[] {
  const { estate, opts } = ctx;
  const rng = new Rng(opts.seed ^ 0x5a0d17);
  const now = opts.now.getTime();
  const first = now - 89 * DAY_MS;
  const last = now - 60_000;
  const scale = opts.scale === 'large' ? 10 : 1;
  const out: AuditJsonRow[] = [];
  const ev = (
    t: number,
    service: string,
    action: string,
    email: string,
    params: Record<string, string>,
    extra: Partial<AuditJsonRow> = {},
  ) => {
    out.push({
      eventTime: new Date(Math.round(t)).toISOString(),
      requestId: `ServiceMain-${rng.hex(16)}`,
      eventId: rng.uuid(),
      sessionId: null,
      email,
      serviceName: service,
      actionName: action,
      params,
      statusCode: 200,
      errorMessage: null,
      result: null,
      sourceIp: rng.pick(estate.ips.office),
      userAgent: BROWSER,
      auditLevel: 'WORKSPACE_LEVEL',
      ...extra,
    });
  };
  /** A time in the window, `daysAgo` before now give or take a few hours, and not before `after`; null if none is left. */
  const at = (daysAgo: number, after = 0): number | null => {
    const t = Math.max(first, after + HOUR, Math.min(last, now - daysAgo * DAY_MS + rng.int(-4, 4) * HOUR));
    return t <= last ? t : null;
  };
  const when = () => rng.int(1, 89) + rng.next();

  const alive = (p: Person, t: number) => p.createdAt < t && (p.deactivatedAt ?? Infinity) > t;
  const joinedAt = new Map<string, number>([
    ...estate.people.map((p) => [p.userName, p.createdAt] as const),
    ...estate.servicePrincipals.map((s) => [s.applicationId, s.createdAt] as const),
  ]);
  const idOf = (name: string) =>
    estate.people.find((p) => p.userName === name)?.id ?? estate.servicePrincipals.find((s) => s.applicationId === name)?.id ?? '0';

  // Who is an admin when. One of today's admins was made one this week (below); before that they were not.
  const admins = estate.people.filter((p) => p.active && p.groups.includes('admins'));
  const personas = admins.slice(0, 2);
  const promoted = admins.find((p) => !personas.includes(p));
  const promotedAt = promoted ? (at(rng.int(2, 6), promoted.createdAt + DAY_MS) ?? last) : Infinity;
  const admin = (t: number) => {
    const pool = admins.filter((p) => alive(p, t) && (p !== promoted || t > promotedAt));
    return (pool.length ? rng.pick(pool) : (personas[0] ?? (admins[0] as Person))).userName;
  };
  const nonAdmins = estate.people.filter((p) => !p.groups.includes('admins'));
  const anyone = (t: number) => {
    const pool = nonAdmins.filter((p) => alive(p, t));
    return pool.length ? rng.pick(pool).userName : admin(t);
  };
  const shard = 'harborpine-prod';

  // Unity Catalog: grants as they stand today, made after the object and the grantee existed; removals of what is no
  // longer held; refused attempts by people without MANAGE; and a broad grant this week.
  const madeAt = (full: string) => ctx.securables.get(full) ?? 0;
  for (const [type, full, principal, privilege] of rng.sample(ctx.grants, 40 * scale)) {
    const t = at(when(), Math.max(madeAt(full), joinedAt.get(principal) ?? 0));
    if (t === null) continue;
    ev(t, 'unityCatalog', 'updatePermissions', admin(t), {
      securable_type: type,
      securable_full_name: full,
      changes: JSON.stringify([{ principal, add: [privilege] }]),
    });
  }
  const held = new Set(ctx.grants.map(([type, full, principal, privilege]) => `${type}|${full}|${principal}|${privilege}`));
  for (const [type, full, principal] of rng.sample(ctx.grants, 6 * scale)) {
    const gone = (REMOVABLE[type] ?? []).filter((p) => !held.has(`${type}|${full}|${principal}|${p}`));
    const t = at(when(), Math.max(madeAt(full), joinedAt.get(principal) ?? 0));
    if (!gone.length || t === null) continue;
    ev(t, 'unityCatalog', 'updatePermissions', admin(t), {
      securable_type: type,
      securable_full_name: full,
      changes: JSON.stringify([{ principal, remove: [rng.pick(gone)] }]),
    });
  }
  for (let i = 0; i < 5 * scale; i++) {
    const catalog = rng.pick(['finance', 'hr', 'analytics']);
    const t = at(i < 2 ? rng.int(0, 6) + rng.next() : when(), madeAt(catalog));
    if (t === null) continue;
    const who = anyone(t);
    ev(
      t,
      'unityCatalog',
      'updatePermissions',
      who,
      {
        securable_type: 'catalog',
        securable_full_name: catalog,
        changes: JSON.stringify([{ principal: who, add: ['ALL_PRIVILEGES'] }]),
      },
      { statusCode: 403, errorMessage: 'PERMISSION_DENIED: User does not have MANAGE on Catalog.' },
    );
  }
  const broad = ctx.grants.find(
    ([type, , principal, privilege]) => type === 'catalog' && principal === 'account users' && privilege === 'ALL_PRIVILEGES',
  );
  const broadAt = broad ? at(rng.int(1, 5), madeAt(broad[1])) : null;
  if (broad && broadAt !== null)
    ev(broadAt, 'unityCatalog', 'updatePermissions', admin(broadAt), {
      securable_type: broad[0],
      securable_full_name: broad[1],
      changes: JSON.stringify([{ principal: broad[2], add: [broad[3]] }]),
    });

  // Object ACLs on jobs, clusters and cluster policies (after the object was made); legacy Hive metastore table ACLs.
  for (let i = 0; i < 12 * scale && estate.jobs.length; i++) {
    const job = rng.pick(estate.jobs);
    const t = at(when(), job.createdTime);
    if (t === null) continue;
    ev(t, 'jobs', rng.chance(0.7) ? 'changeJobAcl' : 'resetJobAcl', admin(t), {
      shardName: shard,
      targetUserId: idOf(anyone(t)),
      resourceId: `/jobs/${job.jobId}`,
      aclPermissionSet: rng.pick(['CAN_MANAGE', 'CAN_MANAGE_RUN', 'CAN_VIEW', 'IS_OWNER']),
    });
  }
  for (let i = 0; i < 8 * scale && estate.clusters.length; i++) {
    const t = at(when()) as number;
    ev(t, 'clusters', 'changeClusterAcl', admin(t), {
      shardName: shard,
      targetUserId: idOf(anyone(t)),
      resourceId: `/clusters/${rng.pick(estate.clusters).clusterId}`,
      aclPermissionSet: rng.pick(['CAN_ATTACH_TO', 'CAN_RESTART', 'CAN_MANAGE']),
    });
  }
  for (let i = 0; i < 4 * scale && estate.policies.length; i++) {
    const policy = rng.pick(estate.policies);
    const t = at(when(), policy.createdAt);
    if (t === null) continue;
    ev(t, 'clusterPolicies', 'changeClusterPolicyAcl', admin(t), {
      shardName: shard,
      targetUserId: idOf(anyone(t)),
      resourceId: `/cluster-policies/${policy.policyId}`,
      aclPermissionSet: 'CAN_USE',
    });
  }
  for (let i = 0; i < 6 * scale; i++) {
    const t = at(when()) as number;
    ev(t, 'sqlPermissions', rng.chance(0.7) ? 'grantPermission' : 'revokePermission', admin(t), {
      securable: 'TABLE',
      securableName: rng.pick([
        'hive_metastore.default.claims_legacy',
        'hive_metastore.finance.gl_2019',
        'hive_metastore.default.web_sessions',
      ]),
      principal: rng.pick(['users', 'analytics', anyone(t)]),
      actionTypes: rng.pick(['SELECT', 'MODIFY', 'ALL PRIVILEGES']),
    });
  }

  // People joining and leaving (SCIM), and the admins group: this week's new admin, the dashboard's service principal
  // made an admin when it was set up, and someone who is no longer one.
  for (const p of estate.people) {
    if (p.createdAt > first && p.createdAt <= last)
      ev(p.createdAt, 'accounts', 'add', admin(p.createdAt), { targetUserName: p.userName, endpoint: 'scim', targetUserId: p.id });
    const left = p.deactivatedAt;
    if (left !== null && left > first && left <= last)
      ev(left, 'accounts', 'deactivateUser', admin(left), { targetUserName: p.userName, targetUserId: p.id });
  }
  const adminsId = estate.groupIds.admins ?? '0';
  const groupChange = (t: number, action: 'addPrincipalToGroup' | 'removePrincipalFromGroup', target: string, targetId: string) => {
    const params = { targetGroupName: 'admins', targetGroupId: adminsId, targetUserName: target, targetUserId: targetId, endpoint: 'scim' };
    const by = admin(t);
    ev(t, 'accounts', action, by, params);
    ev(t, 'accounts', action === 'addPrincipalToGroup' ? 'setAdmin' : 'removeAdmin', by, params);
  };
  if (promoted && promotedAt <= last) groupChange(promotedAt, 'addPrincipalToGroup', promoted.userName, promoted.id);
  const service = estate.servicePrincipals.find((s) => s.active && s.groups.includes('admins'));
  const serviceAt = service ? at(rng.int(40, 80), service.createdAt) : null;
  if (service && serviceAt !== null) groupChange(serviceAt, 'addPrincipalToGroup', service.applicationId, service.id);
  const demotedAt = at(rng.int(10, 30)) as number;
  const demoted = anyone(demotedAt);
  groupChange(demotedAt, 'removePrincipalFromGroup', demoted, idOf(demoted));

  // Secrets: scopes made in the window, every write that set a key's last_updated_timestamp (and earlier ones), keys
  // deleted for good, reads of ACLs and lists, and ACL entries as they stand today.
  for (const s of estate.scopes) {
    if (s.createdAt > first && s.createdAt <= last) ev(s.createdAt, 'secrets', 'createScope', s.createdBy, { scope: s.name });
    if (s.backend !== 'DATABRICKS') continue;
    for (const key of s.keys) {
      const updated = s.updatedAt[key] as number;
      if (updated <= first || updated > last) continue;
      const writer = (t: number) =>
        estate.people.some((p) => p.userName === s.createdBy && alive(p, t)) && rng.chance(0.5) ? s.createdBy : admin(t);
      ev(updated, 'secrets', 'putSecret', writer(updated), { scope: s.name, key });
      const earlier = Math.max(first, s.createdAt + HOUR);
      if (rng.chance(0.3) && updated - earlier > DAY_MS) {
        const t = earlier + rng.next() * (updated - earlier - HOUR);
        ev(t, 'secrets', 'putSecret', writer(t), { scope: s.name, key });
      }
    }
  }
  const scopes = estate.scopes.filter((s) => s.backend === 'DATABRICKS' && s.keys.length);
  for (let i = 0; i < 20 * scale && scopes.length; i++) {
    const s = rng.pick(scopes);
    const t = at(when(), s.createdAt);
    if (t === null) continue;
    const action = rng.pick(['deleteSecret', 'listSecrets', 'listScopes', 'getAcl', 'listAcls', 'listSecrets']);
    const params: Record<string, string> =
      action === 'listScopes'
        ? {}
        : action === 'deleteSecret'
          ? { scope: s.name, key: `${rng.pick(s.keys)}-${rng.pick(['old', 'v1', 'backup'])}` }
          : { scope: s.name };
    ev(t, 'secrets', action, admin(t), params);
  }
  // A leaver's entry was granted before the history began: it is never re-granted after they left.
  const entries = scopes.flatMap((s) => s.acls.filter((a) => !a.stale).map((a) => ({ s, ...a })));
  for (let i = 0; i < 8 * scale && entries.length; i++) {
    const e =
      i === 0 ? (entries.find((x) => x.principal === 'users' && x.permission === 'MANAGE') ?? rng.pick(entries)) : rng.pick(entries);
    const t = at(i === 0 ? rng.next() * 3 : when(), Math.max(e.s.createdAt, joinedAt.get(e.principal) ?? 0));
    if (t === null) continue;
    if (rng.chance(0.7) || i === 0)
      ev(t, 'secrets', 'putAcl', admin(t), { scope: e.s.name, principal: e.principal, permission: e.permission });
    else {
      const holders = new Set(e.s.acls.map((a) => a.principal));
      const gone = anyone(t);
      if (!holders.has(gone)) ev(t, 'secrets', 'deleteAcl', admin(t), { scope: e.s.name, principal: gone });
    }
  }

  // Workspace configuration (the values it holds today) and IP access lists (made and last edited when they say).
  const conf: Array<[string, string]> = [
    ['maxTokenLifetimeDays', '90'],
    ['enableIpAccessLists', 'true'],
    ['enableResultsDownloading', 'true'],
    ['enableExportNotebook', 'true'],
    ['enableTokensConfig', 'true'],
    ['enableWebTerminal', 'true'],
    ['enableVerboseAuditLogs', 'false'],
  ];
  for (const [i, [key, value]] of conf.entries()) {
    const t = at(i === conf.length - 1 ? rng.int(1, 6) : when()) as number;
    ev(t, 'workspace', 'workspaceConfEdit', admin(t), { workspaceConfKeys: key, workspaceConfValues: value });
  }
  for (const list of estate.ipAccessLists) {
    if (list.createdAt > first && list.createdAt <= last)
      ev(list.createdAt, 'accounts', 'createIpAccessList', list.createdBy, { ipAccessListId: list.listId });
    if (list.updatedAt > list.createdAt && list.updatedAt > first && list.updatedAt <= last)
      ev(list.updatedAt, 'accounts', 'updateIpAccessList', list.createdBy, { ipAccessListId: list.listId });
  }
  const owner = estate.ipAccessLists[0]?.createdBy;
  const deletedAt = at(rng.int(3, 20)) as number;
  ev(deletedAt, 'accounts', 'deleteIpAccessList', owner ?? admin(deletedAt), { ipAccessListId: rng.uuid() });
  const settingAt = at(when()) as number;
  ev(settingAt, 'workspace', 'setSetting', admin(settingAt), {
    settingTypeName: 'default_namespace_ws',
    settingValueForAudit: '{"namespace":{"value":"main"}}',
  });
  return out;
}
