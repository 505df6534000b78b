// Command-line parsing for `npm run simulator -- [options]` (the contract in issue 2). Pure: returns options or a
// message for the person at the terminal.
import { parseArgs } from 'node:util';
import type { SimulatorOptions } from './core/contract';
import { FaultSpecError, parseFaultSpec } from './faults/spec';

export const USAGE = `Usage: npm run simulator -- [options]
  --port <n>             HTTPS port (default 8443; 0 = any free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --state-dir <dir>      where the database, CA and workspace.json live (default .simulator)
  --scale demo|large     size of the seeded estate (default demo)
  --seed <n>             seed of the deterministic estate (default 42)
  --reset                throw the state away and seed again
  --latency-ms <n>       added to every request (default 0)
  --faults <SPEC>        fault rules, e.g. "GET /api/2.0/token-management/** -> 429 retry-after=2 times=3"
  --oauth-token-ttl <s>  lifetime of OAuth access tokens in seconds (default 3600)
  --help                 show this help`;

export type CliResult = { ok: true; options: SimulatorOptions } | { ok: false; message: string; help?: boolean };

export function parseCli(argv: string[]): CliResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'state-dir': { type: 'string' },
        scale: { type: 'string' },
        seed: { type: 'string' },
        reset: { type: 'boolean' },
        'latency-ms': { type: 'string' },
        faults: { type: 'string' },
        'oauth-token-ttl': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    return { ok: false, message: `${(e as Error).message.split('\n')[0]} Run with --help to see the options.` };
  }
  if (values.help) return { ok: false, message: USAGE, help: true };
  const int = (name: string, fallback: number, min: number, max: number): number | string => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max
      ? n
      : `--${name} must be a whole number from ${min} to ${max} (got "${String(raw)}").`;
  };
  const port = int('port', 8443, 0, 65535);
  const seed = int('seed', 42, 0, 2 ** 31 - 1);
  const latencyMs = int('latency-ms', 0, 0, 600_000);
  const ttl = int('oauth-token-ttl', 3600, 1, 86_400 * 30);
  for (const v of [port, seed, latencyMs, ttl]) if (typeof v === 'string') return { ok: false, message: v };
  const scale = (values.scale as string | undefined) ?? 'demo';
  if (scale !== 'demo' && scale !== 'large') return { ok: false, message: `--scale must be demo or large (got "${scale}").` };
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  if (!host.trim()) return { ok: false, message: '--host must not be empty.' };
  const faults = values.faults as string | undefined;
  if (faults !== undefined) {
    try {
      parseFaultSpec(faults);
    } catch (e) {
      if (e instanceof FaultSpecError) return { ok: false, message: `--faults: ${e.message}` };
      throw e;
    }
  }
  return {
    ok: true,
    options: {
      port: port as number,
      host,
      stateDir: (values['state-dir'] as string | undefined) ?? '.simulator',
      scale,
      seed: seed as number,
      reset: values.reset === true,
      latencyMs: latencyMs as number,
      faults,
      oauthTokenTtlSeconds: ttl as number,
    },
  };
}
