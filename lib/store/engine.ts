// The app's own store, seen through one small async interface so that the same store modules (action log, rotation
// journal, ended sessions, …) run on embedded SQLite and on Postgres. SQL is written once in the subset both engines
// speak, with `?` placeholders; where the dialects differ, a store module branches on `dialect` in one named place.
import 'server-only';

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | boolean | null;

export interface Db {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Runs `fn` as one transaction that no other writer interleaves with: the check-then-write steps inside (the action
   * log's "read the last hash, append the next row", "no open rotation for this token, insert one") hold together
   * across requests and, on a shared Postgres, across instances. Rolled back when `fn` throws.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Migration {
  /** '<area>-<n>-<what>': engineers working in parallel never collide. Append new ones; never edit a shipped one. */
  id: string;
  sql: string;
}
