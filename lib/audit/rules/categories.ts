// Audit event categories from (service_name, action_name), using only names from the API reference §12.2.
// This ordered rule list is the single source of truth: `categorizeEvent` applies it in TypeScript and
// lib/databricks/audit-sql.ts generates the warehouse's CASE expression from it, so a chart bucket and the
// explorer rows behind it can never disagree. First matching rule wins, so specific actions come before the
// catch-all rule for their service.

export const AUDIT_CATEGORY_IDS = ['signin', 'tokens', 'secrets', 'permissions', 'unityCatalog', 'config', 'other'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORY_IDS)[number];

export const AUDIT_CATEGORY_LABELS: Record<AuditCategory, string> = {
  signin: 'Sign-in',
  tokens: 'Tokens',
  secrets: 'Secrets',
  permissions: 'Permissions',
  unityCatalog: 'Unity Catalog',
  config: 'Workspace configuration',
  other: 'Other',
};

export interface CategoryRule {
  category: Exclude<AuditCategory, 'other'>;
  /** null: the action name alone is distinctive enough (sources disagree on the service it is filed under). */
  service: string | null;
  /** null: every action of the service. */
  actions: readonly string[] | null;
}

// Names are inlined into generated SQL, so they must stay plain identifiers (checked by the unit test and by
// the SQL generator itself).
export const CATEGORY_RULES: readonly CategoryRule[] = [
  // UC grant changes are permission changes; the rest of unityCatalog is data access and metadata.
  { category: 'permissions', service: 'unityCatalog', actions: ['updatePermissions', 'updateSharePermissions'] },
  { category: 'unityCatalog', service: 'unityCatalog', actions: null },
  {
    category: 'signin',
    service: 'accounts',
    actions: [
      'login',
      'samlLogin',
      'oidcBrowserLogin',
      'aadBrowserLogin',
      'aadTokenLogin',
      'certLogin',
      'jwtLogin',
      'tokenLogin',
      'mintOAuthToken',
      'mintOAuthAuthorizationCode',
      'workspaceInHouseOAuthClientAuthentication',
      'accountInHouseOAuthClientAuthentication',
      'oidcTokenAuthorization',
      'accountIpAclsValidationFailed',
      'logout',
      'accountLoginCodeAuthentication',
    ],
  },
  // Filed as a workspace event; the reference does not pin its service name.
  { category: 'signin', service: null, actions: ['IpAccessDenied'] },
  {
    category: 'tokens',
    service: 'accounts',
    actions: ['generateDbToken', 'revokeDbToken', 'reachMaxQuotaDbToken', 'garbageCollectDbToken'],
  },
  {
    category: 'permissions',
    service: 'accounts',
    actions: [
      'changeDbTokenAcl',
      'changeDatabricksWorkspaceAcl',
      'changeDatabricksSqlAcl',
      'changeServicePrincipalAcls',
      'changePasswordAcl',
      'setAdmin',
      'removeAdmin',
      'setAccountAdmin',
      'changeAccountOwner',
      'updateRoleAssignment',
      // Group membership is how most access is granted, so it counts as a permission change.
      'addPrincipalToGroup',
      'addPrincipalsToGroup',
      'removePrincipalFromGroup',
    ],
  },
  {
    category: 'config',
    service: 'accounts',
    actions: ['createIpAccessList', 'updateIpAccessList', 'deleteIpAccessList', 'setSetting', 'deleteSetting'],
  },
  { category: 'config', service: 'workspace', actions: ['workspaceConfEdit', 'setSetting', 'deleteSetting'] },
  { category: 'config', service: 'globalInitScripts', actions: null },
  { category: 'permissions', service: 'jobs', actions: ['changeJobAcl', 'resetJobAcl'] },
  // One source files the policy ACL change under `clusters`, others under `clusterPolicies`.
  { category: 'permissions', service: 'clusters', actions: ['changeClusterAcl', 'changeClusterPolicyAcl'] },
  { category: 'permissions', service: 'clusterPolicies', actions: ['changeClusterPolicyAcl'] },
  {
    category: 'permissions',
    service: 'databrickssql',
    actions: ['changeWarehouseAcls', 'changeEndpointAcls', 'changePermissions', 'transferObjectOwnership'],
  },
  { category: 'permissions', service: 'workspace', actions: ['changeWorkspaceAcl', 'updatePermissionAssignment'] },
  { category: 'permissions', service: 'iamRole', actions: ['changeIamRoleAcl', 'changeIamRoleAssumeAcl'] },
  // Legacy Hive-metastore table ACLs; show/request are reads, not changes.
  {
    category: 'permissions',
    service: 'sqlPermissions',
    actions: ['grantPermission', 'revokePermission', 'denyPermission', 'changeSecurableOwner', 'removeAllPermissions'],
  },
  {
    category: 'permissions',
    service: null,
    actions: [
      'changeInstancePoolAcl',
      'changePipelineAcls',
      'changeRegisteredModelAcl',
      'changeInferenceEndpointAcl',
      'changeFeatureTableAcl',
      'changeAppsAcl',
    ],
  },
  { category: 'secrets', service: 'secrets', actions: null },
];

function matches(rule: CategoryRule, service: string, action: string): boolean {
  return (rule.service === null || rule.service === service) && (rule.actions === null || rule.actions.includes(action));
}

export function categorizeEvent(service: string, action: string): AuditCategory {
  return CATEGORY_RULES.find((rule) => matches(rule, service, action))?.category ?? 'other';
}

export function isAuditCategory(value: string): value is AuditCategory {
  return (AUDIT_CATEGORY_IDS as readonly string[]).includes(value);
}

function overlaps(a: CategoryRule, b: CategoryRule): boolean {
  const services = a.service === null || b.service === null || a.service === b.service;
  const actions = a.actions === null || b.actions === null || a.actions.some((x) => b.actions!.includes(x));
  return services && actions;
}

/** One way to land in a category: this rule matches and none of the earlier rules that would have won first. */
export interface CategoryClause {
  rule: CategoryRule;
  unless: CategoryRule[];
}

/**
 * The category as a plain condition on (service, action) instead of "the CASE expression equals c": a filter the
 * warehouse evaluates with cheap equality tests (and can skip data with), derived from the same first-match
 * rules. 'other' is "no rule matches" (empty clause list; see matchesCategory).
 */
export function categoryClauses(category: AuditCategory): CategoryClause[] {
  return CATEGORY_RULES.flatMap((rule, i) =>
    rule.category === category
      ? [{ rule, unless: CATEGORY_RULES.slice(0, i).filter((r) => r.category !== category && overlaps(r, rule)) }]
      : [],
  );
}

/** categoryClauses evaluated in TypeScript: must agree with categorizeEvent everywhere (unit-tested). */
export function matchesCategory(category: AuditCategory, service: string, action: string): boolean {
  if (category === 'other') return !CATEGORY_RULES.some((r) => matches(r, service, action));
  return categoryClauses(category).some((c) => matches(c.rule, service, action) && !c.unless.some((r) => matches(r, service, action)));
}
