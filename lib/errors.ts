// Domain errors: what went wrong, in words a person can act on, and which kind of trouble it is. Areas throw these;
// only the route layer (lib/api/errors.ts) turns a kind into an HTTP status. Browser-safe: no imports.

export type DomainErrorKind =
  /** The request cannot be done as asked (a bad value the schema could not see): 400. */
  | 'invalid'
  /** The object does not exist, or this identity cannot see it: 404. */
  | 'not_found'
  /** Someone else's work on the same object is in the way (a rotation in progress): 409. */
  | 'conflict'
  /** Allowed to ask, but the rules say no (a token that cannot be rotated): 422. */
  | 'refused'
  /** Databricks could not be read, so nothing was decided or changed: 503, a degraded state. */
  | 'unavailable'
  /** The action was tried and Databricks refused or failed it: 502. */
  | 'failed';

export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine code, e.g. 'TOKEN_NOT_FOUND'. */
    readonly code: string,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Structural, like isDatabricksError: an error may come from another bundle's copy of the class. */
export function isDomainError(e: unknown): e is DomainError {
  return (
    e instanceof Error &&
    e.name === 'DomainError' &&
    typeof (e as DomainError).kind === 'string' &&
    typeof (e as DomainError).code === 'string'
  );
}
