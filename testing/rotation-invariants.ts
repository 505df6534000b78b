// The checks every rotation trial ends with (issue 10, DESIGN.md invariant 4), judged from the simulator's own tokens and
// secrets read with its admin token — never from what Brickwatch says. Plain fetch, no app module: the e2e crash spec
// uses it too.
import { createHash } from 'node:crypto';
import type { RotationView } from '../lib/tokens/contract';

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

/** The fields of a token the checks read. */
interface TokenInfo {
  token_id: string;
  comment?: string | null;
}

export interface Truth {
  tokens: ReadonlyMap<string, TokenInfo>;
  /** sha256 of the secret's value (the token id a PAT value maps to), or null when the key does not exist. */
  secretTokenId: string | null;
}

/** Where the truth is read: the simulator, with its admin's PAT. */
export interface TruthSource {
  host: string;
  adminToken: string;
}

async function call<T>(src: TruthSource, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${src.host}${path}`, { headers: { Authorization: `Bearer ${src.adminToken}` } });
  return { status: res.status, body: (await res.json()) as T };
}

/** The simulator's tokens and the trial's secret (the truth, not what Brickwatch says). */
export async function readTruth(src: TruthSource, secret: TrialRecord['secret']): Promise<Truth> {
  const list = await call<{ token_infos?: TokenInfo[] }>(src, '/api/2.0/token-management/tokens');
  const tokens = new Map((list.body.token_infos ?? []).map((t) => [t.token_id, t]));
  if (!secret) return { tokens, secretTokenId: null };
  const got = await call<{ value?: string }>(src, `/api/2.0/secrets/get?${new URLSearchParams(secret)}`);
  // 404: the trial's secret was never written.
  if (got.status === 404 || !got.body.value) return { tokens, secretTokenId: null };
  return { tokens, secretTokenId: createHash('sha256').update(Buffer.from(got.body.value, 'base64').toString('utf8')).digest('hex') };
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
