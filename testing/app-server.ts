// Starts the production build (`next start`) for a test, wired to a simulator, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkspaceFile } from '../simulator/core/contract';
import { appEnv } from './simulator';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  /** The app's data directory (its SQLite store), for tests that search what it wrote. */
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const NEXT_BIN = join(__dirname, '..', 'node_modules', 'next', 'dist', 'bin', 'next');

/** Spawns `next start`; resolves when /api/health answers, rejects with the server's output if it exits first. */
export async function startApp(opts: {
  workspace: WorkspaceFile;
  mode: 'service' | 'user';
  port?: number;
  logFile: string;
  extraEnv?: Record<string, string>;
}): Promise<AppServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'brickwatch-e2e-data-'));
  const env = {
    ...process.env,
    ...appEnv(opts.workspace, opts.mode, url, dataDir),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    // Production requires the action log's key from configuration (instances sharing a store pass the same one).
    BRICKWATCH_ACTION_LOG_KEY: randomBytes(32).toString('base64'),
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    ...opts.extraEnv,
  };
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(opts.logFile);
  let output = '';
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    if (output.length < 20_000) output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`next start exited (${code}) before it was ready:\n${output}`))),
  );
  const ready = (async () => {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`next start did not answer /api/health within 60 s:\n${output}`);
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          log.end();
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
