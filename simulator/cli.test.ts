import { describe, expect, it } from 'vitest';
import { parseCli } from './cli';

describe('command line', () => {
  it('has the documented defaults', () => {
    expect(parseCli([])).toEqual({
      ok: true,
      options: {
        port: 8443,
        host: '127.0.0.1',
        stateDir: '.simulator',
        scale: 'demo',
        seed: 42,
        reset: false,
        latencyMs: 0,
        faults: undefined,
        oauthTokenTtlSeconds: 3600,
      },
    });
  });

  it('reads every flag', () => {
    const r = parseCli([
      '--port',
      '0',
      '--host',
      'localhost',
      '--state-dir',
      '/tmp/x',
      '--scale',
      'large',
      '--seed',
      '7',
      '--reset',
      '--latency-ms',
      '25',
      '--faults',
      'GET /a -> 500',
      '--oauth-token-ttl',
      '5',
    ]);
    expect(r).toEqual({
      ok: true,
      options: {
        port: 0,
        host: 'localhost',
        stateDir: '/tmp/x',
        scale: 'large',
        seed: 7,
        reset: true,
        latencyMs: 25,
        faults: 'GET /a -> 500',
        oauthTokenTtlSeconds: 5,
      },
    });
  });

  it('explains bad flags in one message', () => {
    const cases: Array<[string[], string]> = [
      [['--bogus'], "Unknown option '--bogus'"],
      [['--port', 'x'], '--port must be a whole number'],
      [['--port', '70000'], '--port'],
      [['--scale', 'huge'], '--scale must be demo or large'],
      [['--faults', 'nope'], '--faults:'],
      [['--latency-ms', '-1'], '--latency-ms'],
      [['extra'], 'Unexpected argument'],
    ];
    for (const [argv, text] of cases) {
      const r = parseCli(argv);
      expect(r.ok, argv.join(' ')).toBe(false);
      if (!r.ok) expect(r.message).toContain(text);
    }
  });
});
