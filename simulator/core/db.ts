// The simulator's single store: one DuckDB database file in the state directory. REST state, Unity Catalog
// metadata and data, and system.access.audit all live here, so a restart keeps everything and SQL and REST
// see one truth.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DuckDBConnection, DuckDBInstance, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];

/** Prepared statements kept per pooled connection: enough for every fixed statement the REST handlers run. */
const PREPARED_PER_CONNECTION = 200;

export class SimDb {
  private idle: DuckDBConnection[] = [];
  /**
   * Each pooled connection's prepared statements by SQL text. Parsing and planning cost more than running most of the
   * handlers' small lookups (a secret scope's ACL is three of them), so a burst of 300 calls would spend most of its
   * time preparing the same few statements again.
   */
  private readonly prepared = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();
  /** The end of the queue of exclusive sections; each waits for the one before it. */
  private writes: Promise<void> = Promise.resolve();
  /** Set inside an exclusive section, so that a section calling another one runs it in place instead of waiting on itself. */
  private readonly holding = new AsyncLocalStorage<{ open: boolean }>();

  private constructor(readonly instance: DuckDBInstance) {}

  /** Opens (or creates) the database at `path` (':memory:' for tests). */
  static async open(path: string): Promise<SimDb> {
    const instance = await DuckDBInstance.create(path);
    const db = new SimDb(instance);
    // icu is only loaded after start-up, so the time zone cannot be passed to create().
    await db.run("SET GLOBAL TimeZone = 'UTC'");
    return db;
  }

  /** Borrow a connection for a sequence of statements (a transaction, a session). */
  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = this.idle.pop() ?? (await this.instance.connect());
    try {
      return await fn(conn);
    } finally {
      this.idle.push(conn);
    }
  }

  /** A connection of its own (e.g. one per SQL session); the caller closes it with closeSync(). */
  connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.withConnection((c) => (params === undefined ? c.run(sql) : this.statement(c, sql, params).then((p) => p.run())));
  }

  /** Rows as plain JS objects (BIGINT → bigint, TIMESTAMP → Date). */
  async all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    return this.withConnection(async (c) => {
      const reader = params === undefined ? await c.runAndReadAll(sql) : await (await this.statement(c, sql, params)).runAndReadAll();
      return reader.getRowObjectsJS() as T[];
    });
  }

  /** A statement with parameters, prepared once per connection, its values bound afresh. */
  private async statement(c: DuckDBConnection, sql: string, params: Params): Promise<DuckDBPreparedStatement> {
    let cache = this.prepared.get(c);
    if (!cache) this.prepared.set(c, (cache = new Map()));
    let p = cache.get(sql);
    if (!p) {
      p = await c.prepare(sql);
      // Statements built with a varying number of placeholders must not grow the cache without bound.
      if (cache.size >= PREPARED_PER_CONNECTION) {
        const [oldest, stmt] = cache.entries().next().value!;
        cache.delete(oldest);
        stmt.destroySync();
      }
      cache.set(sql, p);
    }
    p.clearBindings();
    p.bind(params);
    return p;
  }

  async one<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async transaction<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.withConnection(async (c) => {
      await c.run('BEGIN TRANSACTION');
      try {
        const out = await fn(c);
        await c.run('COMMIT');
        return out;
      } catch (e) {
        await c.run('ROLLBACK');
        throw e;
      }
    });
  }

  /**
   * Runs `fn` alone among exclusive sections, in call order. DuckDB's concurrency is optimistic: two transactions
   * writing the same row make the second fail ("Conflict on tuple deletion", "Conflict on update"), and a
   * read-check-write (an ACL merge, a name that must be unique, a quota) can interleave with another one. Every
   * write path of the workspace state runs its read-check-write in here; nested calls run in place.
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // A timer or promise started inside a section keeps its context after the section ends: it must queue again.
    if (this.holding.getStore()?.open) return fn();
    const before = this.writes;
    let release!: () => void;
    this.writes = new Promise<void>((r) => (release = r));
    await before;
    const section = { open: true };
    try {
      return await this.holding.run(section, fn);
    } finally {
      section.open = false;
      release();
    }
  }

  close(): void {
    for (const c of this.idle) c.closeSync();
    this.idle = [];
    this.instance.closeSync();
  }
}
