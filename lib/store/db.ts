// The process's store, chosen by configuration: embedded SQLite in the data directory, a Postgres server of your own
// (BRICKWATCH_DATABASE_URL), or Lakebase (a Databricks Apps database resource). One Db interface for all three.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { getConfig, type AppConfig } from '../config';
import { processSingleton } from '../singleton';
import { actionLogKey, type ActionLogKey } from './action-log-key';
import type { Db } from './engine';
import { lakebasePassword } from './lakebase';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';

export type { Db };

export function getDb(): Db {
  return processSingleton('store', () => openStore(getConfig()));
}

export function openStore(config: AppConfig): Db {
  const store = config.store;
  switch (store.kind) {
    case 'sqlite':
      return openSqlite(store.file);
    case 'postgres':
      return openPostgres({ connectionString: store.url });
    case 'lakebase':
      return openPostgres({
        host: store.host,
        port: store.port,
        database: store.database,
        user: store.user,
        password: lakebasePassword(config.databricks.host, store.auth, store.credential, config.upstreamTimeoutMs),
        ssl: true,
        // A Lakebase Autoscaling endpoint that scaled to zero takes a while to wake.
        connectTimeoutMs: 60_000,
        maxLifetimeSeconds: 12 * 3600,
      });
  }
}

/** The variable to name when the store cannot be opened. */
export function storeVariable(config: AppConfig): string {
  const store = config.store;
  if (store.kind === 'sqlite') return 'BRICKWATCH_DATA_DIR';
  if (store.kind === 'postgres') return 'BRICKWATCH_DATABASE_URL';
  return store.credential.kind === 'endpoint' ? 'LAKEBASE_ENDPOINT' : 'BRICKWATCH_LAKEBASE_INSTANCE';
}

/** The key that chains the action log: from configuration, or (demo and development only) a file in the data directory. */
export function getActionLogKey(config: AppConfig = getConfig()): ActionLogKey {
  return processSingleton('action-log-key', () => actionLogKey(config.actionLog.keySecret ?? dataDirKey(config.dataDir)));
}

function dataDirKey(dataDir: string): string {
  const file = path.join(dataDir, 'action-log.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64');
  // Written aside, then linked into place: when two processes start at once, the second reads the first one's whole key.
  const aside = `${file}.${process.pid}`;
  fs.writeFileSync(aside, secret, { mode: 0o600 });
  try {
    fs.linkSync(aside, file);
    return secret;
  } catch {
    return fs.readFileSync(file, 'utf8').trim();
  } finally {
    fs.rmSync(aside, { force: true });
  }
}
