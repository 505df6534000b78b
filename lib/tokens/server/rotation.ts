// Rotation of one token (issue 4, DESIGN.md invariant 4), driven by the pure machine in lib/security: journal the
// intent, then one upstream step at a time, journalling each result before the next call, and log every step and
// the outcome. The new value exists only in this request's memory: it is written into the secret, or returned once.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError } from '@/lib/errors';
import { getDb } from '@/lib/store/db';
import {
  claimRotation,
  getRotation,
  insertIntent,
  RotationConflictError,
  saveSnapshot,
  type JournalEntry,
  type RotationIntent,
} from '@/lib/store/rotation-journal';
import { nextStep, TERMINAL_STATES, transition, WAITING_STATES, type RotationSnapshot } from '@/lib/tokens/rules/rotation-machine';
import { describeRotation } from '@/lib/tokens/rules/rotation-outcome';
import { resolveRotationLifetime, rotationComment, rotationPlan, type RotationActor } from '@/lib/tokens/rules/rotation-rules';
import { parseMaxLifetimeDays } from '@/lib/tokens/rules/policy';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import { tokenTarget, type RotationView } from '@/lib/tokens/contract';
import { cachedRead, invalidateTokenReads } from './cache';
import { loadDirectory, resolveOwner } from '@/lib/databricks/api/scim-directory';
import { isForbidden, upstreamReason, upstreamRequestId } from '@/lib/databricks/upstream';
import { loadActor } from './inventory';
import { runStep } from './rotation-steps';
import { getToken, getTokenConf, listOwnTokens, type TokenInfo, type TokenValue } from '@/lib/databricks/api/tokens';

export interface RotateRequest {
  tokenId: string;
  lifetimeDays?: number;
  override?: boolean;
  delivery: { kind: 'secret'; scope: string; key: string } | { kind: 'reveal' };
}

export interface RotationResult {
  rotation: RotationView;
  /** Only for `reveal` delivery, only in the request that created it. */
  value: TokenValue | null;
}

type Mode = 'rotate' | 'resume' | 'recover';

export function rotationView(e: JournalEntry): RotationView {
  return {
    id: e.id,
    tokenId: e.tokenId,
    newTokenId: e.newTokenId,
    ownerName: e.ownerName,
    method: e.method,
    delivery: e.delivery,
    secretScope: e.secretScope,
    secretKey: e.secretKey,
    lifetimeDays: e.lifetimeDays,
    actor: e.actor,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    state: e.state,
    outcome: describeRotation(e),
  };
}

const snapshotOf = (e: JournalEntry): RotationSnapshot => ({
  state: e.state,
  newTokenId: e.newTokenId,
  rollbackCause: e.rollbackCause,
  lastError: e.lastError,
});
const settled = (s: RotationSnapshot) => TERMINAL_STATES.has(s.state) || WAITING_STATES.has(s.state);
const SUCCEEDED = new Set(['created', 'reconciled', 'delivered', 'delivery_checked', 'old_revoked', 'new_revoked']);

/** Runs steps until the rotation ends or waits. `rotate` holds the value; `resume` has an admin but no value; `recover` neither. */
async function drive(ctx: ActionContext, start: JournalEntry, mode: Mode, actor: RotationActor, value: TokenValue | null = null) {
  const db = ctx.db ?? getDb();
  let entry = start;
  let s = snapshotOf(entry);
  for (;;) {
    let step = nextStep(s, mode !== 'recover');
    // Creating or delivering needs the value, which only the rotating request ever holds.
    if ((step === 'create' || step === 'deliver') && mode !== 'rotate') step = 'interrupt';
    if (step === null) break;
    if (step === 'interrupt') {
      s = transition(s, { type: 'interrupted' });
      entry = await saveSnapshot(db, entry.id, s, { release: settled(s) });
      await recordAction(ctx, 'tokens.rotate.recover', tokenTarget(entry.tokenId), 'partial', { rotation: entry.id, state: s.state });
      continue;
    }
    const result = await runStep(step, { rest: ctx.ws.rest, entry, actor, value });
    if (result.value) value = result.value;
    s = transition(s, result.event);
    entry = await saveSnapshot(db, entry.id, s, { deliveryStartedAt: result.deliveryStartedAt, release: settled(s) });
    await recordAction(
      ctx,
      `tokens.rotate.${step}`,
      tokenTarget(entry.tokenId),
      SUCCEEDED.has(result.event.type) ? 'success' : 'failure',
      {
        rotation: entry.id,
        result: result.event.type,
        replacement: s.newTokenId,
        error: 'error' in result.event ? result.event.error : undefined,
      },
      result.upstreamRequestId,
    );
    if (step !== 'reconcile' && step !== 'check_delivery') invalidateTokenReads(ctx.ws.host, ['tokens']);
  }
  return { entry, value };
}

