// The app's own SQLite database (better-sqlite3, WAL) in the data directory. One handle per process.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getConfig } from '../config';
import { processSingleton } from '../singleton';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an action-log row that was acknowledged must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

/** Applies, in list order, every migration whose id is not yet recorded; each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
  const ran: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(m.id, new Date().toISOString());
    })();
    ran.push(m.id);
  }
  return ran;
}

/** The process's store, in BRICKWATCH_DATA_DIR. */
export function getDb(): Db {
  return processSingleton('sqlite', () => openDatabase(path.join(getConfig().dataDir, 'brickwatch.db')));
}
