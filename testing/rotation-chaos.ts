// Randomized rotation trials in process (issue 10): random faults at every step, then the rotation is brought to rest
// the way an admin and the background worker would, and checked (rotation-invariants.ts). npm test runs a fixed-seed
// few dozen; `npm run test:chaos` a thousand, and the crash trials (rotation-crash.ts).
import { createOnBehalfOf, createOwnToken } from '../lib/databricks/api/tokens';
import { isDomainError } from '../lib/errors';
import { listActions } from '../lib/store/action-log';
import { findOpenRotation, getRotation } from '../lib/store/rotation-journal';
import { CONFIRMING_STATES, TERMINAL_STATES, WAITING_STATES } from '../lib/tokens/rules/rotation-machine';
import { confirmRotation, discardRotation, retryRotation, rotateToken, rotationView } from '../lib/tokens/server/rotation';
import type { RotationContext } from '../lib/tokens/server/rotation-driver';
import { advanceRotations } from '../lib/tokens/server/rotation-worker';
import type { Rng, TrialRecord } from './rotation-invariants';
import type { Harness } from './tokens-harness';

/** The upstream calls a rotation makes, as fault paths: the writes first, where a lost answer hurts most. */
const POINTS = [
  'POST /api/2.0/secrets/put',
  'POST /api/2.0/token-management/on-behalf-of/tokens',
  'DELETE /api/2.0/token-management/tokens/*',
  'POST /api/2.0/token/create',
  'POST /api/2.0/token/delete',
  'GET /api/2.0/secrets/list',
  'GET /api/2.0/token-management/tokens',
  'GET /api/2.0/token/list',
  'GET /api/2.0/token-management/tokens/*',
  'GET /api/2.0/preview/scim/v2/**',
  'GET /api/2.0/workspace-conf',
] as const;

function actions(timeoutMs: number): string[] {
  return [
    `delay:${timeoutMs * 2}`,
    'hang',
    'drop',
    '503',
    '500',
    'proxy:404',
    '404:ENDPOINT_NOT_FOUND',
    '429 retry-after=0',
    '400:INVALID_PARAMETER_VALUE',
    `delay:${Math.round(timeoutMs / 3)}`,
  ];
}

/**
 * Fault rules for trial `i`: one fault at one step, walking every (step × kind) in turn so any run of trials covers
 * the dangerous ones first (a write whose answer is lost), plus random extra faults and now and then a 429 storm.
 */
export function faultsFor(i: number, r: Rng, timeoutMs: number): string[] {
  const kinds = actions(timeoutMs);
  const combo = i % (POINTS.length * kinds.length);
  const rules = [`${POINTS[combo % POINTS.length]} -> ${kinds[Math.floor(combo / POINTS.length)]} times=1`];
  if (r.chance(0.1)) rules.push(`* /api/2.0/** -> 429 retry-after=0 p=0.5 times=${r.int(3, 12)}`);
  for (let n = r.int(0, 2); n > 0; n--)
    rules.push(`${r.pick(POINTS)} -> ${r.pick(kinds)} times=${r.int(1, 2)}${r.chance(0.3) ? ' p=0.5' : ''}`);
  return rules;
}

export interface InProcess {
  h: Harness;
  ctx: RotationContext;
  /** A service principal whose tokens are rotated on its behalf. */
  sp: { applicationId: string };
  /** The per-call timeout `ctx` uses: delay faults are sized around it. */
  timeoutMs: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One trial: a token, random faults, a rotation, then the admin and the worker bring it to rest. */
export async function inProcessTrial(env: InProcess, r: Rng, i: number): Promise<{ record: TrialRecord; faults: string[] }> {
  const { h, ctx } = env;
  const own = r.chance(0.3);
  const comment = `chaos trial ${i}`;
  const created = own
    ? await createOwnToken(h.admin.ws.rest, { lifetimeSeconds: 86_400 * 20, comment })
    : await createOnBehalfOf(h.setup, { applicationId: env.sp.applicationId, lifetimeSeconds: 86_400 * 20, comment });
  const oldTokenId = created.info.token_id;
  // Mostly into a secret (where a write may land late); a third shown once (where the admin confirms or not).
  const secret = r.chance(0.65) ? { scope: 'chaos', key: `trial-${i}` } : null;
  const faults = faultsFor(i, r, env.timeoutMs);
  if (faults.length) await h.sim.control('POST', '/faults', { spec: faults.join('; ') });
  let first: TrialRecord['first'];
  let id: string | null = null;
  try {
    const { rotation } = await rotateToken(ctx, {
      tokenId: oldTokenId,
      delivery: secret ? { kind: 'secret', ...secret } : { kind: 'reveal' },
    });
    first = { view: rotation };
    id = rotation.id;
  } catch (e) {
    first = { error: isDomainError(e) ? e.code : e instanceof Error ? e.message : String(e) };
    const open = await findOpenRotation(h.db, oldTokenId);
    id = open?.id ?? null;
  }
  await h.sim.control('DELETE', '/faults');
  // The admin's choice for a value shown once: store it, throw it away, or walk off (the deadline decides).
  const choice = r.pick(['confirm', 'discard', 'leave'] as const);
  let confirmed = false;
  const until = Date.now() + 60_000;
  for (
    let entry = id ? await getRotation(h.db, id) : null;
    entry && !TERMINAL_STATES.has(entry.state);
    entry = await getRotation(h.db, entry.id)
  ) {
    if (Date.now() > until) break;
    if (CONFIRMING_STATES.has(entry.state) && choice !== 'leave') {
      const settle = choice === 'confirm' ? confirmRotation : discardRotation;
      const view = await settle(ctx, entry.id).catch(() => null);
      confirmed ||= choice === 'confirm' && view !== null;
    } else if (WAITING_STATES.has(entry.state)) {
      await retryRotation(ctx, entry.id).catch(() => null);
    } else {
      await advanceRotations(ctx);
    }
    await pause(50);
  }
  // A delayed call may still land after the rotation came to rest (that is the point): let it, before judging.
  if (faults.some((f) => f.includes('delay:'))) await pause(env.timeoutMs * 2 + 500);
  const final = id ? await getRotation(h.db, id) : null;
  const actions = (await listActions(h.db, { target: `token:${oldTokenId}`, limit: 200 })).map((a) => `${a.action}:${a.outcome}`);
  return { record: { first, final: final ? rotationView(final) : null, oldTokenId, secret, confirmed, actions }, faults };
}
