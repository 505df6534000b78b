// The one REST client. Every call has a per-attempt timeout; only calls that are safe to repeat (GETs, or a call the
// caller marks idempotent) are retried, on 429/503/connection failures, honouring Retry-After within a small total
// budget. A POST that creates something (a token!) is never retried: a lost response must be reconciled instead.
import 'server-only';
import type { z } from 'zod';
import { log as rootLog, type Logger } from '../log';
import { DatabricksError, errorFromResponse, isDatabricksError } from './errors';
import { awaitingUpstream } from './upstream-wait';

export interface Credentials {
  /** A bearer token valid now. */
  token(): Promise<string>;
  /** Forget a cached token after a 401 so the next token() fetches a fresh one (OAuth M2M). */
  invalidate?(): void;
}

export interface RestClientOptions {
  host: string;
  credentials: Credentials;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Total time spent waiting between retries of one call. */
  retryBudgetMs?: number;
  userAgent?: string;
  log?: Logger;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface CallOptions {
  query?: Record<string, QueryValue | QueryValue[]>;
  body?: unknown;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Allow retries for a non-GET call that is safe to repeat (e.g. a PUT replacing a whole value). */
  idempotent?: boolean;
}

export interface CallResult<T> {
  data: T;
  status: number;
  /** Databricks' request id, for the action log. */
  requestId: string | null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TLS_TRUST = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

export class RestClient {
  private readonly timeoutMs: number;
  private readonly retryBudgetMs: number;
  private readonly log: Logger;
  private readonly random: () => number;

  constructor(private readonly options: RestClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retryBudgetMs = options.retryBudgetMs ?? 5_000;
    this.log = options.log ?? rootLog;
    this.random = options.random ?? Math.random;
  }

  get host(): string {
    return this.options.host;
  }

  async get<T>(path: string, schema: z.ZodType<T>, options: Omit<CallOptions, 'body'> = {}): Promise<T> {
    return (await this.call('GET', path, schema, options)).data;
  }

  async post<T>(path: string, schema: z.ZodType<T>, options: CallOptions = {}): Promise<T> {
    return (await this.call('POST', path, schema, options)).data;
  }

  async call<T>(method: Method, path: string, schema: z.ZodType<T>, options: CallOptions = {}): Promise<CallResult<T>> {
    const url = this.url(path, options.query);
    const retryable = method === 'GET' || options.idempotent === true;
    const started = Date.now();
    let waited = 0;
    let reauthenticated = false;

    for (let attempt = 1; ; attempt++) {
      let error: DatabricksError;
      try {
        return await this.attempt(method, url, path, schema, options);
      } catch (e) {
        if (!(e instanceof AttemptFailure)) throw e;
        error = e.error;
        if (error.status === 401 && this.options.credentials.invalidate && !reauthenticated) {
          reauthenticated = true;
          this.options.credentials.invalidate();
          continue;
        }
        if (!retryable || !e.retryable) throw error;
      }
      const delay = this.delayFor(error, attempt);
      if (waited + delay > this.retryBudgetMs) {
        this.log.warn('databricks.retry_budget_exhausted', {
          method,
          path,
          attempts: attempt,
          status: error.status,
          errorCode: error.errorCode,
          elapsedMs: Date.now() - started,
        });
        throw error;
      }
      this.log.info('databricks.retry', { method, path, attempt, status: error.status, errorCode: error.errorCode, delayMs: delay });
      // Waiting out a busy workspace is time spent on Databricks, not the server's own.
      await awaitingUpstream(sleep(delay, options.signal));
      waited += delay;
    }
  }

  /** Retry-After when the server gave one (never less), else exponential backoff; both with jitter. */
  private delayFor(error: DatabricksError, attempt: number): number {
    if (error.retryAfterSeconds !== null) return Math.round(error.retryAfterSeconds * 1000 * (1 + 0.2 * this.random()));
    const base = Math.min(2_000, 250 * 2 ** (attempt - 1));
    return Math.round(base * (0.5 + 0.5 * this.random()));
  }

