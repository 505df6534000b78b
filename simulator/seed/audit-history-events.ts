// The discrete events of the seeded history (a few hundred): permission changes across Unity Catalog, jobs,
// clusters, policies and legacy table ACLs; admin group changes; token quota; secret and ACL administration;
// workspace configuration and IP access list edits. Each situation occurs more than once, some of them recently.
import type { Estate, SeedOptions } from '../core/contract';
import type { AuditJsonRow } from '../audit/json-rows';
import { DAY_MS, Rng } from './random';

export interface EventContext {
  estate: Estate;
  opts: SeedOptions;
  /** [securable_type, full_name, principal, privilege] from uc_meta.grants. */
  grants: Array<[string, string, string, string]>;
  policyIds: string[];
}

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

export function discreteEvents(ctx: EventContext): AuditJsonRow[] {
  const { estate, opts } = ctx;
  const rng = new Rng(opts.seed ^ 0x5a0d17);
  const now = opts.now.getTime();
  const people = estate.people.filter((p) => p.active);
  const admins = people.filter((p) => p.groups.includes('admins'));
  const nonAdmins = people.filter((p) => !p.groups.includes('admins'));
  const scale = opts.scale === 'large' ? 10 : 1;
  const out: AuditJsonRow[] = [];
  const ev = (
    daysAgo: number,
    service: string,
    action: string,
    email: string,
    params: Record<string, string>,
    extra: Partial<AuditJsonRow> = {},
  ) => {
    // Kept inside the seeded window (the last 89 whole days and today) and in the past.
    const t = Math.max(now - 89 * DAY_MS, Math.min(now - 60_000, now - daysAgo * DAY_MS + rng.int(-4, 4) * 3_600_000));
    out.push({
      eventTime: new Date(t).toISOString(),
      requestId: rng.uuid(),
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
  const when = () => rng.int(1, 89) + rng.next();
  const admin = () => rng.pick(admins).userName;
  const anyone = () => rng.pick(nonAdmins).userName;
  const idOf = (name: string) =>
    estate.people.find((p) => p.userName === name)?.id ?? estate.servicePrincipals.find((s) => s.applicationId === name)?.id ?? '0';
  const shard = 'harborpine-prod';

  // Unity Catalog grants as they were made, failures by people without MANAGE, and a broad grant this week.
  for (const [type, full, principal, privilege] of rng.sample(ctx.grants, 40 * scale)) {
    ev(when(), 'unityCatalog', 'updatePermissions', admin(), {
      securable_type: type,
      securable_full_name: full,
      changes: JSON.stringify([{ principal, add: [privilege] }]),
    });
  }
  for (const [type, full, principal, privilege] of rng.sample(ctx.grants, 6 * scale)) {
    ev(when(), 'unityCatalog', 'updatePermissions', admin(), {
      securable_type: type,
      securable_full_name: full,
      changes: JSON.stringify([{ principal, remove: [privilege] }]),
    });
  }
  for (let i = 0; i < 5 * scale; i++) {
    const who = anyone();
    ev(
      i < 2 ? rng.int(0, 6) + rng.next() : when(),
      'unityCatalog',
      'updatePermissions',
      who,
      {
        securable_type: 'catalog',
        securable_full_name: rng.pick(['finance', 'hr', 'analytics']),
        changes: JSON.stringify([{ principal: who, add: ['ALL_PRIVILEGES'] }]),
      },
      { statusCode: 403, errorMessage: 'PERMISSION_DENIED: User does not have MANAGE on Catalog.' },
    );
  }
  ev(rng.int(1, 5), 'unityCatalog', 'updatePermissions', admin(), {
    securable_type: 'catalog',
    securable_full_name: 'sandbox',
    changes: JSON.stringify([{ principal: 'account users', add: ['ALL_PRIVILEGES'] }]),
  });

  // Object ACLs on jobs, clusters and cluster policies; legacy Hive metastore table ACLs.
  for (let i = 0; i < 12 * scale && estate.jobs.length; i++) {
    const job = rng.pick(estate.jobs);
    ev(when(), 'jobs', rng.chance(0.7) ? 'changeJobAcl' : 'resetJobAcl', admin(), {
      shardName: shard,
      targetUserId: idOf(anyone()),
      resourceId: `/jobs/${job.jobId}`,
      aclPermissionSet: rng.pick(['CAN_MANAGE', 'CAN_MANAGE_RUN', 'CAN_VIEW', 'IS_OWNER']),
    });
  }
  for (let i = 0; i < 8 * scale && estate.clusters.length; i++) {
    ev(when(), 'clusters', 'changeClusterAcl', admin(), {
      shardName: shard,
      targetUserId: idOf(anyone()),
      resourceId: `/clusters/${rng.pick(estate.clusters).clusterId}`,
      aclPermissionSet: rng.pick(['CAN_ATTACH_TO', 'CAN_RESTART', 'CAN_MANAGE']),
    });
  }
  for (let i = 0; i < 4 * scale && ctx.policyIds.length; i++) {
    ev(when(), 'clusterPolicies', 'changeClusterPolicyAcl', admin(), {
      shardName: shard,
      targetUserId: idOf(anyone()),
      resourceId: `/cluster-policies/${rng.pick(ctx.policyIds)}`,
      aclPermissionSet: 'CAN_USE',
    });
  }
  for (let i = 0; i < 6 * scale; i++) {
    ev(when(), 'sqlPermissions', rng.chance(0.7) ? 'grantPermission' : 'revokePermission', admin(), {
      securable: 'TABLE',
      securableName: rng.pick([
        'hive_metastore.default.claims_legacy',
        'hive_metastore.finance.gl_2019',
        'hive_metastore.default.web_sessions',
      ]),
      principal: rng.pick(['users', 'analytics', anyone()]),
      actionTypes: rng.pick(['SELECT', 'MODIFY', 'ALL PRIVILEGES']),
    });
  }

  // Admin group membership: a couple of additions over the quarter, one of them this week, and a removal.
  const groupChange = (daysAgo: number, action: string, target: string) =>
    ev(daysAgo, 'accounts', action, admin(), {
      targetUserName: target,
      targetUserId: idOf(target),
      targetGroupName: 'admins',
      targetGroupId: '1001',
      endpoint: 'scim',
    });
  groupChange(rng.int(40, 80), 'addPrincipalToGroup', anyone());
  groupChange(rng.int(2, 6), 'addPrincipalToGroup', anyone());
  groupChange(rng.int(10, 30), 'removePrincipalFromGroup', anyone());

  // Tokens: quota hits; secrets and their ACLs being administered.
  for (let i = 0; i < 3 * scale; i++) ev(when(), 'accounts', 'reachMaxQuotaDbToken', anyone(), { userId: idOf(anyone()) });
  const scopes = estate.scopes.filter((s) => s.backend === 'DATABRICKS' && s.keys.length);
  for (let i = 0; i < 20 * scale && scopes.length; i++) {
    const s = rng.pick(scopes);
    const action = rng.pick(['putSecret', 'putSecret', 'deleteSecret', 'listSecrets', 'listScopes', 'getAcl', 'listAcls']);
    ev(
      when(),
      'secrets',
      action,
      admin(),
      action === 'listScopes' ? {} : action.endsWith('Secret') ? { scope: s.name, key: rng.pick(s.keys) } : { scope: s.name },
    );
  }
  for (let i = 0; i < 8 * scale && scopes.length; i++) {
    const s = rng.pick(scopes);
    if (rng.chance(0.7))
      ev(i === 0 ? rng.next() * 3 : when(), 'secrets', 'putAcl', admin(), {
        scope: s.name,
        principal: rng.pick(['users', 'data-engineering', anyone()]),
        permission: rng.pick(['READ', 'WRITE', 'MANAGE']),
      });
    else ev(when(), 'secrets', 'deleteAcl', admin(), { scope: s.name, principal: anyone() });
  }
  for (let i = 0; i < 3 && scopes.length; i++)
    ev(when(), 'secrets', 'createScope', anyone(), { scope: `${rng.pick(scopes).name}-v${i + 2}` });

  // Workspace configuration and IP access lists.
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
    ev(i === conf.length - 1 ? rng.int(1, 6) : when(), 'workspace', 'workspaceConfEdit', admin(), {
      workspaceConfKeys: key,
      workspaceConfValues: value,
    });
  }
  for (const list of estate.ipAccessLists) {
    ev(rng.int(60, 89), 'accounts', 'createIpAccessList', admin(), { ipAccessListId: list.listId });
    if (rng.chance(0.6)) ev(when(), 'accounts', 'updateIpAccessList', admin(), { ipAccessListId: list.listId });
  }
  ev(rng.int(3, 20), 'accounts', 'deleteIpAccessList', admin(), { ipAccessListId: rng.uuid() });
  ev(when(), 'workspace', 'setSetting', admin(), {
    settingTypeName: 'default_namespace_ws',
    settingValueForAudit: '{"namespace":{"value":"main"}}',
  });
  return out;
}
