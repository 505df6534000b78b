import { describe, expect, it } from 'vitest';
import { DatabricksError } from '@/lib/databricks/errors';
import { failure } from './health';

describe('connection health failures', () => {
  it('redact token-shaped text in the upstream message before it reaches the browser', () => {
    const e = new DatabricksError(
      403,
      'PERMISSION_DENIED',
      'Token dapi0123456789abcdef0123456789abcdef is not allowed (Bearer eyJhbGciOi.eyJzdWIiOi.sig)',
    );
    const result = failure(e, 12);
    expect(result).toMatchObject({ ok: false, errorCode: 'PERMISSION_DENIED' });
    const text = JSON.stringify(result);
    expect(text).not.toContain('0123456789abcdef0123456789abcdef');
    expect(text).not.toContain('eyJzdWIiOi');
    expect(text).toContain('HTTP 403 PERMISSION_DENIED: Token dapi[redacted]');
  });

  it('say nothing specific about errors that are not from Databricks', () => {
    expect(failure(new TypeError('secret at /etc/x'), 1)).toMatchObject({
      errorCode: 'INTERNAL',
      error: expect.not.stringContaining('/etc'),
    });
  });
});
