// Randomized rotation trials (issue 10): random faults at every step, then the rotation is brought to rest the way an
// admin and the background worker would, and DESIGN.md invariant 4 is checked against the simulator's own tokens and
// secrets. Shared by the in-process trials (npm test runs a fixed-seed few dozen; `npm run test:chaos` a thousand)
// and by the crash trials, which drive a production build over HTTP and kill it.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { createOnBehalfOf, createOwnToken, listAllTokens, type TokenInfo } from '../lib/databricks/api/tokens';
import type { RestClient } from '../lib/databricks/rest-client';
import { isDomainError } from '../lib/errors';
import { listActions } from '../lib/store/action-log';
import { findOpenRotation, getRotation } from '../lib/store/rotation-journal';
import type { RotationView } from '../lib/tokens/contract';
import { CONFIRMING_STATES, TERMINAL_STATES, WAITING_STATES } from '../lib/tokens/rules/rotation-machine';
import { confirmRotation, discardRotation, retryRotation, rotateToken, rotationView } from '../lib/tokens/server/rotation';
import type { RotationContext } from '../lib/tokens/server/rotation-driver';
import { advanceRotations } from '../lib/tokens/server/rotation-worker';
import type { Harness } from './tokens-harness';

/** A small seeded generator (mulberry32): the same seed replays the same trials. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

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

export interface TrialRecord {
  /** What the first answer said: a view, or a refusal / error code. */
  first: { view: RotationView } | { error: string };
  /** The rotation as it rests at the end (null when none was started). */
  final: RotationView | null;
  oldTokenId: string;
  secret: { scope: string; key: string } | null;
  /** The admin confirmed a value shown once. */
  confirmed: boolean;
  /** Action-log rows for the old token: "action:outcome". */
  actions: string[];
}

export interface Truth {
  tokens: ReadonlyMap<string, TokenInfo>;
  /** sha256 of the secret's value (the token id a PAT value maps to), or null when the key does not exist. */
  secretTokenId: string | null;
}

const secretValue = z.object({ value: z.string() });

/** The simulator's tokens and the trial's secret, read with the admin's PAT (the truth, not what Brickwatch says). */
export async function readTruth(setup: RestClient, secret: TrialRecord['secret']): Promise<Truth> {
  const tokens = new Map((await listAllTokens(setup)).map((t) => [t.token_id, t]));
  if (!secret) return { tokens, secretTokenId: null };
  try {
    const res = await setup.get('/api/2.0/secrets/get', secretValue, { query: secret });
    return { tokens, secretTokenId: createHash('sha256').update(Buffer.from(res.value, 'base64').toString('utf8')).digest('hex') };
  } catch {
    // No such key: the trial's secret was never written.
    return { tokens, secretTokenId: null };
  }
}

/** Invariant 4 and the checks for one trial; each violation in words. */
export function violations(t: TrialRecord, truth: Truth): string[] {
  const out: string[] = [];
  const v = t.final;
  // Every incomplete outcome is visible, with the action that finishes it.
  if ('view' in t.first) {
    const o = t.first.view.outcome;
    if (o.status === 'in_progress') out.push(`first answer left the rotation "in progress" (${t.first.view.state}) with nothing to show`);
    if ((o.status === 'needs_attention' || o.status === 'partial') && !o.retry)
      out.push(`first answer ${o.status} without an action to finish it`);
    if (o.status === 'awaiting_confirmation' && o.retry !== 'confirm') out.push('a value shown once without confirm/discard');
    if ((o.status === 'verifying' || o.status === 'awaiting_confirmation') && t.first.view.deadline === null)
      out.push(`${o.status} without a deadline`);
  }
  if (!t.actions.some((a) => a.startsWith('tokens.rotate'))) out.push('the attempt is not in the action log');
  if (!v) {
    if (!truth.tokens.has(t.oldTokenId)) out.push('refused before starting, yet the old token is gone');
    return out;
  }
  const marked = [...truth.tokens.values()].filter((x) => x.comment?.includes(`[bw-rot:${v.id}]`)).map((x) => x.token_id);
  if (!['completed', 'rolled_back', 'failed'].includes(v.state)) out.push(`did not come to rest: ${v.state}`);
  if (v.state === 'completed') {
    if (truth.tokens.has(t.oldTokenId)) out.push('completed but the old token is still valid');
    if (!v.newTokenId || !truth.tokens.has(v.newTokenId)) out.push('completed but the new token does not exist: working credential lost');
    if (t.secret && truth.secretTokenId !== v.newTokenId) out.push('completed but the secret does not hold the new token');
    if (!t.secret && !t.confirmed) out.push('completed a value shown once that nobody confirmed');
    if (marked.some((id) => id !== v.newTokenId)) out.push(`orphan tokens: ${marked.join(', ')}`);
  } else {
    if (!truth.tokens.has(t.oldTokenId)) out.push(`${v.state} but the old token is gone: working credential lost`);
    if (marked.length) out.push(`orphan tokens left by a ${v.state} rotation: ${marked.join(', ')}`);
  }
  if (t.secret && truth.secretTokenId !== null && !truth.tokens.has(truth.secretTokenId)) out.push('the secret holds a revoked token');
  return out;
}

// ---- In-process trials: the area's functions called as the routes would, against a started simulator ----

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
