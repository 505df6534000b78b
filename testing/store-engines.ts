// The store's engines as its test suite sees them: each opens a fresh, migrated database and can tamper with it the
// way someone with direct database access would (triggers out of the way), reopen it, and clean up. Every store
// test runs once per engine here, so both implementations pass the same suite. Postgres is the run's one server
// (testing/postgres-global-setup.ts); each test gets a schema of its own in it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db, Dialect } from '../lib/store/engine';
import { openPostgres } from '../lib/store/postgres';
import { openSqlite } from '../lib/store/sqlite';

export interface TestStore {
  db: Db;
  /** Runs SQL directly against the database, bypassing the append-only triggers. */
  tamper(sql: string): Promise<void>;
  /** Closes and opens the same database again (a restart). */
  reopen(): Promise<Db>;
  /** Everything the engine wrote to disk, as text, to search for values that must never be stored. */
  rawText(): Promise<string>;
  /** Takes a copy of the database as it is now; restore() later puts it back in place of the current one. */
  copy(): Promise<{ restore(): Promise<void> }>;
  cleanup(): Promise<void>;
}

export interface StoreEngine {
  name: Dialect;
  open(): Promise<TestStore>;
  /**
   * A second handle on the same database, as another instance of the app has. Postgres only: SQLite is one instance
   * per data directory (two handles in one process would block each other's event loop inside BEGIN IMMEDIATE).
   */
  openAnother?(store: TestStore): Promise<Db>;
}

export const sqliteEngine: StoreEngine = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-store-'));
    const file = path.join(dir, 'data', 'brickwatch.db');
    const store: TestStore = {
      db: openSqlite(file),
      async tamper(sql) {
        const raw = new Database(file);
        raw.exec('DROP TRIGGER IF EXISTS action_log_no_update; DROP TRIGGER IF EXISTS action_log_no_delete;');
        raw.exec(sql);
        raw.close();
      },
      async reopen() {
        await store.db.close();
        store.db = openSqlite(file);
        return store.db;
      },
      async rawText() {
        return fs
          .readdirSync(path.dirname(file))
          .map((f) => fs.readFileSync(path.join(path.dirname(file), f)).toString('latin1'))
          .join('\n');
      },
      async copy() {
        const saved = path.join(dir, `copy-${randomBytes(4).toString('hex')}.db`);
        const raw = new Database(file);
        raw.exec(`VACUUM INTO '${saved}'`);
        raw.close();
        return {
          async restore() {
            await store.db.close();
            for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
            fs.copyFileSync(saved, file);
            store.db = openSqlite(file);
          },
        };
      },
      async cleanup() {
        await store.db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
    return store;
  },
};

/** One superuser connection to the run's server, for what only a database owner does (schemas, tampering). */
async function asOwner<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const schemas = new WeakMap<TestStore, string>();

export const postgresEngine: StoreEngine = {
  name: 'postgres',
  async open() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const open = () => openPostgres({ connectionString: inject('postgresUrl'), schema, max: 4 });
    const store: TestStore = {
      db: open(),
      async tamper(sql) {
        // replica: the session fires no ordinary trigger, as anyone who owns the tables can arrange.
        await asOwner(async (c) => {
          await c.query(`SET search_path TO "${schema}"; SET session_replication_role = replica;`);
          await c.query(sql);
        });
      },
      async reopen() {
        await store.db.close();
        store.db = open();
        return store.db;
      },
      async rawText() {
        return asOwner(async (c) => {
          const tables = await c.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = $1', [schema]);
          let text = '';
          for (const { t } of tables.rows) text += `${JSON.stringify((await c.query(`SELECT * FROM "${schema}"."${t}"`)).rows)}\n`;
          return text;
        });
      },
      async copy() {
        const saved = `copy_${randomBytes(4).toString('hex')}`;
        const tables = ['action_log', 'action_log_high_water', 'ended_sessions', 'rotation_journal', 'schedule_runs'];
        await asOwner((c) =>
          c.query(tables.map((t) => `CREATE TABLE "${schema}"."${saved}_${t}" AS SELECT * FROM "${schema}"."${t}";`).join('')),
        );
        return {
          async restore() {
            await store.tamper(tables.map((t) => `DELETE FROM ${t}; INSERT INTO ${t} SELECT * FROM ${saved}_${t};`).join(''));
          },
        };
      },
      async cleanup() {
        await store.db.close();
        await asOwner((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      },
    };
    schemas.set(store, schema);
    await store.db.get('SELECT 1 AS ok');
    return store;
  },
  async openAnother(store) {
    return openPostgres({ connectionString: inject('postgresUrl'), schema: schemas.get(store)!, max: 4 });
  },
};

export const STORE_ENGINES: readonly StoreEngine[] = [sqliteEngine, postgresEngine];
