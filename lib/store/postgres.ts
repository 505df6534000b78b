// Postgres (a server of your own, or Databricks Lakebase) behind the store's async interface, so that several instances
// share one store. The store modules write `?` placeholders; they become `$1…$n` here.
//
// No interleaving: every transaction first takes one transaction-scoped advisory lock per store (per schema), the
// Postgres counterpart of SQLite's BEGIN IMMEDIATE. Writers on every instance queue on it, so "read the last row, write
// the next" and "no open rotation for this token, insert one" hold across instances. READ COMMITTED on purpose: each
// statement after the lock sees everything committed before the lock was granted (REPEATABLE READ would keep the
// snapshot of the lock statement itself, taken before the previous holder committed).
import 'server-only';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { log } from '../log';
import type { Db, Migration, SqlValue } from './engine';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database?sslmode=… (a server of your own). */
  connectionString?: string;
  /** Or the parts (Lakebase: the host, database and role Databricks Apps injects, and a password minted per connection). */
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  /** Called for every new connection: Lakebase credentials last an hour, and only new logins need a fresh one. */
  password?: string | (() => Promise<string>);
  ssl?: boolean;
  /** The schema Brickwatch keeps its tables in, created when missing ("public" is not writable by default since Postgres 15). */
  schema?: string;
  /** Connections per instance. */
  max?: number;
  connectTimeoutMs?: number;
  /** Lakebase ends a connection after three days; recycle well before. */
  maxLifetimeSeconds?: number;
  migrations?: readonly Migration[];
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `?` → `$n`, leaving quoted text and identifiers alone. Store SQL is written once for both engines. */
export function toPostgresPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

const translated = new Map<string, string>();
function prepare(sql: string): string {
  let text = translated.get(sql);
  if (text === undefined) {
    text = toPostgresPlaceholders(sql);
    if (translated.size < 2_000) translated.set(sql, text);
  }
  return text;
}

/** A signed 64-bit advisory lock key per store and purpose (two stores in one database never block each other). */
function lockKey(schema: string, purpose: string): string {
  return createHash('sha256').update(`brickwatch:${schema}:${purpose}`).digest().readBigInt64BE(0).toString();
}

// int8 (counts, epoch-millisecond columns, seq) as numbers: every value the store keeps is far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.PoolClient, 'query'>;

function over(q: Queryable, transaction: Db['transaction']): Db {
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await q.query(prepare(sql), [...params])).rows as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await q.query(prepare(sql), [...params])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => ({ changes: (await q.query(prepare(sql), [...params])).rowCount ?? 0 }),
    transaction,
    close: async () => undefined,
  };
}

/** Opens the pool at once and migrates on first use; every call waits for the migration (a failure rejects them all). */
export function openPostgres(options: PostgresOptions): Db {
  const schema = options.schema ?? 'brickwatch';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a plain lower-case schema name`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    host: options.host,
    port: options.port,
    database: options.database,
    user: options.user,
    password: options.password,
    ssl: options.ssl ? { rejectUnauthorized: true } : undefined,
    max: options.max ?? 10,
    maxLifetimeSeconds: options.maxLifetimeSeconds ?? 0,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000,
    application_name: 'brickwatch',
    types,
  });
  // An idle connection the server closed (restart, Lakebase's idle limit) must not take the process down.
  pool.on('error', (e) => log.warn('store.postgres_connection_lost', { error: e }));
  // Every statement of every connection runs in the store's schema: set once per connection, before its first use
  // (a startup parameter would be simpler, but not every pooler in front of Postgres passes one on).
  const inSchema = new WeakSet<pg.PoolClient>();
  const checkout = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if (!inSchema.has(client)) {
      try {
        await client.query(`SET search_path TO "${schema}"`);
      } catch (e) {
        client.release(e as Error);
        throw e;
      }
      inSchema.add(client);
    }
    return client;
  };
  const withClient = async <T>(work: (q: Queryable) => Promise<T>): Promise<T> => {
    await ready;
    const client = await checkout();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };

  const writeLock = lockKey(schema, 'write');
  const ready = migratePostgres(pool, schema, options.migrations ?? POSTGRES_MIGRATIONS);
  ready.catch(() => undefined); // reported by the first call that waits for it

  const transaction: Db['transaction'] = async (fn) => {
    await ready;
    const client = await checkout();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [writeLock]);
      const inner: Db = over(client, (nested) => nested(inner));
      const result = await fn(inner);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw e;
    } finally {
      client.release(broken);
    }
  };
  return {
    dialect: 'postgres',
    all: (sql, params) => withClient((q) => over(q, transaction).all(sql, params)),
    get: (sql, params) => withClient((q) => over(q, transaction).get(sql, params)),
    run: (sql, params) => withClient((q) => over(q, transaction).run(sql, params)),
    transaction,
    close: () => pool.end(),
  };
}

/** Applies, in list order and in one transaction, every migration whose id is not recorded yet; instances take turns. */
async function migratePostgres(pool: pg.Pool, schema: string, migrations: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(schema, 'migrate')]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set((await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [m.id, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw e;
  } finally {
    client.release(broken);
  }
}
