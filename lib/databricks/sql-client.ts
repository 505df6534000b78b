// The SQL warehouse client over the unmodified @databricks/sql driver (Thrift). One client and one reused session per
// identity; every statement is a named constant with bound named parameters, a row cap and a timeout. Read-only
// statements are retried on a rate limit (REQUEST_LIMIT_EXCEEDED) or a busy warehouse, like REST GETs.
import 'server-only';
import { DBSQLClient } from '@databricks/sql';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import type IOperation from '@databricks/sql/dist/contracts/IOperation';
import type { z } from 'zod';
import { log as rootLog, type Logger } from '../log';
import { DatabricksError, genericCode, isDatabricksError, sqlStatementError } from './errors';
import type { Credentials } from './rest-client';
import { awaitingUpstream } from './upstream-wait';

export type SqlParam = string | number | boolean | Date | null;

/** A statement Brickwatch runs. Define these as module constants: the SQL text never depends on user input. */
export interface SqlQuery<Row> {
  /** Stable name for logs and errors, e.g. 'audit.timeline'. */
  name: string;
  sql: string;
  row: z.ZodType<Row>;
  /** Rows beyond this are not fetched; the result says it was truncated. */
  maxRows: number;
  timeoutSeconds: number;
  /**
   * The statement changes nothing, so running it twice is harmless: a rate limit or a busy warehouse is retried
   * within a small budget. GRANT, REVOKE, ALTER … must say false: a refused attempt may still have taken effect.
   */
  readOnly: boolean;
}

const CHANGES_SOMETHING =
  /^\s*(GRANT|REVOKE|ALTER|CREATE|DROP|INSERT|UPDATE|DELETE|MERGE|TRUNCATE|SET|COMMENT|MSCK|REFRESH|OPTIMIZE|VACUUM)\b/i;

export function defineQuery<Row>(
  q: Omit<SqlQuery<Row>, 'maxRows' | 'timeoutSeconds' | 'readOnly'> &
    Partial<Pick<SqlQuery<Row>, 'maxRows' | 'timeoutSeconds' | 'readOnly'>>,
): SqlQuery<Row> {
  const query = { maxRows: 10_000, timeoutSeconds: 30, readOnly: true, ...q };
  // Fails when the module loads, so a retried GRANT can never ship.
  if (query.readOnly && CHANGES_SOMETHING.test(query.sql)) {
    throw new Error(`Query ${query.name} changes something: define it with readOnly: false so it is never retried`);
  }
  return query;
}

/** Total wait between attempts of one statement (as for REST GETs), and never past the statement's own deadline. */
export const SQL_RETRY_BUDGET_MS = 5_000;
const RETRYABLE_SQL = new Set(['REQUEST_LIMIT_EXCEEDED', 'TEMPORARILY_UNAVAILABLE']);

export interface SqlResult<Row> {
  rows: Row[];
  /** More rows existed than the query's maxRows. */
  truncated: boolean;
  durationMs: number;
}

export interface SqlClientOptions {
  host: string;
  httpPath: string;
  credentials: Credentials;
  log?: Logger;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
}

export class SqlClient {
  private client: DBSQLClient | null = null;
  private session: Promise<IDBSQLSession> | null = null;
  private readonly log: Logger;
  lastUsed = Date.now();

  constructor(private options: SqlClientOptions) {
    this.log = options.log ?? rootLog;
  }

  /** User-mode tokens are refreshed by lib/auth; the next statement uses the new one. */
  setCredentials(credentials: Credentials): void {
    this.options = { ...this.options, credentials };
  }

