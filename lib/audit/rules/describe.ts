// Human-readable "which object" and "what changed" for audit events, read from request_params. Parameter keys
// differ per service and several are only observed, not documented (§12.2 [U]), so every lookup falls back
// gracefully and the raw request_params stay one click away in the event detail.

export type RequestParams = Readonly<Record<string, string | null | undefined>>;

export interface PermissionChangeSummary {
  object: string;
  change: string;
  /** Touches workspace or account admin rights: shown first and highlighted. */
  adminChange: boolean;
}

const GROUP_ACTIONS: Record<string, 'add' | 'remove'> = {
  addPrincipalToGroup: 'add',
  addPrincipalsToGroup: 'add',
  removePrincipalFromGroup: 'remove',
};
const ADMIN_ACTIONS: Record<string, 'add' | 'remove'> = { setAdmin: 'add', setAccountAdmin: 'add', removeAdmin: 'remove' };

// What a generic ACL change's resourceId names, by service (§12.2) or by its own path prefix ('/jobs/123').
const RESOURCE_KINDS: Record<string, string> = {
  jobs: 'job',
  clusters: 'cluster',
  clusterPolicies: 'cluster policy',
  'cluster-policies': 'cluster policy',
  databrickssql: 'SQL object',
  iamRole: 'instance profile',
};
// Legacy (Hive metastore) table ACL changes: securable, securableName, principal, actionTypes.
const LEGACY_VERBS: Record<string, [verb: string, preposition: string]> = {
  grantPermission: ['grant', 'to'],
  revokePermission: ['revoke', 'from'],
  denyPermission: ['deny', 'to'],
};

function resourceObject(service: string, resourceId: string): string {
  const path = /^\/([A-Za-z-]+)\/(.+)$/.exec(resourceId);
  if (path) return `${RESOURCE_KINDS[path[1]!] ?? path[1]} ${path[2]}`;
  return `${RESOURCE_KINDS[service] ?? 'resource'} ${resourceId}`;
}

// Object keys seen across services, most specific first.
const OBJECT_KEYS: ReadonlyArray<[key: string, label: string]> = [
  ['securable_full_name', ''],
  ['aclChangeResourceName', ''],
  ['resourceId', 'resource'],
  ['request_object_id', 'object'],
  ['securable', ''],
  ['objectId', 'object'],
  ['endpointId', 'warehouse'],
  ['warehouseId', 'warehouse'],
  ['targetGroupName', 'group'],
  ['targetUserName', 'user'],
];
const CHANGE_KEYS = ['changes', 'aclPermissionSet', 'access_control_list', 'permission', 'privileges', 'privilege', 'action'];
const TARGET_KEYS = ['targetUserName', 'targetUserId', 'principal', 'targetServicePrincipalId'];

const MAX_TEXT = 300;

function first(params: RequestParams, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = params[key];
    if (v) return v;
  }
  return undefined;
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

