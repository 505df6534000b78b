import { describe, expect, it } from 'vitest';
import { FaultEngine } from './engine';
import { FaultSpecError, globToRegExp, parseFaultSpec } from './spec';

describe('fault SPEC', () => {
  it('parses every action and option', () => {
    expect(
      parseFaultSpec('POST /api/2.0/token/create -> drop times=1; GET /api/2.0/token-management/** -> 429 retry-after=2 p=0.5'),
    ).toEqual([
      { method: 'POST', path: '/api/2.0/token/create', action: { type: 'drop_response' }, probability: 1, times: 1 },
      {
        method: 'GET',
        path: '/api/2.0/token-management/**',
        action: { type: 'rate_limit', retryAfterSeconds: 2 },
        probability: 0.5,
        times: null,
      },
    ]);
    expect(parseFaultSpec('* /a -> 503:WORKSPACE_TEMPORARILY_UNAVAILABLE')[0]?.action).toEqual({
      type: 'status',
      status: 503,
      errorCode: 'WORKSPACE_TEMPORARILY_UNAVAILABLE',
    });
    expect(parseFaultSpec('get /a -> delay:1500')[0]).toMatchObject({ method: 'GET', action: { type: 'delay', ms: 1500 } });
    expect(parseFaultSpec('GET /a -> hang')[0]?.action).toEqual({ type: 'hang' });
    expect(parseFaultSpec(' ; ')).toEqual([]);
  });

  it('explains what is wrong', () => {
    for (const [spec, hint] of [
      ['GET /a', 'METHOD PATH -> ACTION'],
      ['FETCH /a -> 500', 'unknown method'],
      ['GET a -> 500', 'must start with /'],
      ['GET /a -> boom', 'unknown action'],
      ['GET /a -> 500 p=0', 'p must be'],
      ['GET /a -> 500 times=1.5', 'times must'],
      ['GET /a -> 200', 'status must be'],
      ['GET /a -> 500 colour=red', 'unknown option'],
      ['GET /a -> 429 retry-after=x', 'not a number'],
    ]) {
      expect(() => parseFaultSpec(spec as string), spec).toThrow(FaultSpecError);
      expect(() => parseFaultSpec(spec as string)).toThrow(hint as string);
    }
  });

  it('globs * within a segment and ** across segments', () => {
    expect(globToRegExp('/api/*/list').test('/api/secrets/list')).toBe(true);
    expect(globToRegExp('/api/*/list').test('/api/a/b/list')).toBe(false);
    expect(globToRegExp('/api/**').test('/api/a/b/list')).toBe(true);
    expect(globToRegExp('/api/2.0/x').test('/api/2x0/x')).toBe(false);
  });
});

describe('fault engine', () => {
  it('matches the first rule by method and path, counts hits and expires rules after `times`', () => {
    const engine = new FaultEngine();
    const [rule] = engine.add(parseFaultSpec('POST /a/* -> 500 times=2; * /a/** -> hang'));
    expect(engine.match('GET', '/a/b')?.action.type).toBe('hang');
    expect(engine.match('POST', '/a/b')?.ruleId).toBe(rule?.id);
    expect(engine.match('POST', '/a/b')?.action.type).toBe('status');
    expect(engine.match('POST', '/a/b')?.action.type).toBe('hang');
    expect(engine.list()).toHaveLength(1);
    expect(engine.match('GET', '/b')).toBeNull();
    expect(engine.clear()).toBe(1);
  });

  it('applies a probability with the given random source', () => {
    const rolls = [0.1, 0.9];
    const engine = new FaultEngine(() => rolls.shift() ?? 0);
    engine.add(parseFaultSpec('GET /a -> 503 p=0.5'));
    expect(engine.match('GET', '/a')).not.toBeNull();
    expect(engine.match('GET', '/a')).toBeNull();
  });
});
