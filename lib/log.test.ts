import { describe, expect, it } from 'vitest';
import { createLogger, redact, redactText, requestIdFrom } from './log';

describe('redaction', () => {
  it('masks token-shaped text wherever it appears', () => {
    const text = 'GET /x?token=abc&code=xyz failed: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig dapi0123456789abcdef0123456789abcdef';
    const out = redactText(text);
    expect(out).not.toMatch(/abc&|xyz|eyJhbGci|0123456789abcdef/);
    expect(out).toContain('token=[redacted]');
    expect(out).toContain('Bearer [redacted]');
    expect(out).toContain('dapi[redacted]');
  });

  it('replaces sensitive keys at any depth and keeps the rest', () => {
    const out = redact({
      user: 'ann@example.com',
      headers: { Authorization: 'Bearer x', accept: 'json' },
      body: { token_value: 'dapiabc', count: 2, refresh_token: 'r' },
    });
    expect(out).toEqual({
      user: 'ann@example.com',
      headers: { Authorization: '[redacted]', accept: 'json' },
      body: { token_value: '[redacted]', count: 2, refresh_token: '[redacted]' },
    });
  });

  it('serialises errors without their stack and survives cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const err = Object.assign(new Error('upstream said Bearer abc.def'), { status: 503 });
    expect(redact({ err, cyclic })).toEqual({
      err: { name: 'Error', message: 'upstream said Bearer [redacted]', status: 503 },
      cyclic: { a: 1, self: '[truncated]' },
    });
  });
});

describe('createLogger', () => {
  it('writes one JSON line per event with the base fields and respects the level', () => {
    const lines: string[] = [];
    const logger = createLogger({ service: 't' }, (l) => lines.push(l), 'info').child({ requestId: 'r-123456789' });
    logger.debug('hidden');
    logger.info('request', { status: 200, cookie: 'next-auth.session-token=abc' });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({
      level: 'info',
      msg: 'request',
      service: 't',
      requestId: 'r-123456789',
      status: 200,
      cookie: '[redacted]',
    });
    expect(typeof record.time).toBe('string');
  });
});

describe('requestIdFrom', () => {
  it('reuses a well-formed inbound id and replaces a malformed one', () => {
    expect(requestIdFrom(new Headers({ 'x-request-id': 'abc-12345678' }))).toBe('abc-12345678');
    expect(requestIdFrom(new Headers({ 'x-request-id': 'bad id {"level":"error"}' }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
