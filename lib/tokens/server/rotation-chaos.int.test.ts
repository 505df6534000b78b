// A fixed-seed few dozen of the randomized rotation trials (`npm run test:chaos` runs a thousand, and crashes): random
// faults at every step, then invariant 4 checked against the simulator's own tokens and secrets.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inProcessTrial, type InProcess } from '@/testing/rotation-chaos';
import { readTruth, rng, violations } from '@/testing/rotation-invariants';
import { activeServicePrincipal, createScope, startHarness, type Harness } from '@/testing/tokens-harness';

const SEED = 20261204;
const TRIALS = Number(process.env.CHAOS_TRIALS ?? 30);
let h: Harness;
let env: InProcess;

beforeAll(async () => {
  h = await startHarness();
  await createScope(h, 'chaos');
  const timeoutMs = 600;
  env = { h, ctx: h.impatient({ timeoutMs, settleMs: 1_500, confirmMs: 1_000 }), sp: await activeServicePrincipal(h), timeoutMs };
});
afterAll(async () => h?.stop());

it(`${TRIALS} rotations under random faults lose no credential, leave no orphan and no secret holding a revoked token`, async () => {
  const r = rng(SEED);
  const found: string[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const { record, faults } = await inProcessTrial(env, r, i);
    for (const v of violations(record, await readTruth({ host: h.sim.sim.url, adminToken: h.sim.workspace.adminToken }, record.secret)))
      found.push(`trial ${i} [${faults.join('; ')}]: ${v}`);
  }
  expect(found).toEqual([]);
}, 300_000);