function conflict(open: JournalEntry): DomainError {
  if (WAITING_STATES.has(open.state)) {
    return new DomainError(
      'conflict',
      'ROTATION_NEEDS_ATTENTION',
      `A previous rotation of this token needs attention first: ${describeRotation(open).message}`,
    );
  }
  return new DomainError(
    'conflict',
    'ROTATION_IN_PROGRESS',
    `${open.actor} started rotating this token at ${new Date(open.createdAt).toISOString()}; wait for it to finish.`,
  );
}

/** Inserts the intent; an interrupted rotation of the same token (lease ran out mid-work) is recovered first. */
async function openRotation(ctx: ActionContext, intent: RotationIntent, actor: RotationActor): Promise<JournalEntry> {
  const db = ctx.db ?? getDb();
  for (let attempt = 0; ; attempt++) {
    try {
      return await insertIntent(db, intent);
    } catch (e) {
      if (!(e instanceof RotationConflictError)) throw e;
      const open = e.existing;
      const interrupted = !WAITING_STATES.has(open.state) && open.leaseUntil <= Date.now();
      if (attempt === 0 && interrupted && (await claimRotation(db, open.id))) {
        await drive(ctx, open, 'recover', actor);
        continue;
      }
      throw conflict(open);
    }
  }
}

async function findToken(ctx: ActionContext, tokenId: string, actor: RotationActor): Promise<TokenInfo | null> {
  try {
    return await getToken(ctx.ws.rest, tokenId);
  } catch (e) {
    if (!isForbidden(e)) throw e;
    // Without token-management rights only the identity's own tokens can be found (and rotated).
    const own = (await listOwnTokens(ctx.ws.rest)).find((t) => t.token_id === tokenId);
    return own ? { ...own, owner_id: actor.id } : null;
  }
}

async function refuse(ctx: ActionContext, tokenId: string, error: unknown): Promise<never> {
  const reason = isDomainError(error) ? { refused: error.code, reason: error.message } : { error: upstreamReason(error) };
  await recordAction(ctx, 'tokens.rotate', tokenTarget(tokenId), 'failure', reason, upstreamRequestId(error));
  throw error;
}

/**
 * A read the decision depends on. When Databricks cannot answer, nothing is decided from the outage (no "owner
 * unknown", no silently dropped policy): the attempt ends as a degraded 503 naming what could not be read.
 */
async function mustRead<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw new DomainError(
      'unavailable',
      'UPSTREAM_UNAVAILABLE',
      `Nothing was changed: ${what} could not be read (${upstreamReason(e)}). Try again in a moment.`,
    );
  }
}

