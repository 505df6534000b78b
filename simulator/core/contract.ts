// The seams between the simulator's parts. The REST/OIDC/identity side (server.ts, rest/, oidc/, identity/,
// faults/) and the SQL/Unity Catalog/audit side (sql/, uc/, audit/) are built separately and meet only here.
// Change a shape here only together with every user of it.

/** Who is calling, resolved from a bearer token (PAT or OAuth access token). */
export interface Principal {
  kind: 'user' | 'service_principal';
  /** SCIM id (numeric string). */
  id: string;
  /** userName (email) for people, applicationId (UUID) for service principals: what UC grants, secret ACLs and current_user() use. */
  name: string;
  displayName: string;
  active: boolean;
  /** Display names of every group the principal is in, direct or nested; always includes 'users'. */
  groups: string[];
  /** Member of the workspace 'admins' group. */
  isAdmin: boolean;
}

/** Facts about one inbound request, for audit rows and the request log. */
export interface RequestMeta {
  requestId: string;
  sourceIp: string;
  userAgent: string;
}

/** One row for system.access.audit (§12 of the API reference). The sink fills event_id, event_date, account/workspace ids. */
export interface AuditEventInput {
  serviceName: string;
  actionName: string;
  /** user_identity.email: the principal's name; 'System-User' for internal actions; null when unauthenticated. */
  email: string | null;
  requestParams: Record<string, string>;
  statusCode: number;
  errorMessage?: string | null;
  result?: string | null;
  sourceIp: string;
  userAgent: string;
  /** The inbound request's id (its X-Request-Id). Not what `request_id` records: see audit/sink.ts auditRequestId. */
  requestId?: string;
  sessionId?: string | null;
  /** Defaults to now. */
  eventTime?: Date;
}

export interface AuditSink {
  /** Queue one event; never throws, never blocks the request. Flushed in batches and on close(). */
  append(event: AuditEventInput): void;
  flush(): Promise<void>;
}

/** A Databricks-shaped REST error: the router renders {error_code, message} (or the SCIM shape under /scim/v2). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RestRequest {
  method: string;
  path: string;
  /** Named path segments, URL-decoded (':full_name' → 'analytics.silver.customers'). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body ({} when empty); malformed JSON never reaches a handler (400 MALFORMED_REQUEST). */
  body: unknown;
  principal: Principal;
  meta: RequestMeta;
}

export interface RestResponse {
  status?: number;
  /** Serialised as JSON; undefined → `{}`. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path pattern with ':name' segments; a final ':name*' segment swallows the rest. */
  path: string;
  handler: (req: RestRequest) => Promise<RestResponse>;
}

/** What a matched fault rule asks for (see faults/). The SQL endpoint turns these into query errors or delays, never 5xx. */
export type FaultAction =
  | { type: 'status'; status: number; errorCode?: string; message?: string }
  /** A reverse proxy in front of the workspace answers instead: an HTML error page, no Databricks error body. */
  | { type: 'proxy_status'; status: number }
  | { type: 'rate_limit'; retryAfterSeconds: number }
  | { type: 'delay'; ms: number }
  | { type: 'hang' }
  | { type: 'drop_response' };

export type Scale = 'demo' | 'large';

export interface SeedOptions {
  scale: Scale;
  seed: number;
  /** Everything is laid out relative to this instant so that "last 7 days" always has data. */
  now: Date;
}

/**
 * What the identity/workspace seed produced, handed to the catalog and audit-history seeds so that grants,
 * masks and 90 days of audit events name the same people, groups, tokens, scopes, clusters and jobs.
 */
