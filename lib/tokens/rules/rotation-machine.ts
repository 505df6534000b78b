// The token rotation state machine (DESIGN.md invariant 4): intent → created → delivered → old revoked, with every
// failure path explicit. Pure: the orchestrator asks `nextStep`, performs that one upstream call, feeds the result
// back through `transition`, and journals each snapshot before the next call.
//
// Guarantees the tests prove over every reachable path:
// - the old token is revoked only from `delivered` (the new value is in the secret or in the admin's response);
// - once a new token may exist, the machine never forgets it: it ends completed (in use) or revoked;
// - a create whose outcome is unknown is reconciled by its comment marker before anything else happens, and a
//   rotation issues at most one create, so no duplicate tokens;
// - the new token's value lives only in the orchestrator's memory, so after a crash (`interrupted`) a token that was
//   created but not delivered is revoked, and a delivered one is left for the admin to finish.

export const ROTATION_STATES = [
  'intent',
  'create_unknown',
  'created',
  'delivery_unknown',
  'delivered',
  'rolling_back',
  'old_active',
  'rollback_failed',
  'create_unresolved',
  'delivery_unresolved',
  'completed',
  'rolled_back',
  'failed',
] as const;
export type RotationState = (typeof ROTATION_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<RotationState> = new Set(['completed', 'rolled_back', 'failed']);
/** Stopped until an admin retries (or the next rotation of the same token recovers it). */
export const WAITING_STATES: ReadonlySet<RotationState> = new Set([
  'old_active',
  'rollback_failed',
  'create_unresolved',
  'delivery_unresolved',
]);

export type RollbackCause = 'orphan_after_timeout' | 'delivery_failed' | 'delivery_not_written' | 'interrupted';

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
  | { type: 'reconciled'; foundTokenId: string | null }
  | { type: 'reconcile_failed'; error: string }
  | { type: 'delivered' }
  | { type: 'delivery_failed'; error: string }
  | { type: 'delivery_unknown'; error: string }
  | { type: 'delivery_checked'; written: boolean }
  | { type: 'delivery_check_failed'; error: string }
  | { type: 'old_revoked' }
  | { type: 'old_revoke_failed'; error: string }
  | { type: 'new_revoked' }
  | { type: 'new_revoke_failed'; error: string }
  | { type: 'interrupted' }
  | { type: 'retry' };
export type RotationEventType = RotationEvent['type'];

export type RotationStep = 'create' | 'reconcile' | 'deliver' | 'check_delivery' | 'revoke_old' | 'revoke_new';

/** The events each step may report back. */
export const STEP_RESULTS: Record<RotationStep, readonly RotationEventType[]> = {
  create: ['created', 'create_failed', 'create_unknown'],
  reconcile: ['reconciled', 'reconcile_failed'],
  deliver: ['delivered', 'delivery_failed', 'delivery_unknown'],
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
const rollback =
  (cause: RollbackCause): Handler =>
  (s, e) => ({ ...s, state: 'rolling_back', rollbackCause: cause, lastError: err(e) ?? s.lastError });
const failWith =
  (state: RotationState): Handler =>
  (s, e) => ({ ...s, state, lastError: err(e) });

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
    reconciled: (s, e) =>
      e.type === 'reconciled' && e.foundTokenId !== null
        ? { ...s, state: 'rolling_back', newTokenId: e.foundTokenId, rollbackCause: 'orphan_after_timeout' }
        : { ...s, state: 'failed' },
    reconcile_failed: failWith('create_unresolved'),
    interrupted: (s) => s,
  },
  created: {
    delivered: to('delivered'),
    delivery_failed: rollback('delivery_failed'),
    delivery_unknown: failWith('delivery_unknown'),
    interrupted: rollback('interrupted'),
  },
  delivery_unknown: {
    delivery_checked: (s, e) =>
      e.type === 'delivery_checked' && e.written
        ? { ...s, state: 'delivered' }
        : { ...s, state: 'rolling_back', rollbackCause: 'delivery_not_written' },
    // Both tokens stay valid: the secret holds one of them and we cannot tell which, so revoking either could break the workload.
    delivery_check_failed: failWith('delivery_unresolved'),
    interrupted: (s) => s,
  },
  delivered: {
    old_revoked: to('completed', { lastError: null }),
    old_revoke_failed: failWith('old_active'),
    interrupted: to('old_active', { lastError: 'interrupted before the old token was revoked' }),
  },
  rolling_back: {
    new_revoked: to('rolled_back'),
    new_revoke_failed: failWith('rollback_failed'),
    interrupted: (s) => s,
  },
  old_active: { retry: to('delivered'), interrupted: (s) => s },
  rollback_failed: { retry: to('rolling_back'), interrupted: (s) => s },
  create_unresolved: { retry: to('create_unknown'), interrupted: (s) => s },
  delivery_unresolved: { retry: to('delivery_unknown'), interrupted: (s) => s },
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
  delivery_unknown: 'check_delivery',
  delivered: 'revoke_old',
  rolling_back: 'revoke_new',
};

/**
 * What to do next. `live`: the admin's request is running and holds the new value. Without it (recovery after a
 * crash) the steps that need the value or the admin's presence become `interrupt`: apply `{type: 'interrupted'}`.
 */
export function nextStep(s: RotationSnapshot, live: boolean): RotationStep | 'interrupt' | null {
  const step = LIVE_STEP[s.state] ?? null;
  if (!live && (step === 'create' || step === 'deliver' || step === 'revoke_old')) return 'interrupt';
  return step;
}