interface UcChange {
  principal?: unknown;
  add?: unknown;
  remove?: unknown;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Unity Catalog `changes` (the JSON of PATCH /permissions) → "grant SELECT to analysts; revoke MODIFY from bob". */
export function summarizeUcChanges(json: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const changes = (Array.isArray(parsed) ? parsed : [parsed]).filter((c): c is UcChange => typeof c === 'object' && c !== null);
  const parts = changes.flatMap((c) => {
    const who = typeof c.principal === 'string' ? c.principal : '?';
    const add = asList(c.add);
    const remove = asList(c.remove);
    return [
      ...(add.length ? [`grant ${add.join(', ')} to ${who}`] : []),
      ...(remove.length ? [`revoke ${remove.join(', ')} from ${who}`] : []),
    ];
  });
  return parts.length ? parts.join('; ') : null;
}

function compactParams(params: RequestParams): string {
  const shown = Object.entries(params).filter(([, v]) => v);
  return shown.length ? shown.map(([k, v]) => `${k}=${v}`).join(', ') : '(no parameters recorded)';
}

export function describePermissionChange(service: string, action: string, params: RequestParams): PermissionChangeSummary {
  const group = GROUP_ACTIONS[action];
  const target = first(params, TARGET_KEYS) ?? 'unknown principal';
  if (group) {
    const groupName = params.targetGroupName ?? params.targetGroupId ?? 'unknown group';
    return {
      object: `group ${groupName}`,
      change: clip(`${group === 'add' ? 'added' : 'removed'} ${target}`),
      adminChange: groupName === 'admins',
    };
  }
  const admin = ADMIN_ACTIONS[action];
  if (admin) {
    return {
      object: action === 'setAccountAdmin' ? 'account admins' : 'workspace admins',
      change: clip(`${admin === 'add' ? 'added' : 'removed'} ${target}`),
      adminChange: true,
    };
  }
  const legacy = LEGACY_VERBS[action];
  if (service === 'sqlPermissions' && legacy && params.securableName) {
    const [verb, preposition] = legacy;
    return {
      object: clip(`${(params.securable || 'object').toLowerCase()} ${params.securableName}`),
      change: clip(`${verb} ${params.actionTypes || '?'} ${preposition} ${params.principal || '?'}`),
      adminChange: false,
    };
  }
  const objectKey = OBJECT_KEYS.find(([key]) => params[key]);
  let object = `${service} object`;
  if (params.resourceId === 'tokens') object = 'token permissions';
  else if (params.securable_type && params.securable_full_name)
    object = `${params.securable_type.toLowerCase()} ${params.securable_full_name}`;
  else if (params.resourceId) object = resourceObject(service, params.resourceId);
  else if (objectKey) object = [objectKey[1], params[objectKey[0]]].filter(Boolean).join(' ');

  const rawChange = first(params, CHANGE_KEYS);
  const ucSummary = params.changes ? summarizeUcChanges(params.changes) : null;
  let change = ucSummary ?? rawChange ?? compactParams(params);
  const principal = first(params, TARGET_KEYS);
  if (!ucSummary && rawChange && principal) change = `${rawChange} for ${principal}`;
  return { object: clip(object), change: clip(change), adminChange: false };
}

/**
 * Lifetime in days of a token from generateDbToken's tokenExpirationTime (epoch ms, sent as a string). null means
 * the token never expires: the parameter is absent, empty, zero or negative — all of which Databricks uses for "no expiry".
 */
export function tokenLifetimeDays(createdAt: Date, tokenExpirationTime: string | null | undefined): number | null {
  const expires = Number(tokenExpirationTime);
  if (!tokenExpirationTime || !Number.isFinite(expires) || expires <= 0) return null;
  return Math.max(0, Math.round(((expires - createdAt.getTime()) / 86_400_000) * 10) / 10);
}

export interface EventSummary {
  object: string;
  change: string;
}

const IP_LIST_VERBS: Record<string, string> = {
  createIpAccessList: 'created',
  updateIpAccessList: 'updated',
  deleteIpAccessList: 'deleted',
};

/** Workspace-conf edits, IP access list changes, typed settings and global init scripts. */
export function describeConfigChange(action: string, params: RequestParams): EventSummary {
  if (action === 'workspaceConfEdit') {
    const keys = params.workspaceConfKeys || '?';
    return { object: `workspace-conf ${keys}`, change: clip(`${keys} = ${params.workspaceConfValues ?? '(not recorded)'}`) };
  }
  const ipVerb = IP_LIST_VERBS[action];
  if (ipVerb) {
    // Empty strings are common here (a create has no id yet), so || rather than ??.
    const list = params.label || params.ipAccessListId || params.list_id || '(new)';
    const detail = [
      params.list_type,
      params.enabled !== undefined && params.enabled !== null ? `enabled=${params.enabled}` : null,
      params.ip_addresses,
    ]
      .filter(Boolean)
      .join(', ');
    return { object: `IP access list ${list}`, change: clip(detail ? `${ipVerb}: ${detail}` : ipVerb) };
  }
  if (action === 'setSetting' || action === 'deleteSetting') {
    const setting = params.settingTypeName ?? 'setting';
    return {
      object: `setting ${setting}`,
      change: clip(action === 'deleteSetting' ? 'reset to default' : (params.settingValueForAudit ?? compactParams(params))),
    };
  }
  return { object: params.name ?? params.script_id ?? action, change: clip(compactParams(params)) };
}

/** Secret writes and ACL changes: which scope/key and what happened to it. Never includes a value (none is logged). */
export function describeSecretChange(action: string, params: RequestParams): EventSummary {
  const scope = params.scope ?? '?';
  if (action === 'putAcl' || action === 'deleteAcl') {
    const principal = params.principal ?? '?';
    return {
      object: `scope ${scope}`,
      change: action === 'putAcl' ? `${principal} given ${params.permission ?? 'a permission'}` : `${principal} removed`,
    };
  }
  if (action === 'createScope' || action === 'deleteScope')
    return { object: `scope ${scope}`, change: action === 'createScope' ? 'created' : 'deleted' };
  return { object: `secret ${scope}/${params.key ?? '?'}`, change: action === 'deleteSecret' ? 'deleted' : 'written' };
}

const TOKEN_VERBS: Record<string, string> = {
  generateDbToken: 'created',
  revokeDbToken: 'revoked',
  reachMaxQuotaDbToken: 'creation refused: token quota reached',
  garbageCollectDbToken: 'removed after expiry',
};

const TOKEN_ATTEMPTS: Record<string, string> = { generateDbToken: 'token creation', revokeDbToken: 'token revocation' };

/** Token lifecycle: which token (by its hash, never a value) and what happened, with the lifetime at creation. */
export function describeTokenEvent(
  action: string,
  eventTime: Date,
  params: RequestParams,
  status: number | null = null,
): EventSummary & { lifetimeDays: number | null } {
  const hash = params.tokenHash;
  const object = hash ? `token ${hash.slice(0, 12)}${hash.length > 12 ? '…' : ''}` : 'token';
  // A refused call changed nothing: name what was attempted, not the change it asked for (the feed shows the refusal).
  if (status !== null && status >= 400) return { object, change: TOKEN_ATTEMPTS[action] ?? action, lifetimeDays: null };
  const verb = TOKEN_VERBS[action] ?? action;
  if (action !== 'generateDbToken') return { object, change: verb, lifetimeDays: null };
  const lifetimeDays = tokenLifetimeDays(eventTime, params.tokenExpirationTime);
  return { object, change: lifetimeDays === null ? `${verb}, never expires` : `${verb}, ${lifetimeDays}-day lifetime`, lifetimeDays };
}
