// Drives one rotation through the pure machine (lib/tokens/rules/rotation-machine.ts): one upstream step at a time,
// the result journalled before the next call, every step in the action log. The caller holds the row's lease; while
// this runs, a heartbeat keeps it, so another request or instance sees the rotation is alive, and takes over at once
// when it stops beating (a crash). Windows: a create or secret write whose answer was lost is checked again and again
// until its settle window has passed; a value shown once waits for the admin's confirmation until its deadline.
import 'server-only';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import { getConfig } from '@/lib/config';
import type { TokenValue } from '@/lib/databricks/api/tokens';
import { getDb } from '@/lib/store/db';
import { heartbeat, HEARTBEAT_MS, saveSnapshot, type JournalEntry, type SaveOptions } from '@/lib/store/rotation-journal';
import { tokenTarget } from '@/lib/tokens/contract';
import { rotationLabel } from '@/lib/tokens/rules/rotation-rules';
import {
  CONFIRMING_STATES,
  nextStep,
  SETTLING_STATES,
  TERMINAL_STATES,
  transition,
  WAITING_STATES,
  type RotationEvent,
  type RotationSnapshot,
  type RotationStep,
} from '@/lib/tokens/rules/rotation-machine';
import { invalidateTokenReads } from './cache';
import { runStep } from './rotation-steps';

export interface RotationWindows {
  /** How long a create or secret write whose answer was lost is checked before it counts as not having happened. */
  settleMs: number;
  /** How long a value shown once waits for "I have stored it". */
  confirmMs: number;
}

export interface RotationContext extends ActionContext {
  /** Defaults to the configuration's (BRICKWATCH_ROTATION_SETTLE_SECONDS / _CONFIRM_SECONDS). */
  windows?: RotationWindows;
}

/** `rotate`: the request that creates the token (it holds the value); `resume`: an admin acting; `recover`: nobody. */
export type DriveMode = 'rotate' | 'resume' | 'recover';

export const snapshotOf = (e: JournalEntry): RotationSnapshot => ({
  state: e.state,
  newTokenId: e.newTokenId,
  rollbackCause: e.rollbackCause,
  lastError: e.lastError,
});

/** Steps that hand the new value over: only the request that created the token ever holds it. */
const NEEDS_VALUE: ReadonlySet<RotationStep> = new Set(['deliver', 'write_secret']);
const SUCCEEDED = new Set([
  'created',
  'reconciled',
  'delivery_started',
  'revealed',
  'delivered',
  'delivery_checked',
  'old_revoked',
  'new_revoked',
]);

/** How often a settling rotation is checked again: often enough to finish soon after a late write lands. */
export function checkEveryMs(windows: RotationWindows): number {
  return Math.min(10_000, Math.max(250, Math.floor(windows.settleMs / 12)));
}

/** Where a rotation stops being driven: it waits for an admin, a deadline, its next check, or it has ended. */
function resting(s: RotationSnapshot): boolean {
  return TERMINAL_STATES.has(s.state) || WAITING_STATES.has(s.state) || CONFIRMING_STATES.has(s.state);
}

/** The window bookkeeping that goes with a move from one state to the next. */
function windowsFor(
  from: RotationSnapshot,
  to: RotationSnapshot,
  now: number,
  w: RotationWindows,
): Pick<SaveOptions, 'deadline' | 'nextCheckAt'> {
  if (to.state === from.state) return {};
  if (SETTLING_STATES.has(to.state)) return { deadline: now + w.settleMs, nextCheckAt: null };
  if (CONFIRMING_STATES.has(to.state)) return { deadline: now + w.confirmMs, nextCheckAt: null };
  return SETTLING_STATES.has(from.state) || CONFIRMING_STATES.has(from.state) ? { deadline: null, nextCheckAt: null } : {};
}

/** Beats while the rotation is driven; `lost()` turns true once the lease is someone else's (we stalled too long). */
function startHeartbeat(ctx: ActionContext, id: string, holder: string): { stop: () => void; lost: () => boolean } {
  const db = ctx.db ?? getDb();
  let lost = false;
  const timer = setInterval(() => {
    heartbeat(db, id, holder).then(
      (kept) => (lost ||= !kept),
      // A store hiccup: the next beat tries again; a lease that lapsed meanwhile shows as lost then.
      () => undefined,
    );
  }, HEARTBEAT_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), lost: () => lost };
}

