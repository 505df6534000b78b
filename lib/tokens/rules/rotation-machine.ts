// The token rotation state machine (DESIGN.md invariant 4): intent → created → delivered → old revoked, with every
// failure path explicit. Pure: the orchestrator asks `nextStep`, performs that one upstream call, feeds the result
// back through `transition`, and journals each snapshot before the next call. Time never enters here: the
// orchestrator says whether a settle window has passed (`settled`) from the journal's own timestamps.
//
// Guarantees the tests prove over every reachable path:
// - the old token is revoked only from `delivered`: the new value is in a secret whose write is confirmed, or the
//   admin confirmed storing the value shown once (`awaiting_confirmation` → `confirmed`);
// - once a new token may exist, the machine never forgets it: it ends completed (in use) or revoked;
// - a create whose outcome is unknown is reconciled by its comment marker, again and again until the settle window
//   has passed, so a token that appears late is still found and revoked; at most one create per rotation;
// - a secret write that may still land is never rolled back before the settle window has passed with no write, so
//   no secret is left holding a revoked token;
// - the new token's value lives only in the orchestrator's memory, so after a crash (`interrupted`) a token that was
//   created but not handed over is revoked; one whose write may have started is checked, not revoked; one that was
//   delivered is finished by revoking the old token.

import type { RotationState } from './rotation-states';

export { ROTATION_STATES, type RotationState } from './rotation-states';

export const TERMINAL_STATES: ReadonlySet<RotationState> = new Set(['completed', 'rolled_back', 'failed']);
/** Stopped until an admin retries (or the next rotation of the same token recovers it). */
export const WAITING_STATES: ReadonlySet<RotationState> = new Set([
  'old_active',
  'rollback_failed',
  'create_unresolved',
  'delivery_unresolved',
]);
/** Checked again and again (a create or a secret write whose outcome is not known yet) until settled. */
export const SETTLING_STATES: ReadonlySet<RotationState> = new Set(['create_unknown', 'delivery_unknown']);
/** Nothing to do but wait for the admin's "I have stored it" (or discard, or the deadline). */
export const CONFIRMING_STATES: ReadonlySet<RotationState> = new Set(['awaiting_confirmation']);

export type RollbackCause =
  'orphan_after_timeout' | 'delivery_failed' | 'delivery_not_written' | 'interrupted' | 'discarded' | 'not_confirmed';

export interface RotationSnapshot {
  state: RotationState;
  newTokenId: string | null;
  rollbackCause: RollbackCause | null;
  /** The last upstream failure in words a person can act on; never a token value. */
  lastError: string | null;
}

export type RotationEvent =
  | { type: 'created'; tokenId: string }
  | { type: 'create_failed'; error: string }
  | { type: 'create_unknown'; error: string }
  /** `settled`: the settle window after the create has passed, so a token not found now never will be. */
  | { type: 'reconciled'; foundTokenId: string | null; settled: boolean }
  | { type: 'reconcile_failed'; error: string; settled: boolean }
  /** Journalled before the secret write is sent: from here on the write may land. */
  | { type: 'delivery_started' }
  | { type: 'delivered' }
  | { type: 'delivery_failed'; error: string }
  | { type: 'delivery_unknown'; error: string }
  | { type: 'delivery_checked'; written: boolean; settled: boolean }
  | { type: 'delivery_check_failed'; error: string; settled: boolean }
  /** The value is in the rotate response: it is the admin's now, but the old token waits for their confirmation. */
  | { type: 'revealed' }
  | { type: 'confirmed' }
  | { type: 'discarded' }
  | { type: 'confirm_expired' }
  | { type: 'old_revoked' }
  | { type: 'old_revoke_failed'; error: string }
  | { type: 'new_revoked' }
  | { type: 'new_revoke_failed'; error: string }
  | { type: 'interrupted' }
  | { type: 'retry' };
export type RotationEventType = RotationEvent['type'];

/** `deliver` only records how the value is handed over (nothing upstream); `write_secret` is the secret write. */
export type RotationStep = 'create' | 'reconcile' | 'deliver' | 'write_secret' | 'check_delivery' | 'revoke_old' | 'revoke_new';

/** The events each step may report back. */
export const STEP_RESULTS: Record<RotationStep, readonly RotationEventType[]> = {
  create: ['created', 'create_failed', 'create_unknown'],
  reconcile: ['reconciled', 'reconcile_failed'],
  deliver: ['delivery_started', 'revealed', 'delivery_failed'],
  write_secret: ['delivered', 'delivery_failed', 'delivery_unknown'],
  check_delivery: ['delivery_checked', 'delivery_check_failed'],
  revoke_old: ['old_revoked', 'old_revoke_failed'],
  revoke_new: ['new_revoked', 'new_revoke_failed'],
};

export class RotationTransitionError extends Error {
  constructor(state: RotationState, event: RotationEventType) {
    super(`Rotation cannot take "${event}" in state "${state}"`);
    this.name = 'RotationTransitionError';
  }
}

export const INITIAL_ROTATION: RotationSnapshot = { state: 'intent', newTokenId: null, rollbackCause: null, lastError: null };

type Handler = (s: RotationSnapshot, e: RotationEvent) => RotationSnapshot;
const to =
  (state: RotationState, extra: Partial<RotationSnapshot> = {}) =>
  (s: RotationSnapshot): RotationSnapshot => ({ ...s, state, ...extra });
