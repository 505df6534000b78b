import { describe, expect, it } from 'vitest';
import { DatabricksError, errorFromResponse, isDatabricksError, parseRetryAfter, sqlStatementError } from './errors';

const h = (init: Record<string, string> = {}) => new Headers(init);

describe('errorFromResponse', () => {
  it('parses the standard shape with a RequestInfo detail', () => {
    const body = JSON.stringify({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Scope foo does not exist!',
      details: [{ '@type': 'type.googleapis.com/google.rpc.RequestInfo', request_id: 'req-42', serving_data: '' }],
    });
    const e = errorFromResponse(404, h(), body);
    expect([e.status, e.errorCode, e.message, e.requestId]).toEqual([
      404,
      'RESOURCE_DOES_NOT_EXIST',
      'Scope foo does not exist!',
      'req-42',
    ]);
  });

  it('keeps a refined code on an odd status (scope exists is 400, not 409)', () => {
    const e = errorFromResponse(400, h(), '{"error_code":"RESOURCE_ALREADY_EXISTS","message":"Scope s already exists!"}');
    expect([e.status, e.errorCode]).toEqual([400, 'RESOURCE_ALREADY_EXISTS']);
  });

  it('treats an integer error_code as absent and falls back to the status', () => {
    const e = errorFromResponse(
      403,
      h({ 'x-databricks-reason-phrase': 'Invalid access token.' }),
      '{"error_code": 403, "message": "Invalid access token."}',
    );
    expect([e.errorCode, e.message]).toEqual(['PERMISSION_DENIED', 'Invalid access token.']);
  });

  it('reads the API 1.2 {"error": "..."} shape', () => {
    const e = errorFromResponse(500, h(), '{"error":"Something broke"}');
    expect([e.errorCode, e.message]).toEqual(['INTERNAL_ERROR', 'Something broke']);
  });

  it('maps a SCIM error to SCIM_<status> and "<scimType> <detail>"', () => {
    const body = JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      detail: 'entitlements can only be managed at the workspace level',
      status: '400',
      scimType: 'invalidValue',
    });
    const e = errorFromResponse(400, h(), body);
    expect([e.errorCode, e.message]).toEqual(['SCIM_400', 'invalidValue entitlements can only be managed at the workspace level']);
  });

  it('parses plain "CODE: message" text and HTML <pre> bodies', () => {
    expect(errorFromResponse(400, h(), 'INVALID_PARAMETER_VALUE: bad thing').errorCode).toBe('INVALID_PARAMETER_VALUE');
    const html = errorFromResponse(502, h(), '<html><body><h1>Bad gateway</h1><pre>upstream &quot;x&quot; failed</pre></body></html>');
    expect([html.errorCode, html.message]).toEqual(['INTERNAL_ERROR', 'upstream "x" failed']);
  });

  it('falls back to the reason header, then the status, for bodies it cannot read', () => {
    expect(errorFromResponse(503, h({ 'x-databricks-reason-phrase': 'Service busy' }), '<html>oops</html>').message).toBe('Service busy');
    const e = errorFromResponse(429, h({ 'retry-after': '7', 'x-request-id': 'hdr-1' }), '');
    expect([e.errorCode, e.message, e.retryAfterSeconds, e.requestId]).toEqual(['REQUEST_LIMIT_EXCEEDED', 'HTTP 429', 7, 'hdr-1']);
  });
});

describe('parseRetryAfter', () => {
  it('accepts integer seconds only', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter('1.5')).toBeNull();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('isDatabricksError', () => {
  it("recognises another bundle's copy of the class, and nothing else", () => {
    // What Next's separately bundled pages and routes produce: a different class with the same name and fields.
    class OtherBundleCopy extends Error {
      constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string,
      ) {
        super(message);
        this.name = 'DatabricksError';
      }
    }
    expect(isDatabricksError(new DatabricksError(400, 'TEMPORARILY_UNAVAILABLE', 'x'))).toBe(true);
    expect(isDatabricksError(new OtherBundleCopy(400, 'TEMPORARILY_UNAVAILABLE', 'x'))).toBe(true);
    expect(isDatabricksError(new Error('DatabricksError'))).toBe(false);
    expect(isDatabricksError({ name: 'DatabricksError', status: 400, errorCode: 'X' })).toBe(false);
  });
});

describe('sqlStatementError', () => {
  const of = (m: string) => {
    const e = sqlStatementError(m);
    return [e.status, e.errorCode, e.retryAfterSeconds];
  };

  it('keeps permission and missing-object classes as 403 and 404', () => {
    expect(of('[INSUFFICIENT_PERMISSIONS] User does not have SELECT on Table `system`.`access`.`audit`.')).toEqual([
      403,
      'INSUFFICIENT_PERMISSIONS',
      null,
    ]);
    expect(of('[TABLE_OR_VIEW_NOT_FOUND] The table or view `system`.`access`.`audit` cannot be found.')).toEqual([
      404,
      'TABLE_OR_VIEW_NOT_FOUND',
      null,
    ]);
    expect(of('[NO_SUCH_CATALOG_EXCEPTION] Catalog x not found')).toEqual([404, 'NO_SUCH_CATALOG_EXCEPTION', null]);
  });

  it('reads the wait of a rate limit', () => {
    expect(of('[REQUEST_LIMIT_EXCEEDED] Too many requests. Retry after 7 seconds.')).toEqual([429, 'REQUEST_LIMIT_EXCEEDED', 7]);
  });

  it('blames the warehouse, not the request, for everything else', () => {
    expect(of('[TEMPORARILY_UNAVAILABLE] Warehouse is restarting.')).toEqual([502, 'TEMPORARILY_UNAVAILABLE', null]);
    expect(of('[PARSE_SYNTAX_ERROR] Syntax error at or near "FORM"')).toEqual([502, 'PARSE_SYNTAX_ERROR', null]);
    expect(of('something without a class')).toEqual([502, 'SQL_ERROR', null]);
    expect(of('[INVALID_PARAMETER_VALUE] limit must be positive')).toEqual([400, 'INVALID_PARAMETER_VALUE', null]);
  });
});
