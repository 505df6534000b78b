// Embedded SQLite (better-sqlite3, WAL) behind the store's async interface. better-sqlite3 is synchronous, so a
// transaction whose body awaits must not let another request's statements run inside it: every call goes through one
// queue per database, and a transaction holds the queue until it commits or rolls back.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db, Migration, SqlValue } from './engine';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

type Raw = Database.Database;

const bind = (params: readonly SqlValue[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

function direct(raw: Raw, inTransaction: () => boolean): Db {
  const db: Db = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => raw.prepare(sql).all(...bind(params)) as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => raw.prepare(sql).get(...bind(params)) as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => ({ changes: raw.prepare(sql).run(...bind(params)).changes }),
    // Already inside one: the outer transaction covers it.
    transaction: async (fn) => (inTransaction() ? fn(db) : Promise.reject(new Error('transaction() outside the queue'))),
    close: async () => undefined,
  };
  return db;
}

/** Opens (and migrates) the database file; ':memory:' for a throwaway one. */
export function openSqlite(file: string, migrations: readonly Migration[] = SQLITE_MIGRATIONS): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  // FULL: an action-log row that was acknowledged must survive a power cut.
  raw.pragma('synchronous = FULL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('foreign_keys = ON');
  migrateSqlite(raw, migrations);

  let open = false;
  const inner = direct(raw, () => open);
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    dialect: 'sqlite',
    all: (sql, params) => exclusive(() => inner.all(sql, params)),
    get: (sql, params) => exclusive(() => inner.get(sql, params)),
    run: (sql, params) => exclusive(() => inner.run(sql, params)),
    transaction: (fn) =>
      exclusive(async () => {
        // IMMEDIATE: take the write lock at BEGIN, so another process cannot slip in between our read and our write.
        raw.exec('BEGIN IMMEDIATE');
        open = true;
        try {
          const result = await fn(inner);
          raw.exec('COMMIT');
          return result;
        } catch (e) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw e;
        } finally {
          open = false;
        }
      }),
    close: () =>
      exclusive(async () => {
        raw.close();
      }),
  };
}

/** Applies, in list order, every migration whose id is not yet recorded; each in its own transaction. */
function migrateSqlite(raw: Raw, migrations: readonly Migration[]): void {
  raw.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(raw.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    raw.transaction(() => {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(m.id, new Date().toISOString());
    })();
  }
}
