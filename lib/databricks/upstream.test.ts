import { describe, expect, it } from 'vitest';
import { DatabricksError } from './errors';
import { isDefiniteRefusal, isForbidden, upstreamReason, upstreamRequestId } from './upstream';

/** What an error thrown by another bundle's copy of the class looks like from here. */
class ForeignDatabricksError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'DatabricksError';
  }
}

describe('upstream errors', () => {
  it('reads errors from either copy of DatabricksError', () => {
    for (const e of [
      new DatabricksError(403, 'PERMISSION_DENIED', 'no', 'r1'),
      new ForeignDatabricksError(403, 'PERMISSION_DENIED', 'no', 'r1'),
    ]) {
      expect(isForbidden(e)).toBe(true);
      expect(upstreamReason(e)).toBe('HTTP 403 PERMISSION_DENIED: no');
      expect(upstreamRequestId(e)).toBe('r1');
    }
  });

  it('shows one status: a SQL error class speaks for itself, without the status Brickwatch classified it as', () => {
    expect(upstreamReason(new DatabricksError(502, 'INTERNAL_ERROR', '[INTERNAL_ERROR] Injected failure (status 500).'))).toBe(
      '[INTERNAL_ERROR] Injected failure (status 500).',
    );
    expect(upstreamReason(new DatabricksError(500, 'INTERNAL_ERROR', 'Internal error. Please try again later.'))).toBe(
      'HTTP 500 INTERNAL_ERROR: Internal error. Please try again later.',
    );
  });

  it('tells refused and unknown outcomes apart', () => {
    expect(isDefiniteRefusal(new DatabricksError(400, 'QUOTA_EXCEEDED', 'x'))).toBe(true);
    expect(isDefiniteRefusal(new DatabricksError(503, 'TEMPORARILY_UNAVAILABLE', 'x'))).toBe(false);
    expect(isDefiniteRefusal(new DatabricksError(0, 'TIMEOUT', 'x'))).toBe(false);
  });

  it('says nothing specific about errors that are not from Databricks, and masks token-shaped text', () => {
    expect(upstreamReason(new TypeError('dapi0123456789abcdef0123456789abcdef leaked'))).toBe('an unexpected error (see the server log)');
    expect(upstreamReason(new DatabricksError(400, 'BAD', 'value dapi0123456789abcdef0123456789abcdef'))).toBe(
      'HTTP 400 BAD: value dapi[redacted]',
    );
    expect(isForbidden({ name: 'DatabricksError', status: 403 })).toBe(false);
  });
});
