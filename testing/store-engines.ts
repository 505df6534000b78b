// The store's engines as its test suite sees them: each opens a fresh, migrated database and can tamper with it the
// way someone with direct database access would (triggers out of the way), reopen it, and clean up. Every store
// test runs once per engine here, so both implementations pass the same suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../lib/store/engine';
import { openSqlite } from '../lib/store/sqlite';

export interface TestStore {
  db: Db;
  /** Runs SQL directly against the database, bypassing the append-only triggers. */
  tamper(sql: string): Promise<void>;
  /** Closes and opens the same database again (a restart). */
  reopen(): Promise<Db>;
  /** Everything the engine wrote to disk, as text, to search for values that must never be stored. */
  rawText(): Promise<string>;
  cleanup(): Promise<void>;
}

export interface StoreEngine {
  name: string;
  open(): Promise<TestStore>;
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
      async cleanup() {
        await store.db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
    return store;
  },
};

export const STORE_ENGINES: readonly StoreEngine[] = [sqliteEngine];
