// `npm run demo [-- --reset] [--sim-port 8443]`: the dashboard against the offline workspace simulator, one command.
// Builds if the sources changed (in parallel with starting the simulator), starts the simulator with its state in
// .simulator/ (kept across runs; --reset re-seeds), then `next start` on http://localhost:3000 in service identity
// mode as the simulator's service principal, and prints who to sign in as. Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { RunningSimulator } from '../simulator/core/contract';
import { startSimulator } from '../simulator/server';
import { roleFromGroups } from '../lib/roles';
import { ensureBuild } from './lib/build';
import { appEnv } from '../testing/simulator';

const ROOT = join(__dirname, '..');
const STATE_DIR = join(ROOT, '.simulator');
const DATA_DIR = join(ROOT, '.data');
const PORT = Number(process.env.PORT ?? 3000);
const APP_URL = `http://localhost:${PORT}`;
const started = Date.now();
const say = (line: string) => process.stdout.write(`${line}\n`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

/** Generated once and kept (mode 600), so demo sessions survive a restart. */
function nextAuthSecret(): string {
  return keptSecret('demo-nextauth-secret');
}

/**
 * The action log's key, kept beside the data it protects: demo only. In production it comes from configuration
 * (BRICKWATCH_ACTION_LOG_KEY), away from the database, so that database access alone cannot re-chain the log.
 */
function actionLogKey(): string {
  return keptSecret('demo-action-log-key');
}

function keptSecret(name: string): string {
  const file = join(DATA_DIR, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  if (!(await portFree(PORT, '127.0.0.1')))
    throw new Error(`Port ${PORT} is in use. Stop whatever uses it, or run PORT=3001 npm run demo.`);
  const reset = process.argv.includes('--reset');
  const askedSimPort = process.argv.indexOf('--sim-port') >= 0 ? Number(process.argv[process.argv.indexOf('--sim-port') + 1]) : 8443;
  say('Starting the Brickwatch demo…');
  const simPort = (await portFree(askedSimPort, '127.0.0.1')) ? askedSimPort : 0;
  const [, sim] = await Promise.all([
    ensureBuild('.next', (l) => say(`  ${l}`), 'ignore'),
    startSimulator({ port: simPort, host: '127.0.0.1', stateDir: STATE_DIR, scale: 'demo', seed: 42, reset, latencyMs: 0 }).then((s) => {
      say(`  Simulator ready at ${s.url} (${elapsed()})`);
      return s;
    }),
  ]);

  const env = {
    ...process.env,
    ...appEnv(sim.workspace, 'service', APP_URL, DATA_DIR),
    NEXTAUTH_SECRET: nextAuthSecret(),
    BRICKWATCH_ACTION_LOG_KEY: actionLogKey(),
    // The simulator's self-signed CA, trusted by the app's REST client, OAuth client and SQL driver alike.
    NODE_EXTRA_CA_CERTS: sim.workspace.caCertPath,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABRICKS_TELEMETRY_DISABLED: '1',
  };
  const app = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', 'localhost', '-p', String(PORT)],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = installShutdown(app, sim);
  app.stdout!.on('data', (chunk: Buffer) => {
    // The app's JSON request log is for operators; the demo terminal shows warnings and errors only.
    for (const line of chunk.toString().split('\n'))
      if (line.trim() && !/"level":"(info|debug)"/.test(line) && !/^\s*(▲|-|✓)/.test(line)) say(line);
  });
  app.once('exit', (code) => {
    say(`The app stopped (exit ${code}).`);
    void stop(code ?? 1);
  });

  await waitForLogin();
  banner(sim);
}

async function waitForLogin(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${APP_URL}/login`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The app did not answer within 60 s.');
}

function banner(sim: RunningSimulator): void {
  const groups = { admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] };
  const rows = sim.workspace.people.map((p) => ({
    role: roleFromGroups(p.groups, groups) ?? 'no role (sees "not authorized")',
    who: `${p.displayName} <${p.userName}>`,
  }));
  say('');
  say(`  Brickwatch is running at ${APP_URL}  (ready in ${elapsed()})`);
  say('');
  say("  Sign in with Databricks, then pick a person on the simulator's sign-in page:");
  for (const r of rows) say(`    ${r.role.padEnd(34)} ${r.who}`);
  say('');
  say(`  Brickwatch acts as the simulator's service principal ${sim.workspace.servicePrincipal.applicationId} (a workspace admin),`);
  say('  so every role sees the whole estate; what each role may do is decided by Brickwatch.');
  say('');
  say('  Press Ctrl-C to stop.');
}

function installShutdown(app: ChildProcess, sim: RunningSimulator): (code: number) => Promise<void> {
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 50));
    }
    await sim.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => {
    say('\nStopping…');
    void stop(0);
  });
  process.on('SIGTERM', () => void stop(0));
  return stop;
}

main().catch((e: unknown) => {
  process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