  async query<Row>(q: SqlQuery<Row>, params: Record<string, SqlParam> = {}, signal?: AbortSignal): Promise<SqlResult<Row>> {
    this.lastUsed = Date.now();
    const started = Date.now();
    // One deadline for the whole statement, opening the session included; on expiry the running operation is cancelled.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DatabricksError(0, 'TIMEOUT', `The SQL warehouse did not finish ${q.name} within ${q.timeoutSeconds} s`)),
      q.timeoutSeconds * 1000,
    );
    const onCallerAbort = () => deadline.abort(new DatabricksError(0, 'CANCELLED', `${q.name} was cancelled`));
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const raw = await awaitingUpstream(
        untilAborted(
          this.withRetries(q, started + q.timeoutSeconds * 1000, deadline.signal, () =>
            this.withSession((session) => this.run(session, q, params, deadline.signal)),
          ),
          deadline.signal,
        ),
      );
      const rows: Row[] = [];
      for (const [i, r] of raw.rows.entries()) {
        const parsed = q.row.safeParse(r);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new DatabricksError(
            0,
            'UNEXPECTED_RESPONSE',
            `Query ${q.name} returned an unexpected row ${i} (${issue?.path.join('.') || 'row'}: ${issue?.message})`,
          );
        }
        rows.push(parsed.data);
      }
      const durationMs = Date.now() - started;
      this.log.debug('databricks.sql', { query: q.name, rows: rows.length, truncated: raw.truncated, durationMs });
      return { rows, truncated: raw.truncated, durationMs };
    } catch (e) {
      const error = toDatabricksError(e, q.name, this.options.host);
      if (error.errorCode === 'TIMEOUT') {
        // The session may be what hung (opening it, or a stuck connection): start the next statement on a fresh one.
        const stale = this.session;
        this.session = null;
        void stale?.then((s) => s.close()).catch(() => undefined);
      }
      this.log.warn('databricks.sql_failed', {
        query: q.name,
        errorCode: error.errorCode,
        status: error.status,
        durationMs: Date.now() - started,
        error: error.message,
      });
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    await session?.then((s) => s.close()).catch(() => undefined);
    await this.client?.close().catch(() => undefined);
    this.client = null;
  }

  /**
   * A read-only statement refused for a rate limit or a busy warehouse is run again, waiting what the warehouse asked
   * ("Retry after N seconds") or backing off, within SQL_RETRY_BUDGET_MS and the statement's deadline.
   */
  private async withRetries<T>(q: SqlQuery<unknown>, deadlineAt: number, signal: AbortSignal, attempt: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (e) {
        const error = toDatabricksError(e, q.name, this.options.host);
        if (!q.readOnly || !RETRYABLE_SQL.has(error.errorCode)) throw error;
        const delay = this.retryDelay(error, n);
        if (waited + delay > SQL_RETRY_BUDGET_MS || Date.now() + delay >= deadlineAt) {
          this.log.warn('databricks.sql_retry_budget_exhausted', {
            query: q.name,
            attempts: n,
            errorCode: error.errorCode,
            delayMs: delay,
          });
          throw error;
        }
        this.log.info('databricks.sql_retry', { query: q.name, attempt: n, errorCode: error.errorCode, delayMs: delay });
        await sleep(delay, signal);
        waited += delay;
      }
    }
  }

  /** The warehouse's own wait when it gave one (never less), else exponential backoff; both with jitter. */
  private retryDelay(error: DatabricksError, attempt: number): number {
    const random = this.options.random ?? Math.random;
    if (error.retryAfterSeconds !== null) return Math.round(error.retryAfterSeconds * 1000 * (1 + 0.2 * random()));
    return Math.round(Math.min(2_000, 250 * 2 ** (attempt - 1)) * (0.5 + 0.5 * random()));
  }

  /** Reuses the session; a session the server no longer knows, or a 401 (expired token), gets one fresh retry. */
  private async withSession<T>(fn: (s: IDBSQLSession) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn(await this.openSession());
      } catch (e) {
        const stale = isStaleSession(e) || (httpStatus(e) === 401 && this.options.credentials.invalidate !== undefined);
        if (attempt > 1 || !stale) throw e;
        if (httpStatus(e) === 401) this.options.credentials.invalidate?.();
        this.session = null;
      }
    }
  }

  private openSession(): Promise<IDBSQLSession> {
    if (!this.session) {
      const url = new URL(this.options.host);
      this.client ??= new DBSQLClient({ logger: driverLogger(this.log) });
      const opening = this.client
        .connect({
          host: url.hostname,
          port: url.port ? Number(url.port) : 443,
          path: this.options.httpPath,
          authType: 'custom',
          // Asked per request, so a refreshed token is picked up without reconnecting.
          provider: { authenticate: async () => ({ Authorization: `Bearer ${await this.options.credentials.token()}` }) },
          userAgentEntry: 'brickwatch',
          telemetryEnabled: false,
          // The driver's defaults retry for 15 minutes; a dashboard request must fail within seconds instead.
          retryMaxAttempts: 3,
          retriesTimeout: 5_000,
          retryDelayMin: 250,
          retryDelayMax: 2_000,
          socketTimeout: 60_000,
        })
        .then((c) => c.openSession());
      opening.catch(() => {
        if (this.session === opening) this.session = null;
      });
      this.session = opening;
    }
    return this.session;
  }

  private async run<Row>(session: IDBSQLSession, q: SqlQuery<Row>, params: Record<string, SqlParam>, signal: AbortSignal) {
    const operation = await session.executeStatement(q.sql, {
      namedParameters: params,
      queryTimeout: q.timeoutSeconds,
      maxRows: Math.min(q.maxRows + 1, 100_000),
    });
    const cancel = () => void operation.cancel().catch(() => undefined);
    if (signal.aborted) cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return await fetchCapped(operation, q.maxRows);
    } finally {
      signal.removeEventListener('abort', cancel);
      void operation.close().catch(() => undefined);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(timer), reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts (the work is abandoned). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

async function fetchCapped(operation: IOperation, maxRows: number): Promise<{ rows: object[]; truncated: boolean }> {
  const rows: object[] = [];
  do {
    const chunk = await operation.fetchChunk({ maxRows: Math.min(maxRows + 1 - rows.length, 100_000), disableBuffering: true });
    rows.push(...chunk);
  } while (rows.length <= maxRows && (await operation.hasMoreRows()));
  const truncated = rows.length > maxRows;
  return { rows: truncated ? rows.slice(0, maxRows) : rows, truncated };
}

function httpStatus(e: unknown): number | undefined {
  const s = (e as { statusCode?: unknown })?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

function isStaleSession(e: unknown): boolean {
  const m = e instanceof Error ? e.message : '';
  return /session/i.test(m) && /invalid|closed|expired|not found|unknown/i.test(m);
}

function toDatabricksError(e: unknown, queryName: string, host: string): DatabricksError {
  if (isDatabricksError(e)) return e;
  const status = httpStatus(e);
  const message = e instanceof Error ? e.message : String(e);
  if (status !== undefined) return new DatabricksError(status, genericCode(status), `The SQL warehouse refused ${queryName}: ${message}`);
  const code = (e as { code?: string; cause?: { code?: string } })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
  if (code && /^E[A-Z]+$|CERT|SELF_SIGNED/.test(code))
    return new DatabricksError(0, 'UNREACHABLE', `Cannot reach the SQL warehouse at ${host} (${code})`);
  // Query errors carry Databricks' error class in brackets: "[INSUFFICIENT_PERMISSIONS] User does not have ...".
  return sqlStatementError(message);
}

function driverLogger(log: Logger) {
  // The driver logs every connect at info level; only its warnings and errors are worth a line.
  return {
    log(level: string, message: string) {
      if (level === 'error' || level === 'warn') log.warn('databricks.sql_driver', { level, driverMessage: message });
    },
  };
}