export interface Estate {
  workspaceId: string;
  accountId: string;
  /** `createdAt` is when they joined; `deactivatedAt` is set for inactive ones. No story about them falls outside. */
  people: Array<{
    id: string;
    userName: string;
    displayName: string;
    active: boolean;
    groups: string[];
    createdAt: number;
    deactivatedAt: number | null;
  }>;
  servicePrincipals: Array<{
    id: string;
    applicationId: string;
    displayName: string;
    active: boolean;
    groups: string[];
    createdAt: number;
    deactivatedAt: number | null;
  }>;
  /** Group display names, including 'admins' and 'users'. */
  groups: string[];
  /** SCIM id of each group, by display name. */
  groupIds: Record<string, string>;
  tokens: Array<{
    tokenId: string;
    /** Owner's principal name (userName or applicationId). */
    ownerName: string;
    createdByName: string;
    creationTime: number;
    /** -1 = never. */
    expiryTime: number;
    comment: string;
    /** 'shared': used from many IPs/clients in the last 30 days; 'unused': no use for months; 'revoked': revoked in history. */
    usage: 'normal' | 'shared' | 'unused' | 'revoked';
    /** The last use (its day is last_used_day); null when there is none. Uses in the history end exactly here. */
    lastUsedTime: number | null;
    /** For 'revoked' tokens: when and by whom (the owner or an admin). */
    revokedTime: number | null;
    revokedBy: string | null;
  }>;
  scopes: Array<{
    name: string;
    backend: 'DATABRICKS' | 'AZURE_KEYVAULT';
    keys: string[];
    createdAt: number;
    createdBy: string;
    /** last_updated_timestamp of each key: the history's last putSecret of it, when that falls in the window. */
    updatedAt: Record<string, number>;
    /** `stale`: the principal has left and the entry stayed (meant: a stale-ACL finding). */
    acls: Array<{ principal: string; permission: 'READ' | 'WRITE' | 'MANAGE'; stale?: true }>;
    /** Keys nobody reads in the history (meant: the never-read finding). */
    unread?: string[];
  }>;
  clusters: Array<{ clusterId: string; clusterName: string }>;
  /** `runAs` is the principal scheduled runs act as; `paused` jobs have no scheduled runs. */
  jobs: Array<{ jobId: number; name: string; createdTime: number; creator: string; runAs: string; paused: boolean }>;
  policies: Array<{ policyId: string; createdAt: number }>;
  /** `createdBy` is the admin who made and last changed the list (`updatedAt` = createdAt when never changed). */
  ipAccessLists: Array<{ listId: string; label: string; createdAt: number; updatedAt: number; createdBy: string }>;
  /** Source addresses the seeded history draws from: office ranges for normal work, a few for failed-login bursts. */
  ips: { office: string[]; attackers: string[] };
}

/** Looks up principals by the name grants and ACLs use (userName, applicationId or group display name). */
export interface PrincipalDirectory {
  lookup(name: string): Promise<{ kind: 'user' | 'service_principal' | 'group'; name: string; displayName: string } | null>;
}

/** The programmatic face of the simulator (simulator/server.ts `startSimulator`), used by main.ts, tests and the demo. */
export interface SimulatorOptions {
  port: number; // 0 = pick a free port
  host: string;
  stateDir: string;
  scale: Scale;
  seed: number;
  reset: boolean;
  latencyMs: number;
  faults?: string;
  /** Lifetime of OAuth access tokens issued by /oidc/v1/token (default 3600). */
  oauthTokenTtlSeconds?: number;
}

/** What <state-dir>/workspace.json holds (at least). */
export interface WorkspaceFile {
  host: string; // https://127.0.0.1:<port>
  caCertPath: string;
  warehouseHttpPath: string; // /sql/1.0/warehouses/<id>
  warehouseId: string;
  adminToken: string;
  oauth: { clientId: string; clientSecret: string };
  servicePrincipal: { applicationId: string; clientId: string; clientSecret: string };
  people: Array<{ userName: string; displayName: string; groups: string[] }>;
}

export interface RunningSimulator {
  url: string;
  port: number;
  workspace: WorkspaceFile;
  stop(): Promise<void>;
}
