// Rotation of one token (DESIGN.md invariant 4): journal the intent, then drive the machine (rotation-driver.ts). The
// new value exists only in this request's memory: it is written into the secret, or returned once and kept by the
// admin, whose "I have stored it" (confirmRotation) is what lets the old token go. Every attempt, refused or failed,
// is in the action log.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordAction } from '@/lib/activity/server/record';
import { knownToken } from './list';
import { loadDirectory } from '@/lib/databricks/api/scim-directory';
import { getToken, getTokenConf, listOwnTokens, type TokenInfo, type TokenValue } from '@/lib/databricks/api/tokens';
import { isForbidden, upstreamReason, upstreamRequestId } from '@/lib/databricks/upstream';
import { DomainError, isDomainError } from '@/lib/errors';
import { instanceId, isDeadLocalInstance } from '@/lib/singleton';
import { getDb, type Db } from '@/lib/store/db';
import {
  claimRotation,
  getRotation,
  insertIntent,
  isLeased,
  RotationConflictError,
  saveSnapshot,
  type JournalEntry,
  type RotationIntent,
} from '@/lib/store/rotation-journal';
import { tokenTarget, type RotationView } from '@/lib/tokens/contract';
import { parseMaxLifetimeDays } from '@/lib/tokens/rules/policy';
import { CONFIRMING_STATES, SETTLING_STATES, TERMINAL_STATES, transition, WAITING_STATES } from '@/lib/tokens/rules/rotation-machine';
import { describeRotation } from '@/lib/tokens/rules/rotation-outcome';
import {
  resolveRotationLifetime,
  rotationComment,
  rotationLabel,
  rotationPlan,
  type RotationActor,
} from '@/lib/tokens/rules/rotation-rules';
import { cachedRead } from './cache';
import { loadActor, resolveOwner } from './inventory';
import { drive, snapshotOf, type RotationContext } from './rotation-driver';

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
    deadline: e.deadline,
    state: e.state,
    outcome: describeRotation(e),
  };
}

function conflict(open: JournalEntry): DomainError {
  if (WAITING_STATES.has(open.state) || CONFIRMING_STATES.has(open.state) || SETTLING_STATES.has(open.state)) {
    return new DomainError(
      'conflict',
      'ROTATION_NEEDS_ATTENTION',
      `A previous rotation of this token is not finished: ${describeRotation(open).message}`,
    );
  }
  return new DomainError(
    'conflict',
    'ROTATION_IN_PROGRESS',
    `${open.actor} started rotating this token at ${new Date(open.createdAt).toISOString()}; wait for it to finish.`,
  );
}

/** Takes the row's lease if nobody alive holds it (a holder that died on this host counts as nobody at once). */
function claim(db: Db, entry: JournalEntry): Promise<boolean> {
  const dead = isDeadLocalInstance(entry.leaseHolder) ? entry.leaseHolder : null;
  if (isLeased(entry) && !dead) return Promise.resolve(false);
  return claimRotation(db, entry.id, instanceId(), Date.now(), dead);
}

/** Inserts the intent; an interrupted rotation of the same token (its holder gone mid-work) is recovered first. */
async function openRotation(ctx: RotationContext, intent: RotationIntent): Promise<JournalEntry> {
  const db = ctx.db ?? getDb();
  for (let attempt = 0; ; attempt++) {
    try {
      return await insertIntent(db, intent, instanceId());
    } catch (e) {
      if (!(e instanceof RotationConflictError)) throw e;
      const open = e.existing;
      const interrupted = !WAITING_STATES.has(open.state) && !CONFIRMING_STATES.has(open.state) && !SETTLING_STATES.has(open.state);
      if (attempt === 0 && interrupted && (await claim(db, open))) {
        const recovered = (await drive(ctx, open, 'recover', instanceId())).entry;
        if (TERMINAL_STATES.has(recovered.state)) continue;
        throw conflict(recovered);
      }
      throw conflict(open);
    }
  }
}

