// One statement's life: RUNNING until its work settles, then FINISHED / ERROR, or CANCELED / TIMEDOUT when the
// client cancels or the statement timeout (the driver's queryTimeout) fires first. Cancelling interrupts DuckDB
// only while this operation is the one running on its session's connection.
import { randomUUID } from 'node:crypto';
import { ArrowEncoder } from './encode-arrow';
import { SqlError, toSqlError } from './errors';
import type { ResultSet } from './result-set';
import type { SqlSession } from './session';

export type OpState = 'RUNNING' | 'FINISHED' | 'ERROR' | 'CANCELED' | 'TIMEDOUT' | 'CLOSED';

export type OperationWork = (op: Operation) => Promise<ResultSet>;

export class Operation {
  readonly id = randomUUID();
  state: OpState = 'RUNNING';
  result: { set: ResultSet; encoder: ArrowEncoder } | null = null;
  error: SqlError | null = null;
  cursor = 0;
  /** Set while this operation's SQL is executing on the session connection. */
  executing = false;
  readonly settled: Promise<void>;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly session: SqlSession,
    work: OperationWork,
    private readonly timeoutSeconds: number,
  ) {
    if (timeoutSeconds > 0) {
      this.timer = setTimeout(() => this.stop('TIMEDOUT'), timeoutSeconds * 1000);
      this.timer.unref();
    }
    this.settled = work(this)
      .then(
        (set) => {
          if (this.state !== 'RUNNING') return;
          this.result = { set, encoder: new ArrowEncoder(set.columns) };
          this.state = 'FINISHED';
        },
        (err: unknown) => {
          if (this.state !== 'RUNNING') return;
          this.error = toSqlError(err);
          this.state = 'ERROR';
        },
      )
      .finally(() => this.timer && clearTimeout(this.timer));
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get hasMoreRows(): boolean {
    return this.result !== null && this.cursor < this.result.set.rowCount;
  }

  /** Cancel (client request), time out (statement timeout) or close. No-op once settled, except closing. */
  stop(to: 'CANCELED' | 'TIMEDOUT' | 'CLOSED'): void {
    if (this.state === 'RUNNING') {
      this.error =
        to === 'TIMEDOUT'
          ? new SqlError(
              `[QUERY_EXECUTION_TIMEOUT_EXCEEDED] The query was cancelled because it exceeded the statement timeout of ${this.timeoutSeconds} seconds. SQLSTATE: 57KD0`,
              '57KD0',
              true,
            )
          : null;
      this.abort.abort();
      if (this.executing) this.session.conn.interrupt();
    }
    if (this.state === 'RUNNING' || to === 'CLOSED') this.state = to;
    if (to === 'CLOSED') this.result = null;
  }
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      },
      { once: true },
    );
  });
}
