import { describe, expect, it } from 'vitest';
import { decodeEventKey, encodeEventKey, microsToDate } from './cursor';
import { AuditInputError } from './range';

describe('event keys', () => {
  it('round-trip with microsecond precision intact', () => {
    const key = { micros: 1_795_774_530_123_456, eventId: '4f1c2a9e-8b7d-4e0f-9a51-3c2d1e0f9a8b' };
    const token = encodeEventKey(key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeEventKey(token)).toEqual(key);
  });

  it('keep two events in the same millisecond apart', () => {
    const a = encodeEventKey({ micros: 1_795_774_530_123_001, eventId: 'x' });
    const b = encodeEventKey({ micros: 1_795_774_530_123_002, eventId: 'x' });
    expect(a).not.toBe(b);
  });

  it.each([
    ['', 'empty'],
    ['not base64!', 'bad alphabet'],
    [Buffer.from('abc~id').toString('base64url'), 'non-numeric time'],
    [Buffer.from('123').toString('base64url'), 'no separator'],
    [Buffer.from("123~id' OR 1=1").toString('base64url'), 'bad event id'],
    [Buffer.from('99999999999999999999~id').toString('base64url'), 'unsafe integer'],
  ])('reject a tampered token (%s: %s)', (token) => {
    expect(() => decodeEventKey(token)).toThrow(AuditInputError);
  });

  it('convert microseconds to the containing millisecond', () => {
    expect(microsToDate(1_795_774_530_123_999).toISOString()).toBe('2026-11-27T10:15:30.123Z');
  });
});
