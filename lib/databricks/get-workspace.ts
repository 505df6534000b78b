// getWorkspace(): the Databricks clients for one request, in either identity mode. Nothing above this line knows
// whether it talks to a real workspace or the simulator, nor which identity mode is configured.
import 'server-only';
import { getConfig, type AppConfig, type IdentityMode, type ServiceAuth } from '../config';
import { log } from '../log';
import { processSingleton } from '../singleton';
import { createCoalescer } from './coalesce';
import { serviceCredentials, staticCredentials } from './credentials';
import { RestClient, type Credentials } from './rest-client';
import { SqlClient } from './sql-client';

export interface ActingIdentity {
  kind: 'user' | 'service-principal' | 'token';
  /** userName, the service principal's application id, or a description of the token. */
  name: string;
}

export interface Workspace {
  host: string;
  mode: IdentityMode;
  actingAs: ActingIdentity;
  rest: RestClient;
  sql: SqlClient;
  /** Shares identical concurrent reads (and reuses a result for ~2 s), scoped to this identity. */
  coalesce<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** What getWorkspace needs from the signed-in session. */
export interface WorkspaceSession {
  userName: string;
  /** The person's Databricks OAuth access token (user mode), already fresh. */
  accessToken: string | null;
}

const SQL_IDLE_MS = 15 * 60_000;
const sqlClients = processSingleton('sql-clients', () => {
  const clients = new Map<string, SqlClient>();
  // Idle clients (people who left) are closed so their sessions do not pile up on the warehouse.
  setInterval(() => {
    for (const [key, client] of clients) {
      if (Date.now() - client.lastUsed > SQL_IDLE_MS) {
        clients.delete(key);
        void client.close();
      }
    }
  }, 60_000).unref();
  return clients;
});
const coalescer = processSingleton('coalescer', () => createCoalescer({ reuseMs: 2_000 }));

function sqlClientFor(key: string, config: AppConfig, credentials: Credentials): SqlClient {
  let client = sqlClients.get(key);
  if (client) client.setCredentials(credentials);
  else {
    client = new SqlClient({ host: config.databricks.host, httpPath: config.databricks.httpPath, credentials, log });
    sqlClients.set(key, client);
  }
  return client;
}

export class NoUpstreamTokenError extends Error {
  constructor() {
    super('This session has no Databricks token; sign in again');
    this.name = 'NoUpstreamTokenError';
  }
}

export function getWorkspace(session: WorkspaceSession, config: AppConfig = getConfig()): Workspace {
  if (config.identityMode === 'service') return workspaceAs(config.serviceAuth!, config);
  if (!session.accessToken) throw new NoUpstreamTokenError();
  return build(staticCredentials(session.accessToken), { kind: 'user', name: session.userName }, config);
}

/** The clients background work uses when nobody is signed in; null when none is configured (user mode without an SP). */
export function getBackgroundWorkspace(config: AppConfig = getConfig()): Workspace | null {
  return config.backgroundAuth ? workspaceAs(config.backgroundAuth, config) : null;
}

function workspaceAs(auth: ServiceAuth, config: AppConfig): Workspace {
  const actingAs: ActingIdentity =
    auth.kind === 'pat'
      ? { kind: 'token', name: 'a personal access token (DATABRICKS_TOKEN)' }
      : { kind: 'service-principal', name: auth.clientId };
  return build(serviceCredentials(config.databricks.host, auth), actingAs, config);
}

function build(credentials: Credentials, actingAs: ActingIdentity, config: AppConfig): Workspace {
  const identityKey = `${actingAs.kind}:${actingAs.name}`;
  const host = config.databricks.host;
  return {
    host,
    mode: config.identityMode,
    actingAs,
    rest: new RestClient({ host, credentials, log, timeoutMs: config.upstreamTimeoutMs }),
    sql: sqlClientFor(identityKey, config, credentials),
    coalesce: (key, load) => coalescer(`${identityKey}|${key}`, load),
  };
}
