// A real Postgres server for tests: Debian's `postgresql` binaries (or BRICKWATCH_TEST_PG_BIN), a throwaway cluster
// on a free loopback port, stopped again afterwards. initdb runs once per machine into a cached template that each run
// copies (half a second instead of three). initdb and postgres refuse to run as root, and CI runs as root, so there
// they run as `nobody`. BRICKWATCH_TEST_DATABASE_URL points the tests at a server of your own instead (a superuser on a
// throwaway server: the tests create schemas and switch triggers off to tamper).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** postgres://… of a superuser on the server's maintenance database. */
  url: string;
  stop(): Promise<void>;
}

const ROOT = path.join(__dirname, '..');
const AS_ROOT = process.getuid?.() === 0;
const UNPRIVILEGED = 'nobody';
// Where `nobody` can reach (a root-only TMPDIR would keep postgres from its own data directory).
const TMP = AS_ROOT ? '/tmp' : os.tmpdir();

function binDir(): string {
  const configured = process.env.BRICKWATCH_TEST_PG_BIN;
  if (configured) return configured;
  const debian = '/usr/lib/postgresql';
  const versions = fs.existsSync(debian)
    ? fs
        .readdirSync(debian)
        .filter((v) => fs.existsSync(path.join(debian, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(debian, versions[0], 'bin');
  try {
    return path.dirname(execFileSync('sh', ['-c', 'command -v postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error(
      'The store tests need a Postgres server: install Debian\'s "postgresql" package (apt-get install postgresql), put ' +
        'postgres/initdb on PATH, set BRICKWATCH_TEST_PG_BIN to their directory, or set BRICKWATCH_TEST_DATABASE_URL.',
    );
  }
}

/** Runs a Postgres binary, as `nobody` when we are root. */
function command(bin: string, args: string[]): [string, string[]] {
  return AS_ROOT ? ['runuser', ['-u', UNPRIVILEGED, '--', bin, ...args]] : [bin, args];
}

function giveAway(dir: string): void {
  if (AS_ROOT) execFileSync('chown', ['-R', `${UNPRIVILEGED}:`, dir]);
}

/** The initdb'ed cluster every run starts from, made once per machine and Postgres version. */
function template(bin: string): string {
  const version = execFileSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).replace(/\D+/g, '-').replace(/^-|-$/g, '');
  const cache = path.join(ROOT, 'node_modules', '.cache', 'brickwatch-postgres');
  const done = path.join(cache, `template-${version}`);
  if (fs.existsSync(path.join(done, 'PG_VERSION'))) return done;
  fs.mkdirSync(cache, { recursive: true });
  const building = fs.mkdtempSync(path.join(TMP, 'bw-pg-initdb-'));
  giveAway(building);
  const data = path.join(building, 'data');
  const [cmd, args] = command(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'brickwatch',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  execFileSync(cmd, args, { stdio: 'pipe' });
  // Another run may have finished first: keep whichever template landed.
  try {
    fs.renameSync(data, done);
  } catch {
    if (!fs.existsSync(path.join(done, 'PG_VERSION'))) execFileSync('cp', ['-a', data, done]);
  }
  fs.rmSync(building, { recursive: true, force: true });
  return done;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, exited: () => string | null): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const gone = exited();
    if (gone !== null) throw new Error(`postgres exited before it was ready:\n${gone}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('postgres did not accept connections within 15 s');
}

export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.BRICKWATCH_TEST_DATABASE_URL) return { url: process.env.BRICKWATCH_TEST_DATABASE_URL, stop: async () => undefined };
  const bin = binDir();
  const run = fs.mkdtempSync(path.join(TMP, 'bw-pg-'));
  const data = path.join(run, 'data');
  execFileSync('cp', ['-a', template(bin), data]);
  giveAway(run);
  const port = await freePort();
  // Durability is not what these tests are about: no fsync keeps a 2-core CI machine fast.
  const [cmd, args] = command(path.join(bin, 'postgres'), [
    ...['-D', data, '-p', String(port), '-k', run, '-c', 'listen_addresses=127.0.0.1'],
    ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => {
    if (output.length < 20_000) output += c.toString();
  });
  const url = `postgres://brickwatch@127.0.0.1:${port}/postgres`;
  let stop = async () => {
    // The postmaster itself (runuser may not pass the signal on): SIGINT is Postgres' fast shutdown.
    const pidFile = path.join(data, 'postmaster.pid');
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 200; i++) {
          process.kill(pid, 0);
          await new Promise((r) => setTimeout(r, 50));
        }
      } catch {
        // gone
      }
    }
    fs.rmSync(run, { recursive: true, force: true });
  };
  // If the test process dies without stopping it, the server goes too (the exit hook must be synchronous).
  const onExit = () => {
    const pidFile = path.join(data, 'postmaster.pid');
    if (fs.existsSync(pidFile)) process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
  };
  process.once('exit', onExit);
  const stopped = stop;
  stop = async () => {
    process.off('exit', onExit);
    await stopped();
  };
  try {
    await waitUntilReady(url, () => (child.exitCode === null ? null : output));
  } catch (e) {
    child.kill('SIGKILL');
    fs.rmSync(run, { recursive: true, force: true });
    throw e;
  }
  return { url, stop };
}
