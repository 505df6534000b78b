// What a rotation's state means for the two tokens and for the admin, in the words the dialog and the journal show.
import {
  CONFIRMING_STATES,
  SETTLING_STATES,
  TERMINAL_STATES,
  WAITING_STATES,
  type RotationSnapshot,
  type RotationState,
} from './rotation-machine';

export const ROTATION_STATUSES = [
  'in_progress',
  'verifying',
  'awaiting_confirmation',
  'completed',
  'partial',
  'failed',
  'needs_attention',
] as const;
export type RotationStatus = (typeof ROTATION_STATUSES)[number];
/** What the admin can do next: retry a step, or (a value shown once) confirm storing it or discard it. */
export const RETRY_ACTIONS = ['revoke_old', 'revoke_new', 'reconcile', 'check_delivery', 'confirm'] as const;
export type RetryAction = (typeof RETRY_ACTIONS)[number];

export interface RotationOutcome {
  status: RotationStatus;
  /** One sentence for the person, naming what happened to both tokens. */
  message: string;
  oldToken: 'active' | 'revoked';
  /** `unknown`: a create may have happened and is not reconciled yet. */
  newToken: 'none' | 'active' | 'revoked' | 'unknown';
  retry: RetryAction | null;
}

const NEW_TOKEN: Record<RotationState, RotationOutcome['newToken']> = {
  intent: 'none',
  create_unknown: 'unknown',
  create_unresolved: 'unknown',
  created: 'active',
  delivering: 'active',
  delivery_unknown: 'active',
  delivery_unresolved: 'active',
  awaiting_confirmation: 'active',
  delivered: 'active',
  old_active: 'active',
  completed: 'active',
  rolling_back: 'active',
  rollback_failed: 'active',
  rolled_back: 'revoked',
  failed: 'none',
};

const RETRY: Partial<Record<RotationState, RetryAction>> = {
  old_active: 'revoke_old',
  rollback_failed: 'revoke_new',
  create_unresolved: 'reconcile',
  delivery_unresolved: 'check_delivery',
  awaiting_confirmation: 'confirm',
};

function because(s: RotationSnapshot): string {
  return s.lastError ? ` (${s.lastError})` : '';
}

/** "until 14:05 UTC", or nothing when the deadline is not known. */
function until(deadline: number | null): string {
  return deadline === null ? '' : ` until ${new Date(deadline).toISOString().slice(11, 16)} UTC`;
}

function message(s: RotationSnapshot, deadline: number | null): string {
  switch (s.state) {
    case 'completed':
      return 'Rotated: the new token was delivered and the old token is revoked.';
    case 'old_active':
      return `Rotated, old token still active: the new token was delivered but revoking the old one failed${because(s)}. Retry the revoke.`;
    case 'failed':
      return `Rotation failed${because(s)}. No new token exists and the old token is unchanged.`;
    case 'awaiting_confirmation':
      return `The new token was shown once. Store it, then confirm with "I have stored it": only then is the old token revoked. Without a confirmation${until(deadline)}, the new token is revoked and the old one kept.`;
    case 'create_unknown':
      return `Creating the new token did not answer in time${because(s)}. Brickwatch keeps checking whether it was created${until(deadline)} and revokes it if it appears, because its value never arrived. The old token is unchanged.`;
    case 'delivery_unknown':
      return `Writing the new token to the secret did not answer in time${because(s)}. Brickwatch keeps checking the secret${until(deadline)}: if the write landed, the rotation finishes; if not, the new token is revoked. Both tokens stay valid meanwhile.`;
    case 'rolled_back':
      switch (s.rollbackCause) {
        case 'orphan_after_timeout':
          return `Rotation failed: creating the new token timed out${because(s)}; the token it made was found by its rotation marker and revoked, because its value never reached Brickwatch. The old token is unchanged; you can try again.`;
        case 'delivery_failed':
          return `Rotation failed: the new token could not be written to the secret${because(s)}, so it was revoked again. The old token is unchanged.`;
        case 'delivery_not_written':
          return 'Rotation failed: the secret was not updated, so the new token was revoked again. The old token is unchanged.';
        case 'discarded':
          return 'Rotation discarded: the new token shown once was revoked and the old token is unchanged.';
        case 'not_confirmed':
          return 'Rotation undone: nobody confirmed storing the new token in time, so it was revoked. The old token is unchanged.';
        default:
          return 'Rotation was interrupted before the new token was delivered, so the new token was revoked. The old token is unchanged.';
      }
    case 'rollback_failed':
      return `The new token could not be delivered and revoking it failed too${because(s)}. The old token is unchanged; retry to revoke the unused new token.`;
    case 'create_unresolved':
      return `Creating the new token timed out and Brickwatch could not check whether it exists${because(s)}. The old token is unchanged; retry the check before rotating again.`;
    case 'delivery_unresolved':
      return `Writing the new token to the secret could not be confirmed${because(s)}. Both tokens are still valid, so the workload keeps working; retry the check to finish or undo the rotation.`;
    case 'delivering':
      return 'Writing the new token to the secret.';
    default:
      return 'Rotation in progress.';
  }
}

function statusOf(state: RotationState): RotationStatus {
  if (state === 'completed') return 'completed';
  if (state === 'old_active') return 'partial';
  if (TERMINAL_STATES.has(state)) return 'failed';
  if (WAITING_STATES.has(state)) return 'needs_attention';
  if (SETTLING_STATES.has(state)) return 'verifying';
  if (CONFIRMING_STATES.has(state)) return 'awaiting_confirmation';
  return 'in_progress';
}

/** `deadline`: when a settle window or the confirmation window ends (epoch ms), for the words. */
export function describeRotation(s: RotationSnapshot & { deadline?: number | null }): RotationOutcome {
  return {
    status: statusOf(s.state),
    message: message(s, s.deadline ?? null),
    oldToken: s.state === 'completed' ? 'revoked' : 'active',
    newToken: NEW_TOKEN[s.state],
    retry: RETRY[s.state] ?? null,
  };
}