  private url(path: string, query: CallOptions['query']): URL {
    const url = new URL(path, this.options.host);
    for (const [key, value] of Object.entries(query ?? {})) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (v !== undefined && v !== null) url.searchParams.append(key, String(v));
      }
    }
    return url;
  }

  private async attempt<T>(method: Method, url: URL, path: string, schema: z.ZodType<T>, options: CallOptions): Promise<CallResult<T>> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const started = Date.now();
    let res: Response;
    let text: string;
    try {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${await this.options.credentials.token()}`,
        Accept: 'application/json',
        'User-Agent': this.options.userAgent ?? 'brickwatch',
      };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      [res, text] = await awaitingUpstream(
        fetch(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal,
          redirect: 'manual',
        }).then(async (r) => [r, await r.text()] as const),
      );
    } catch (e) {
      throw this.transportFailure(e, method, path, timeoutMs, options.signal);
    }
    const requestId = res.headers.get('x-request-id') ?? res.headers.get('x-databricks-request-id');
    this.log.debug('databricks.call', { method, path, status: res.status, durationMs: Date.now() - started, requestId });
    if (!res.ok) {
      const error = errorFromResponse(res.status, res.headers, text);
      throw new AttemptFailure(error, res.status === 429 || res.status === 503);
    }
    let json: unknown = {};
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        throw new AttemptFailure(
          new DatabricksError(0, 'UNEXPECTED_RESPONSE', `Databricks answered ${method} ${path} with something that is not JSON`, requestId),
          false,
        );
      }
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'body';
      throw new AttemptFailure(
        new DatabricksError(
          0,
          'UNEXPECTED_RESPONSE',
          `Databricks answered ${method} ${path} in an unexpected shape (${where}: ${issue?.message ?? 'invalid'})`,
          requestId,
        ),
        false,
      );
    }
    return { data: parsed.data, status: res.status, requestId };
  }

  private transportFailure(e: unknown, method: Method, path: string, timeoutMs: number, callerSignal?: AbortSignal): AttemptFailure {
    if (callerSignal?.aborted) return new AttemptFailure(new DatabricksError(0, 'CANCELLED', `${method} ${path} was cancelled`), false);
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
      return new AttemptFailure(
        new DatabricksError(
          0,
          'TIMEOUT',
          `No answer from ${this.options.host} within ${Math.round(timeoutMs / 100) / 10} s (${method} ${path})`,
        ),
        false,
      );
    }
    if (isDatabricksError(e)) return new AttemptFailure(e, false); // from credentials.token()
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (e as { code?: string }).code ?? 'UNKNOWN';
    if (TLS_TRUST.test(code)) {
      return new AttemptFailure(
        new DatabricksError(
          0,
          'UNREACHABLE',
          `The TLS certificate of ${this.options.host} is not trusted (${code}); if it uses a private CA, start Brickwatch with NODE_EXTRA_CA_CERTS pointing at it`,
        ),
        false,
      );
    }
    const detail =
      code === 'ECONNREFUSED'
        ? 'connection refused'
        : code === 'ENOTFOUND'
          ? 'host not found'
          : (cause?.message ?? (e instanceof Error ? e.message : 'network error'));
    return new AttemptFailure(
      new DatabricksError(0, 'UNREACHABLE', `Cannot reach ${this.options.host}: ${detail} (${code})`),
      RETRYABLE_NETWORK.has(code),
    );
  }
}

class AttemptFailure extends Error {
  constructor(
    readonly error: DatabricksError,
    readonly retryable: boolean,
  ) {
    super(error.message);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DatabricksError(0, 'CANCELLED', 'cancelled'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DatabricksError(0, 'CANCELLED', 'cancelled'));
      },
      { once: true },
    );
  });
}