const err = (e: RotationEvent): string | null => ('error' in e ? e.error : null);
const settled = (e: RotationEvent): boolean => 'settled' in e && e.settled;
const rollback =
  (cause: RollbackCause): Handler =>
  (s, e) => ({ ...s, state: 'rolling_back', rollbackCause: cause, lastError: err(e) ?? s.lastError });
const failWith =
  (state: RotationState): Handler =>
  (s, e) => ({ ...s, state, lastError: err(e) });
/** Inside the settle window an inconclusive check changes nothing but the reason: the next check comes later. */
const keepSettling =
  (after: RotationState): Handler =>
  (s, e) =>
    settled(e) ? { ...s, state: after, lastError: err(e) ?? s.lastError } : { ...s, lastError: err(e) ?? s.lastError };
const stay: Handler = (s) => s;

const TABLE: Record<RotationState, Partial<Record<RotationEventType, Handler>>> = {
  intent: {
    created: (s, e) => ({ ...s, state: 'created', newTokenId: e.type === 'created' ? e.tokenId : null }),
    create_failed: failWith('failed'),
    create_unknown: failWith('create_unknown'),
    // The create call may have been sent before the crash: treat it as an unknown outcome.
    interrupted: to('create_unknown', { lastError: 'interrupted while creating the new token' }),
  },
  create_unknown: {
    // The value of a token found by its marker never reached us, so it is useless: revoke it.
    reconciled: (s, e) => {
      if (e.type !== 'reconciled') return s;
      if (e.foundTokenId !== null)
        return { ...s, state: 'rolling_back', newTokenId: e.foundTokenId, rollbackCause: 'orphan_after_timeout' };
      return e.settled ? { ...s, state: 'failed' } : s;
    },
    reconcile_failed: keepSettling('create_unresolved'),
    interrupted: stay,
  },
  created: {
    delivery_started: to('delivering'),
    // Reading the secret before writing failed: nothing was written.
    delivery_failed: rollback('delivery_failed'),
    revealed: to('awaiting_confirmation'),
    // Nothing was sent anywhere yet and the value died with the request: the new token is useless.
    interrupted: rollback('interrupted'),
  },
  delivering: {
    delivered: to('delivered'),
    delivery_failed: rollback('delivery_failed'),
    delivery_unknown: failWith('delivery_unknown'),
    // The write may have been sent: check the secret rather than revoke what it may hold.
    interrupted: to('delivery_unknown', { lastError: 'interrupted while writing the secret' }),
  },
  delivery_unknown: {
    delivery_checked: (s, e) => {
      if (e.type !== 'delivery_checked') return s;
      if (e.written) return { ...s, state: 'delivered' };
      return e.settled ? { ...s, state: 'rolling_back', rollbackCause: 'delivery_not_written' } : s;
    },
    // Both tokens stay valid: the secret may hold either, so revoking one could break the workload.
    delivery_check_failed: keepSettling('delivery_unresolved'),
    interrupted: stay,
  },
  awaiting_confirmation: {
    confirmed: to('delivered'),
    discarded: rollback('discarded'),
    confirm_expired: rollback('not_confirmed'),
    // The admin may hold the value (the response may have reached them): keep waiting for them or the deadline.
    interrupted: stay,
  },
  delivered: {
    old_revoked: to('completed', { lastError: null }),
    old_revoke_failed: failWith('old_active'),
    interrupted: stay,
  },
  rolling_back: {
    new_revoked: to('rolled_back'),
    new_revoke_failed: failWith('rollback_failed'),
    interrupted: stay,
  },
  old_active: { retry: to('delivered'), interrupted: stay },
  rollback_failed: { retry: to('rolling_back'), interrupted: stay },
  create_unresolved: { retry: to('create_unknown'), interrupted: stay },
  delivery_unresolved: { retry: to('delivery_unknown'), interrupted: stay },
  completed: {},
  rolled_back: {},
  failed: {},
};

export function canTransition(state: RotationState, event: RotationEventType): boolean {
  return TABLE[state][event] !== undefined;
}

export function transition(s: RotationSnapshot, e: RotationEvent): RotationSnapshot {
  const handler = TABLE[s.state][e.type];
  if (!handler) throw new RotationTransitionError(s.state, e.type);
  return handler(s, e);
}

const LIVE_STEP: Partial<Record<RotationState, RotationStep>> = {
  intent: 'create',
  create_unknown: 'reconcile',
  created: 'deliver',
  delivering: 'write_secret',
  delivery_unknown: 'check_delivery',
  delivered: 'revoke_old',
  rolling_back: 'revoke_new',
};

/** Steps that need the new value, which only the request that created the token ever holds. */
const NEEDS_LIVE: ReadonlySet<RotationStep> = new Set(['create', 'deliver', 'write_secret']);

/**
 * What to do next. `live`: the admin's request is running and holds the new value. Without it (recovery after a
 * crash, the background worker) the steps that need the value become `interrupt`: apply `{type: 'interrupted'}`.
 * Revoking the old token needs no value: `delivered` already means the new one is safely with the workload or the
 * admin, so recovery finishes the rotation.
 */
export function nextStep(s: RotationSnapshot, live: boolean): RotationStep | 'interrupt' | null {
  const step = LIVE_STEP[s.state] ?? null;
  if (!live && step !== null && NEEDS_LIVE.has(step)) return 'interrupt';
  return step;
}
