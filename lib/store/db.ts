// The process's store: embedded SQLite in the data directory. (Postgres joins it behind the same Db interface.)
import 'server-only';
import path from 'node:path';
import { getConfig } from '../config';
import { processSingleton } from '../singleton';
import type { Db } from './engine';
import { openSqlite } from './sqlite';

export type { Db };

export function getDb(): Db {
  return processSingleton('store', () => openSqlite(path.join(getConfig().dataDir, 'brickwatch.db')));
}
