// What a rotation's state means for the two tokens and for the admin, in the words the dialog and the journal show.
import { TERMINAL_STATES, WAITING_STATES, type RotationSnapshot, type RotationState } from './rotation-machine';

export type RotationStatus = 'in_progress' | 'completed' | 'partial' | 'failed' | 'needs_attention';
export type RetryAction = 'revoke_old' | 'revoke_new' | 'reconcile' | 'check_delivery';

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
  delivery_unknown: 'active',
  delivery_unresolved: 'active',
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
};

function because(s: RotationSnapshot): string {
  return s.lastError ? ` (${s.lastError})` : '';
}

function message(s: RotationSnapshot): string {
  switch (s.state) {
    case 'completed':
      return 'Rotated: the new token was delivered and the old token is revoked.';
    case 'old_active':
      return `Rotated, old token still active: the new token was delivered but revoking the old one failed${because(s)}. Retry the revoke.`;
    case 'failed':
      return `Rotation failed${because(s)}. No new token exists and the old token is unchanged.`;
    case 'rolled_back':
      switch (s.rollbackCause) {
        case 'orphan_after_timeout':
          return `Rotation failed: creating the new token timed out${because(s)}; the token it made was found by its rotation marker and revoked, because its value never reached Brickwatch. The old token is unchanged; you can try again.`;
        case 'delivery_failed':
          return `Rotation failed: the new token could not be written to the secret${because(s)}, so it was revoked again. The old token is unchanged.`;
        case 'delivery_not_written':
          return 'Rotation failed: the secret was not updated, so the new token was revoked again. The old token is unchanged.';
        default:
          return 'Rotation was interrupted before the new token was delivered, so the new token was revoked. The old token is unchanged.';
      }
    case 'rollback_failed':
      return `The new token could not be delivered and revoking it failed too${because(s)}. The old token is unchanged; retry to revoke the unused new token.`;
    case 'create_unresolved':
      return `Creating the new token timed out and Brickwatch could not yet check whether it exists${because(s)}. The old token is unchanged; retry the check before rotating again.`;
    case 'delivery_unresolved':
      return `Writing the new token to the secret could not be confirmed${because(s)}. Both tokens are still valid, so the workload keeps working; retry the check to finish or undo the rotation.`;
    default:
      return 'Rotation in progress.';
  }
}

export function describeRotation(s: RotationSnapshot): RotationOutcome {
  const status: RotationStatus =
    s.state === 'completed'
      ? 'completed'
      : s.state === 'old_active'
        ? 'partial'
        : TERMINAL_STATES.has(s.state)
          ? 'failed'
          : WAITING_STATES.has(s.state)
            ? 'needs_attention'
            : 'in_progress';
  return {
    status,
    message: message(s),
    oldToken: s.state === 'completed' ? 'revoked' : 'active',
    newToken: NEW_TOKEN[s.state],
    retry: RETRY[s.state] ?? null,
  };
}
