// Crash trials (issue 10): a production build rotating through its HTTP API while a slow upstream step is in flight,
// then killed with SIGKILL (and restarted on the same store) or hung up on by its client. Afterwards the restarted
// app's own worker, and the admin through the API, bring the rotation to rest, and invariant 4 is checked against the
// simulator (testing/rotation-chaos.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { request, type APIRequestContext } from '@playwright/test';
import { retryResponseSchema, rotateResponseSchema, rotationsResponseSchema, type RotationView } from '../lib/tokens/contract';
import { activityResponseSchema } from '../lib/activity/contract';
import { startApp, type AppServer } from './app-server';
import type { Rng, TrialRecord, TruthSource } from './rotation-invariants';
import type { TestSimulator } from './simulator';

export interface CrashEnv {
  sim: TestSimulator;
  /** The simulator and its admin's PAT: tokens are made and the truth is read there. */
  truth: TruthSource;
  /** A service principal whose tokens the app rotates on its behalf. */
  sp: { applicationId: string };
  admin: string;
  logDir: string;
  /** The secret scope deliveries go to (default 'chaos'). */
  scope?: string;
}

/** One app on one store that survives restarts: same data directory, same session secret, same port. */
export class CrashApp {
  private app: AppServer | null = null;
  private starts = 0;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'brickwatch-crash-data-'));
  private readonly secret = randomBytes(32).toString('base64');
  api: APIRequestContext | null = null;

  constructor(private readonly env: CrashEnv) {}

  async start(): Promise<void> {
    this.app = await startApp({
      workspace: this.env.sim.workspace,
      mode: 'service',
      port: this.app ? Number(new URL(this.app.url).port) : undefined,
      logFile: join(this.env.logDir, `crash-app-${++this.starts}.log`),
      extraEnv: {
        BRICKWATCH_DATA_DIR: this.dataDir,
        NEXTAUTH_SECRET: this.secret,
        BRICKWATCH_UPSTREAM_TIMEOUT_MS: '1000',
        BRICKWATCH_ROTATION_SETTLE_SECONDS: '2',
        BRICKWATCH_ROTATION_CONFIRM_SECONDS: '3',
        BRICKWATCH_LOG_LEVEL: 'warn',
      },
    });
    if (!this.api) {
      this.api = await request.newContext({ baseURL: this.app.url, extraHTTPHeaders: { Origin: this.app.url } });
      await signIn(this.api, this.env.admin);
    }
  }

  /** SIGKILL: no shutdown hook, no last journal write, the lease left to a dead holder. */
  async kill(): Promise<void> {
    const child = this.app!.process;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
  }

  async stop(): Promise<void> {
    await this.api?.dispose();
    await this.app?.stop();
  }
}

