// `npm run test:chaos [-- --trials 1000 --crashes 50 --seed 1]`: randomized rotation trials (issue 10).
// - In process: a rotation under random faults at every step (create, secret put, revoke, lookups, delays past the
//   timeout, hangs, drops, 429 storms), then brought to rest by the admin and the background worker.
// - Crashes: a production build rotating over HTTP, killed with SIGKILL mid-step (and restarted on its store) or hung
//   up on by its client; its own worker and the admin finish the rotation.
// After each: no working credential lost, no orphan token, no secret holding a revoked token, every attempt in the
// action log, every incomplete outcome visible with the action that finishes it. Exits non-zero on any violation.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchArg, recordMetrics, runBench } from '../scripts/lib/bench-metrics';
import { deleteToken, listAllTokens } from '../lib/databricks/api/tokens';
import { ensureBuild } from '../scripts/lib/build';
import { inProcessTrial } from '../testing/rotation-chaos';
import { readTruth, rng, violations, type TrialRecord } from '../testing/rotation-invariants';
import { CrashApp, crashTrial, type CrashEnv } from '../testing/rotation-crash';
import { activeServicePrincipal, createScope, startHarness, type Harness } from '../testing/tokens-harness';

const TRIALS = Number(benchArg('trials', '1000'));
const truthOf = (h: Harness) => ({ host: h.sim.sim.url, adminToken: h.sim.workspace.adminToken });
const CRASHES = Number(benchArg('crashes', '50'));
const SEED = Number(benchArg('seed', String(Date.now() % 1_000_000)));
const ROOT = join(__dirname, '..');
const DIST_DIR = process.env.BRICKWATCH_DIST_DIR || '.next-e2e';

interface Tally {
  runs: number;
  states: Map<string, number>;
  found: string[];
  seconds: number;
}

function judge(t: Tally, label: string, record: TrialRecord, truth: Awaited<ReturnType<typeof readTruth>>) {
  t.runs++;
  const state = record.final?.state ?? `refused (${'error' in record.first ? record.first.error : '?'})`;
  t.states.set(state, (t.states.get(state) ?? 0) + 1);
  for (const v of violations(record, truth)) t.found.push(`${label}: ${v}`);
}

function summary(name: string, t: Tally): string {
  const states = [...t.states].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`);
  return `${name}: ${t.runs} trials in ${t.seconds.toFixed(0)} s, ${t.found.length} violations; ended ${states.join(', ')}\n`;
}

async function inProcess(seed: number): Promise<Tally> {
  process.env.BRICKWATCH_LOG_LEVEL ??= 'error';
  const h = await startHarness();
  const started = Date.now();
  const tally: Tally = { runs: 0, states: new Map(), found: [], seconds: 0 };
  try {
    await createScope(h, 'chaos');
    const timeoutMs = 600;
    const env = { h, ctx: h.impatient({ timeoutMs, settleMs: 1_500, confirmMs: 1_000 }), sp: await activeServicePrincipal(h), timeoutMs };
    const r = rng(seed);
    for (let i = 0; i < TRIALS; i++) {
      const { record, faults } = await inProcessTrial(env, r, i);
      judge(tally, `trial ${i} [${faults.join('; ')}]`, record, await readTruth(truthOf(h), record.secret));
      if ((i + 1) % 50 === 0) process.stdout.write(`  ${i + 1}/${TRIALS} in-process trials, ${tally.found.length} violations\n`);
      if ((i + 1) % 100 === 0) await revokeJudgedTrialTokens(h);
    }
  } finally {
    tally.seconds = (Date.now() - started) / 1000;
    await h.stop();
  }
  return tally;
}

/**
 * Every trial leaves a working token behind (the old one, or its replacement), and Databricks allows 600 tokens per
 * owner: once judged, they are revoked, a hundred trials at a time.
 */
async function revokeJudgedTrialTokens(h: Harness): Promise<void> {
  const left = (await listAllTokens(h.setup)).filter((t) => t.comment?.startsWith('chaos trial '));
  for (const t of left) await deleteToken(h.setup, t.token_id);
}

async function crashes(seed: number): Promise<Tally> {
  await ensureBuild(DIST_DIR);
  process.env.BRICKWATCH_DIST_DIR = DIST_DIR;
  const h = await startHarness();
  const logDir = join(ROOT, 'test-results', 'chaos');
  mkdirSync(logDir, { recursive: true });
  const env: CrashEnv = {
    sim: h.sim,
    truth: truthOf(h),
    sp: await activeServicePrincipal(h),
    admin: h.admin.userName,
    logDir,
  };
  await createScope(h, 'chaos');
  const app = new CrashApp(env);
  const started = Date.now();
  const tally: Tally = { runs: 0, states: new Map(), found: [], seconds: 0 };
  try {
    await app.start();
    const r = rng(seed + 1);
    for (let i = 0; i < CRASHES; i++) {
      const { record, how } = await crashTrial(env, app, r, i);
      judge(tally, `crash ${i} (${how})`, record, await readTruth(env.truth, record.secret));
      if ((i + 1) % 10 === 0) process.stdout.write(`  ${i + 1}/${CRASHES} crash trials, ${tally.found.length} violations\n`);
    }
  } finally {
    tally.seconds = (Date.now() - started) / 1000;
    await app.stop();
    await h.stop();
  }
  return tally;
}

runBench(__filename, async () => {
  process.stdout.write(`rotation chaos: seed ${SEED}, ${TRIALS} in-process trials, ${CRASHES} crash trials\n`);
  const a = await inProcess(SEED);
  process.stdout.write(summary('in process', a));
  const b = await crashes(SEED);
  process.stdout.write(summary('crashes', b));
  recordMetrics('rotation-chaos', [
    {
      label: `in-process rotations under random faults (seed ${SEED})`,
      value: a.runs,
      unit: 'trials',
      target: 1_000,
      lowerIsBetter: false,
    },
    { label: 'violations in process', value: a.found.length, unit: '' },
    { label: 'in-process time', value: a.seconds / 60, unit: 'min', target: 60 },
    { label: 'rotations killed (SIGKILL) or hung up on, then recovered', value: b.runs, unit: 'trials', target: 50, lowerIsBetter: false },
    { label: 'violations after crashes', value: b.found.length, unit: '' },
    { label: 'crash trials time', value: b.seconds / 60, unit: 'min' },
  ]);
  for (const v of [...a.found, ...b.found]) process.stdout.write(`VIOLATION ${v}\n`);
  if (a.found.length + b.found.length > 0) throw new Error(`${a.found.length + b.found.length} violations`);
});