export async function rotateToken(ctx: ActionContext, req: RotateRequest): Promise<RotationResult> {
  const actor = await loadActor(ctx.ws);
  const old = await findToken(ctx, req.tokenId, actor);
  if (!old)
    return refuse(
      ctx,
      req.tokenId,
      new DomainError('not_found', 'TOKEN_NOT_FOUND', 'No such token: it may have been revoked or have expired already.'),
    );
  const directory = await mustRead('the workspace directory (SCIM), which says who owns the token,', () =>
    cachedRead(ctx.ws, 'directory', () => loadDirectory(ctx.ws.rest)),
  ).catch((e: unknown) => refuse(ctx, req.tokenId, e));
  const owner = resolveOwner(old.owner_id ?? null, directory);
  const plan = rotationPlan(owner, actor);
  if (!plan.canRotate) return refuse(ctx, req.tokenId, new DomainError('refused', 'NOT_ROTATABLE', plan.reason));
  const conf = await mustRead("the workspace's maximum token lifetime", () =>
    cachedRead(ctx.ws, 'conf', () => getTokenConf(ctx.ws.rest)),
  ).catch((e: unknown) => refuse(ctx, req.tokenId, e));
  const lifetime = resolveRotationLifetime(
    { days: req.lifetimeDays, override: req.override },
    parseMaxLifetimeDays(conf.maxTokenLifetimeDays),
  );
  if (!lifetime.ok)
    return refuse(
      ctx,
      req.tokenId,
      new DomainError('invalid', 'INVALID_LIFETIME', lifetime.message, [{ path: 'lifetimeDays', message: lifetime.message }]),
    );

  const id = randomUUID();
  const entry = await openRotation(
    ctx,
    {
      id,
      tokenId: req.tokenId,
      ownerId: owner.id,
      ownerName: owner.displayName ?? owner.name,
      method: plan.method,
      applicationId: plan.method === 'on_behalf_of' ? plan.applicationId : null,
      delivery: req.delivery.kind,
      secretScope: req.delivery.kind === 'secret' ? req.delivery.scope : null,
      secretKey: req.delivery.kind === 'secret' ? req.delivery.key : null,
      lifetimeDays: lifetime.days,
      newComment: rotationComment(old.comment ?? '', id),
      actor: ctx.person.userName,
      actingAs: ctx.ws.actingAs.name,
    },
    actor,
  ).catch((e: unknown) => refuse(ctx, req.tokenId, e));

  const done = await drive(ctx, entry, 'rotate', actor);
  const view = rotationView(done.entry);
  await recordAction(ctx, 'tokens.rotate', tokenTarget(req.tokenId), outcomeOf(view), {
    rotation: id,
    state: view.state,
    method: view.method,
    delivery: view.delivery,
    scope: view.secretScope,
    key: view.secretKey,
    lifetimeDays: view.lifetimeDays,
    replacement: view.newTokenId,
    message: view.outcome.message,
  });
  const delivered = view.state === 'completed' || view.state === 'old_active';
  return { rotation: view, value: view.delivery === 'reveal' && delivered ? done.value : null };
}

function outcomeOf(view: RotationView): 'success' | 'partial' | 'failure' {
  if (view.state === 'completed') return 'success';
  return view.state === 'old_active' || view.state === 'delivery_unresolved' ? 'partial' : 'failure';
}

/** The admin's "retry" on a rotation that waits (or was interrupted): finishes or undoes it, never creates anything. */
export async function retryRotation(ctx: ActionContext, id: string): Promise<RotationView> {
  const db = ctx.db ?? getDb();
  const entry = await getRotation(db, id);
  if (!entry) throw new DomainError('not_found', 'ROTATION_NOT_FOUND', 'No such rotation.');
  if (TERMINAL_STATES.has(entry.state))
    throw new DomainError('conflict', 'ROTATION_FINISHED', `This rotation has already ended: ${describeRotation(entry).message}`);
  if (!(await claimRotation(db, id)))
    throw new DomainError('conflict', 'ROTATION_IN_PROGRESS', 'Someone is working on this rotation right now; wait for it to finish.');
  const actor = await loadActor(ctx.ws);
  let current = entry;
  if (!WAITING_STATES.has(current.state)) current = (await drive(ctx, current, 'recover', actor)).entry;
  if (WAITING_STATES.has(current.state)) {
    current = await saveSnapshot(db, id, transition(snapshotOf(current), { type: 'retry' }));
    current = (await drive(ctx, current, 'resume', actor)).entry;
  }
  const view = rotationView(current);
  await recordAction(ctx, 'tokens.rotate.retry', tokenTarget(entry.tokenId), outcomeOf(view), {
    rotation: id,
    state: view.state,
    message: view.outcome.message,
  });
  return view;
}
