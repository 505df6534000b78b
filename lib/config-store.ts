// The store and the action log's key, from the validated environment (lib/config.ts parses it): which store (SQLite,
// a Postgres URL, Lakebase), refusing a Databricks App without a database, and the key production must be given.
import path from 'node:path';
import { ConfigError } from './config-error';
import type { ServiceAuth } from './config';

export type StoreConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string }
  | {
      kind: 'lakebase';
      host: string;
      port: number;
      database: string;
      /** The Postgres role: the service principal's client id (Databricks Apps sets PGUSER to it). */
      user: string;
      /** Which API mints the hour-long database credential: Lakebase Autoscaling's endpoint or a Provisioned instance. */
      credential: { kind: 'endpoint'; endpoint: string } | { kind: 'instance'; instance: string };
      /** Who asks for the credential: the identity background work uses (the app's service principal). */
      auth: ServiceAuth;
    };

export interface ActionLogConfig {
  /**
   * The secret the action log's HMAC key is derived from. Null only outside production, where a key kept in the data
   * directory is used instead (demo and development only: there it sits beside the data it protects).
   */
  keySecret: string | null;
  /** Where the chain head is anchored (a secret scope of the workspace), and how often. */
  anchor: { scope: string; everyMs: number };
}

interface StoreEnv {
  BRICKWATCH_DATABASE_URL?: string;
  PGHOST?: string;
  PGPORT?: number;
  PGDATABASE?: string;
  PGUSER?: string;
  LAKEBASE_ENDPOINT?: string;
  BRICKWATCH_LAKEBASE_INSTANCE?: string;
}

interface KeyEnv {
  BRICKWATCH_ACTION_LOG_KEY?: string;
  NEXTAUTH_SECRET: string;
  BRICKWATCH_ANCHOR_SCOPE: string;
  BRICKWATCH_ANCHOR_INTERVAL_SECONDS: number;
}

/** Which store: a Postgres URL, a Lakebase database, or SQLite in the data directory (never as a Databricks App). */
export function storeConfig(env: StoreEnv, dataDir: string, databricksApp: boolean, backgroundAuth: ServiceAuth | null): StoreConfig {
  const credential: Extract<StoreConfig, { kind: 'lakebase' }>['credential'] | null = env.LAKEBASE_ENDPOINT
    ? { kind: 'endpoint', endpoint: env.LAKEBASE_ENDPOINT }
    : env.BRICKWATCH_LAKEBASE_INSTANCE
      ? { kind: 'instance', instance: env.BRICKWATCH_LAKEBASE_INSTANCE }
      : null;
  if (env.BRICKWATCH_DATABASE_URL && credential) {
    throw new ConfigError(
      'BRICKWATCH_DATABASE_URL',
      'and a Lakebase database (LAKEBASE_ENDPOINT or BRICKWATCH_LAKEBASE_INSTANCE) are both set: use one of them',
    );
  }
  if (env.BRICKWATCH_DATABASE_URL) return { kind: 'postgres', url: env.BRICKWATCH_DATABASE_URL };
  if (credential) {
    if (!env.PGHOST) {
      throw new ConfigError(
        'PGHOST',
        'is missing: Databricks Apps sets it when the app has a Lakebase database resource; elsewhere set it to the Lakebase host',
      );
    }
    if (!backgroundAuth) {
      throw new ConfigError(
        'DATABRICKS_CLIENT_ID',
        'is missing: Brickwatch connects to Lakebase as a service principal (DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, which Databricks Apps sets)',
      );
    }
    const user = env.PGUSER ?? (backgroundAuth.kind === 'oauth-m2m' ? backgroundAuth.clientId : undefined);
    if (!user) throw new ConfigError('PGUSER', 'is missing: set it to the Postgres role Brickwatch connects to Lakebase as');
    return {
      kind: 'lakebase',
      host: env.PGHOST,
      port: env.PGPORT ?? 5432,
      database: env.PGDATABASE ?? 'databricks_postgres',
      user,
      credential,
      auth: backgroundAuth,
    };
  }
  if (databricksApp) {
    if (env.PGHOST) {
      throw new ConfigError(
        'LAKEBASE_ENDPOINT',
        'is missing: the app has a database resource (PGHOST is set), so app.yaml must pass its endpoint (LAKEBASE_ENDPOINT valueFrom: postgres) or, for a Lakebase Provisioned instance, set BRICKWATCH_LAKEBASE_INSTANCE',
      );
    }
    throw new ConfigError(
      'BRICKWATCH_DATABASE_URL',
      "is missing: as a Databricks App the app's disk is lost at every redeploy, so its store must be a database: add a Lakebase database resource (see app.yaml) or set BRICKWATCH_DATABASE_URL=postgres://…",
    );
  }
  return { kind: 'sqlite', file: path.join(dataDir, 'brickwatch.db') };
}

export function actionLogConfig(env: KeyEnv, production: boolean): ActionLogConfig {
  const secret = env.BRICKWATCH_ACTION_LOG_KEY ?? null;
  if (secret !== null && secret === env.NEXTAUTH_SECRET) {
    throw new ConfigError(
      'BRICKWATCH_ACTION_LOG_KEY',
      'must differ from NEXTAUTH_SECRET: the action log and the session cookies need keys of their own',
    );
  }
  if (secret === null && production) {
    throw new ConfigError(
      'BRICKWATCH_ACTION_LOG_KEY',
      'is missing: in production the key that chains the action log comes from configuration, never from the data; set it to 32+ random characters (openssl rand -base64 32) and keep it apart from the database',
    );
  }
  return { keySecret: secret, anchor: { scope: env.BRICKWATCH_ANCHOR_SCOPE, everyMs: env.BRICKWATCH_ANCHOR_INTERVAL_SECONDS * 1000 } };
}