async function findToken(ctx: RotationContext, tokenId: string, actor: RotationActor): Promise<TokenInfo | null> {
  try {
    return await getToken(ctx.ws.rest, tokenId);
  } catch (e) {
    if (!isForbidden(e)) throw e;
    // Without token-management rights only the identity's own tokens can be found (and rotated).
    const own = (await listOwnTokens(ctx.ws.rest)).find((t) => t.token_id === tokenId);
    return own ? { ...own, owner_id: actor.id } : null;
  }
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

/** Everything decided before anything is created: the token, its owner, what Databricks allows, the lifetime. */
async function prepare(ctx: RotationContext, req: RotateRequest, id: string): Promise<RotationIntent> {
  const actor = await mustRead('the acting identity (SCIM /Me)', () => loadActor(ctx.ws));
  const old = await mustRead('the token', () => findToken(ctx, req.tokenId, actor));
  if (!old) throw new DomainError('not_found', 'TOKEN_NOT_FOUND', 'No such token: it may have been revoked or have expired already.');
  const directory = await mustRead('the workspace directory (SCIM), which says who owns the token,', () =>
    cachedRead(ctx.ws, 'directory', () => loadDirectory(ctx.ws.rest)),
  );
  const owner = resolveOwner(old.owner_id ?? null, directory);
  const plan = rotationPlan(owner, actor, ctx.person);
  if (!plan.canRotate) throw new DomainError('refused', 'NOT_ROTATABLE', plan.reason);
  const conf = await mustRead("the workspace's maximum token lifetime", () => cachedRead(ctx.ws, 'conf', () => getTokenConf(ctx.ws.rest)));
  const lifetime = resolveRotationLifetime(
    { days: req.lifetimeDays, override: req.override },
    parseMaxLifetimeDays(conf.maxTokenLifetimeDays),
  );
  if (!lifetime.ok)
    throw new DomainError('invalid', 'INVALID_LIFETIME', lifetime.message, [{ path: 'lifetimeDays', message: lifetime.message }]);
  return {
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
  };
}

/** Records a refused or failed attempt with its reason, then passes the error on. */
async function failed(
  ctx: RotationContext,
  action: string,
  tokenId: string,
  error: unknown,
  detail: Record<string, unknown> = {},
): Promise<never> {
  const reason = isDomainError(error) ? { refused: error.code, reason: error.message } : { error: upstreamReason(error) };
  await recordAction(ctx, action, tokenTarget(tokenId), 'failure', { ...detail, ...reason }, upstreamRequestId(error));
  throw error;
}

function outcomeOf(view: RotationView): 'success' | 'partial' | 'failure' {
  if (view.state === 'completed') return 'success';
  return view.outcome.status === 'failed' ? 'failure' : 'partial';
}

async function logOutcome(ctx: RotationContext, action: string, entry: JournalEntry): Promise<RotationView> {
  const view = rotationView(entry);
  await recordAction(ctx, action, tokenTarget(view.tokenId), outcomeOf(view), {
    ...rotationLabel(entry),
    rotation: view.id,
    state: view.state,
    method: view.method,
    delivery: view.delivery,
    scope: view.secretScope,
    key: view.secretKey,
    lifetimeDays: view.lifetimeDays,
    replacement: view.newTokenId,
    message: view.outcome.message,
  });
  return view;
}

export async function rotateToken(ctx: RotationContext, req: RotateRequest): Promise<RotationResult> {
  const id = randomUUID();
  // Refused before a journal entry exists: named as the list showed it, like a revoke.
  const label = knownToken(ctx.ws, req.tokenId) ?? {};
  const intent = await prepare(ctx, req, id).catch((e: unknown) => failed(ctx, 'tokens.rotate', req.tokenId, e, label));
  const entry = await openRotation(ctx, intent).catch((e: unknown) => failed(ctx, 'tokens.rotate', req.tokenId, e, label));
  const done = await drive(ctx, entry, 'rotate', instanceId());
  const view = await logOutcome(ctx, 'tokens.rotate', done.entry);
  // Shown once: the value goes to this response only, and the rotation waits for the admin's confirmation.
  return { rotation: view, value: view.delivery === 'reveal' && view.state === 'awaiting_confirmation' ? done.value : null };
}

/** Loads the rotation and takes its lease, or says why not. */
async function take(ctx: RotationContext, id: string): Promise<JournalEntry> {
  const db = ctx.db ?? getDb();
  const entry = await getRotation(db, id);
  if (!entry) throw new DomainError('not_found', 'ROTATION_NOT_FOUND', 'No such rotation.');
  if (TERMINAL_STATES.has(entry.state))
    throw new DomainError('conflict', 'ROTATION_FINISHED', `This rotation has already ended: ${describeRotation(entry).message}`);
  if (!(await claim(db, entry))) {
    throw new DomainError('conflict', 'ROTATION_IN_PROGRESS', 'Someone is working on this rotation right now; wait for it to finish.');
  }
  return (await getRotation(db, id))!;
}

/** The admin's "retry" on a rotation that waits (or was interrupted, or is settling): finishes or undoes it, never creates. */
export async function retryRotation(ctx: RotationContext, id: string): Promise<RotationView> {
  let current = await take(ctx, id).catch((e: unknown) => failed(ctx, 'tokens.rotate.retry', id, e, { rotation: id }));
  if (CONFIRMING_STATES.has(current.state)) {
    await saveSnapshot(ctx.db ?? getDb(), id, snapshotOf(current), { release: true });
    return failed(
      ctx,
      'tokens.rotate.retry',
      current.tokenId,
      new DomainError(
        'conflict',
        'ROTATION_AWAITS_CONFIRMATION',
        'This rotation waits for the admin who was shown the new token: confirm storing it, or discard it.',
      ),
      { rotation: id },
    );
  }
  let held = true;
  if (!WAITING_STATES.has(current.state)) {
    // Interrupted or settling: do what is due now (this gives the lease up when the rotation rests again).
    current = (await drive(ctx, current, 'recover', instanceId())).entry;
    held = false;
  }
  if (WAITING_STATES.has(current.state) && (held || (await claim(ctx.db ?? getDb(), current)))) {
    current = await saveSnapshot(ctx.db ?? getDb(), id, transition(snapshotOf(current), { type: 'retry' }));
    current = (await drive(ctx, current, 'resume', instanceId())).entry;
  }
  return logOutcome(ctx, 'tokens.rotate.retry', current);
}

/** A value shown once: the admin says where it went ("I have stored it"), and the old token is revoked. */
export async function confirmRotation(ctx: RotationContext, id: string): Promise<RotationView> {
  return settleConfirmation(ctx, id, 'confirmed');
}

/** A value shown once that the admin does not want: the new token is revoked, the old one kept. */
export async function discardRotation(ctx: RotationContext, id: string): Promise<RotationView> {
  return settleConfirmation(ctx, id, 'discarded');
}

async function settleConfirmation(ctx: RotationContext, id: string, event: 'confirmed' | 'discarded'): Promise<RotationView> {
  const action = event === 'confirmed' ? 'tokens.rotate.confirm' : 'tokens.rotate.discard';
  const entry = await take(ctx, id).catch((e: unknown) => failed(ctx, action, id, e, { rotation: id }));
  const release = () => saveSnapshot(ctx.db ?? getDb(), id, snapshotOf(entry), { release: true });
  const refuse = async (code: string, message: string, kind: 'conflict' | 'refused' = 'conflict') => {
    await release();
    return failed(ctx, action, entry.tokenId, new DomainError(kind, code, message), { rotation: id });
  };
  if (!CONFIRMING_STATES.has(entry.state))
    return refuse('ROTATION_NOT_AWAITING', `This rotation does not wait for a confirmation: ${describeRotation(entry).message}`);
  if (event === 'confirmed' && entry.actor !== ctx.person.userName) {
    return refuse(
      'NOT_YOUR_ROTATION',
      `Only ${entry.actor}, who was shown the new token, can confirm storing it. You can discard it instead.`,
      'refused',
    );
  }
  if (event === 'confirmed' && entry.deadline !== null && Date.now() >= entry.deadline) {
    // Too late: the deadline decides (the new token is revoked), never the other way round.
    const expired = (await drive(ctx, entry, 'recover', instanceId())).entry;
    await recordAction(ctx, action, tokenTarget(entry.tokenId), 'failure', {
      ...rotationLabel(entry),
      rotation: id,
      refused: 'CONFIRMATION_EXPIRED',
      state: expired.state,
    });
    throw new DomainError('conflict', 'CONFIRMATION_EXPIRED', `Too late to confirm: ${describeRotation(expired).message}`);
  }
  const db = ctx.db ?? getDb();
  const next = await saveSnapshot(db, id, transition(snapshotOf(entry), { type: event }), { deadline: null, nextCheckAt: null });
  await recordAction(ctx, action, tokenTarget(entry.tokenId), 'success', { ...rotationLabel(entry), rotation: id, state: next.state });
  const done = await drive(ctx, next, 'resume', instanceId());
  return logOutcome(ctx, 'tokens.rotate', done.entry);
}