/**
 * Runs steps until the rotation ends, waits (for an admin, a confirmation, or a settling check that is not due), and
 * gives the lease up then. Returns the journal row as it stands and, for `rotate`, the new value if one was created.
 */
export async function drive(
  ctx: RotationContext,
  start: JournalEntry,
  mode: DriveMode,
  holder: string,
  value: TokenValue | null = null,
): Promise<{ entry: JournalEntry; value: TokenValue | null }> {
  const db = ctx.db ?? getDb();
  const windows = ctx.windows ?? getConfig().rotation;
  const beat = startHeartbeat(ctx, start.id, holder);
  let entry = start;
  let s = snapshotOf(entry);
  const apply = async (event: RotationEvent, action: string, upstreamRequestId: string | null, extra: SaveOptions = {}) => {
    const now = Date.now();
    const next = transition(s, event);
    const inconclusive = SETTLING_STATES.has(next.state) && next.state === s.state;
    const save: SaveOptions = {
      now,
      ...windowsFor(s, next, now, windows),
      ...(inconclusive ? { nextCheckAt: now + checkEveryMs(windows) } : {}),
      ...extra,
    };
    entry = await saveSnapshot(db, entry.id, next, { ...save, release: resting(next) || inconclusive });
    s = next;
    await recordAction(
      ctx,
      action,
      tokenTarget(entry.tokenId),
      event.type === 'interrupted' ? 'partial' : SUCCEEDED.has(event.type) ? 'success' : 'failure',
      {
        ...rotationLabel(entry),
        rotation: entry.id,
        result: event.type,
        state: s.state,
        replacement: s.newTokenId,
        // Where the value goes: the audit event of the secret write names the same scope and key.
        scope: entry.secretScope,
        key: entry.secretKey,
        error: 'error' in event ? event.error : undefined,
      },
      upstreamRequestId,
    );
    return inconclusive;
  };
  try {
    for (;;) {
      // Another holder took over while this one stalled: it drives the rotation now.
      if (beat.lost()) return { entry, value };
      // A value shown once that nobody confirmed in time: the new token goes, the old one stays.
      if (CONFIRMING_STATES.has(s.state) && entry.deadline !== null && Date.now() >= entry.deadline) {
        await apply({ type: 'confirm_expired' }, 'tokens.rotate.expire', null);
        continue;
      }
      let step = nextStep(s, mode !== 'recover');
      // Only the rotating request creates (at most once), and only a request holding the value can hand it over.
      if ((step === 'create' && mode !== 'rotate') || (step !== null && step !== 'interrupt' && NEEDS_VALUE.has(step) && !value)) {
        step = 'interrupt';
      }
      if (step === null) break;
      if (step === 'interrupt') {
        await apply({ type: 'interrupted' }, 'tokens.rotate.recover', null);
        continue;
      }
      if (SETTLING_STATES.has(s.state) && entry.nextCheckAt !== null && Date.now() < entry.nextCheckAt) break;
      const now = Date.now();
      const result = await runStep(step, {
        rest: ctx.ws.rest,
        entry,
        sameIdentity: entry.actingAs === ctx.ws.actingAs.name,
        value,
        settled: entry.deadline !== null && now >= entry.deadline,
      });
      if (result.value) value = result.value;
      const inconclusive = await apply(result.event, `tokens.rotate.${step}`, result.upstreamRequestId, {
        // From the moment the write is recorded as started, the secret may end up holding the new value.
        ...(result.event.type === 'delivery_started' ? { delivery: { startedAt: now, baseline: result.deliveryBaseline ?? null } } : {}),
      });
      if (step !== 'reconcile' && step !== 'check_delivery' && step !== 'deliver') invalidateTokenReads(ctx.ws.host, ['tokens']);
      if (inconclusive) break;
    }
    // Stopped before a check was due: nobody drives it until the background worker (or an admin) picks it up.
    if (entry.leaseHolder !== null) entry = await saveSnapshot(db, entry.id, s, { release: true });
    return { entry, value };
  } finally {
    beat.stop();
  }
}