async function signIn(api: APIRequestContext, userName: string): Promise<void> {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await api.post(`/api/auth/signin/databricks?login_hint=${encodeURIComponent(userName)}`, {
    form: { csrfToken, callbackUrl: '/' },
    maxRedirects: 10,
  });
  if (!res.ok()) throw new Error(`sign-in as ${userName} failed (HTTP ${res.status()})`);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Slow steps to interrupt: each holds the rotation mid-flight long enough to kill it there. */
const SLOW_STEPS = [
  'POST /api/2.0/secrets/put -> delay:2500',
  'POST /api/2.0/secrets/put -> hang',
  'POST /api/2.0/token-management/on-behalf-of/tokens -> delay:2500',
  'DELETE /api/2.0/token-management/tokens/* -> delay:2500',
  'GET /api/2.0/secrets/list -> delay:2500',
  'GET /api/2.0/token-management/tokens -> delay:2500',
];

/** A token of the service principal, made with the simulator admin's PAT. */
async function spToken(env: CrashEnv, comment: string): Promise<string> {
  const res = await fetch(`${env.truth.host}/api/2.0/token-management/on-behalf-of/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.truth.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ application_id: env.sp.applicationId, lifetime_seconds: 86_400 * 20, comment }),
  });
  return ((await res.json()) as { token_info: { token_id: string } }).token_info.token_id;
}

async function rotations(app: CrashApp): Promise<RotationView[]> {
  const res = await app.api!.get('/api/tokens/rotations');
  return rotationsResponseSchema.parse(await res.json()).rotations;
}

export interface CrashScenario {
  /** A fault rule that holds one step in flight. */
  step: string;
  /** SIGKILL the app (then restart it), or only abort the client's request. */
  kill: boolean;
  /** When, after the rotate request was sent. */
  at: number;
  /** Deliver into this trial's own secret, or show once. */
  toSecret: boolean;
  /** What the admin does with a value shown once that reached them. */
  choice: 'confirm' | 'discard' | 'leave';
}

/** A random scenario for crash trial `i` (the slow step walks SLOW_STEPS in turn). */
export function randomScenario(r: Rng, i: number): CrashScenario {
  return {
    step: SLOW_STEPS[i % SLOW_STEPS.length]!,
    kill: r.chance(0.6),
    at: r.int(200, 2_300),
    toSecret: r.chance(0.6),
    choice: r.pick(['confirm', 'discard', 'leave'] as const),
  };
}

export function crashTrial(env: CrashEnv, app: CrashApp, r: Rng, i: number): Promise<{ record: TrialRecord; how: string }> {
  return runCrash(env, app, i, randomScenario(r, i));
}

export async function runCrash(env: CrashEnv, app: CrashApp, i: number, sc: CrashScenario): Promise<{ record: TrialRecord; how: string }> {
  const old = await spToken(env, `crash trial ${i}`);
  const secret = sc.toSecret ? { scope: env.scope ?? 'chaos', key: `crash-${i}` } : null;
  const { step, kill, at } = sc;
  const how = `${kill ? 'kill -9' : 'client hangs up'} at ${at} ms during "${step}"`;
  await env.sim.control('POST', '/faults', { spec: `${step} times=1` });
  const body = { delivery: secret ? { kind: 'secret', ...secret } : { kind: 'reveal' } };
  const answer = app.api!.post(`/api/tokens/${old}/rotate`, { data: body, timeout: kill ? 60_000 : at }).then(
    async (res) => (res.ok() ? rotateResponseSchema.parse(await res.json()) : { error: `HTTP ${res.status()}` }),
    () => ({ error: 'no answer' }),
  );
  if (kill) {
    await pause(at);
    await app.kill();
  }
  const first = await answer;
  await env.sim.control('DELETE', '/faults');
  if (kill) await app.start();
  // The admin holds the value only if the answer reached them; then they confirm, discard or walk away.
  const haveValue = 'rotation' in first && first.value !== undefined;
  // Without the value in hand nobody can truthfully say "I have stored it".
  const choice = haveValue || sc.choice !== 'confirm' ? sc.choice : 'leave';
  let confirmed = false;
  let final: RotationView | undefined;
  for (const until = Date.now() + 90_000; Date.now() < until; await pause(300)) {
    final = (await rotations(app)).find((x) => x.tokenId === old);
    if (!final || ['completed', 'rolled_back', 'failed'].includes(final.state)) break;
    const act =
      final.outcome.retry === 'confirm'
        ? choice === 'leave'
          ? null
          : choice
        : final.outcome.status === 'needs_attention' || final.outcome.status === 'partial'
          ? 'retry'
          : null;
    if (act) {
      const res = await app.api!.post(`/api/tokens/rotations/${final.id}/${act}`, { data: {} });
      if (res.ok() && act === 'confirm') confirmed = retryResponseSchema.safeParse(await res.json()).success;
    }
  }
  // A delayed call may still land after the rotation came to rest: let it, before judging.
  await pause(3_000);
  final = (await rotations(app)).find((x) => x.tokenId === old);
  const activity = activityResponseSchema.parse(await (await app.api!.get(`/api/activity?actor=${encodeURIComponent(env.admin)}`)).json());
  const system = activityResponseSchema.parse(await (await app.api!.get('/api/activity?actor=brickwatch')).json());
  const actions = [...activity.entries, ...system.entries]
    .filter((e) => e.target === `token:${old}`)
    .map((e) => `${e.action}:${e.outcome}`);
  return {
    record: {
      first: 'rotation' in first ? { view: first.rotation } : first,
      final: final ?? null,
      oldTokenId: old,
      secret,
      confirmed,
      actions,
    },
    how,
  };
}
