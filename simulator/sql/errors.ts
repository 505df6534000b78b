// Query errors as the driver shows them: `displayMessage` becomes the JS error message and `sqlState` rides along.
// Errors the simulator raises itself follow Databricks' "[ERROR_CLASS] text SQLSTATE: xxxxx" form; errors DuckDB
// raises keep DuckDB's own text (the dialect gap is documented, not hidden).

export class SqlError extends Error {
  constructor(
    message: string,
    readonly sqlState: string = 'HY000',
    /** TIMEDOUT_STATE instead of ERROR_STATE. */
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'SqlError';
  }
}

export function sqlError(errorClass: string, text: string, sqlState: string): SqlError {
  return new SqlError(`[${errorClass}] ${text} SQLSTATE: ${sqlState}`, sqlState);
}

const DUCK_SQLSTATE: Array<[RegExp, string]> = [
  [/^Parser Error/, '42601'],
  [/^Catalog Error/, '42P01'],
  [/^Binder Error/, '42703'],
  [/^Conversion Error/, '22018'],
  [/^Out of Range Error/, '22003'],
  [/^(Invalid Input|Invalid Error)/, '22023'],
  [/^INTERRUPT/i, '57014'],
];

/** Wraps whatever DuckDB (or our own code) threw into a SqlError, keeping SqlErrors as they are. */
export function toSqlError(err: unknown): SqlError {
  if (err instanceof SqlError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const state = DUCK_SQLSTATE.find(([re]) => re.test(message))?.[1] ?? 'HY000';
  return new SqlError(message, state);
}
