'use client';
// Rotating one token: what Databricks allows for this owner, the form, then the outcome for both tokens. A value shown
// once stays on screen until the admin confirms storing it (only then is the old token revoked) or discards the new
// token; closing the dialog before that — Esc, a click outside, the close button — asks first and says what happens
// without a confirmation. The value lives only in this component's state, never in a query or mutation cache.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { tokenQueries } from '@/lib/tokens/queries';
import { rotationPlan, type LifetimeLimits, type RotationActor } from '@/lib/tokens/rules/rotation-rules';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { ownerLabel } from './format';
import { RevealValue } from './reveal-value';
import { RotateForm, type RotateResult } from './rotate-form';
import { RotationOutcomeView, utcTime } from './rotation-outcome-view';

export interface RotateDialogProps {
  row: TokenRow | null;
  actor: RotationActor;
  /** The signed-in person: their own token is explained differently when Brickwatch acts as a service principal. */
  person: { userName: string };
  limits: LifetimeLimits;
  onClose: () => void;
  onRevokeInstead: (row: TokenRow) => void;
}

export function RotateDialog({ row, onClose, ...rest }: RotateDialogProps) {
  // While a rotation runs the dialog cannot be dismissed: its outcome (and a value shown once) must reach the admin.
  const [busy, setBusy] = useState(false);
  // A value is on screen that nobody has confirmed storing: closing asks first.
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [asking, setAsking] = useState(false);
  const close = () => {
    setUnconfirmed(false);
    setAsking(false);
    onClose();
  };
  return (
    <Dialog
      open={row !== null}
      onClose={() => (unconfirmed ? setAsking(true) : close())}
      busy={busy}
      title="Rotate token"
      size="lg"
      description={
        row ? (
          <>
            Owner {ownerLabel(row.owner)} · {row.comment || 'no comment'} · <code className="font-mono">{row.tokenId.slice(0, 12)}…</code>
          </>
        ) : null
      }
    >
      {row ? (
        <RotateBody
          row={row}
          onClose={close}
          onBusy={setBusy}
          onUnconfirmed={setUnconfirmed}
          asking={asking}
          onKeepOpen={() => setAsking(false)}
          {...rest}
        />
      ) : null}
    </Dialog>
  );
}

function RotateBody({
  row,
  actor,
  person,
  limits,
  onClose,
  onRevokeInstead,
  onBusy,
  onUnconfirmed,
  asking,
  onKeepOpen,
}: Omit<RotateDialogProps, 'row'> & {
  row: TokenRow;
  onBusy: (busy: boolean) => void;
  onUnconfirmed: (waiting: boolean) => void;
  asking: boolean;
  onKeepOpen: () => void;
}) {
  const queryClient = useQueryClient();
  const questionId = useId();
  const plan = rotationPlan(row.owner, actor, person);
  const [result, setResult] = useState<RotateResult | null>(null);

  if (!plan.canRotate) {
    return (
      <div className="space-y-3">
        <InlineStatus tone="info">{plan.reason}</InlineStatus>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Close</Button>
          <Button variant="danger" onClick={() => onRevokeInstead(row)}>
            Revoke instead…
          </Button>
        </div>
      </div>
    );
  }
  if (!result) {
    const how =
      plan.method === 'own'
        ? 'a new token for the identity Brickwatch acts as'
        : `a new token on behalf of the service principal ${ownerLabel(row.owner)}`;
    return (
      <RotateForm
        row={row}
        limits={limits}
        how={how}
        onClose={onClose}
        onBusy={onBusy}
        onResult={(next) => {
          setResult(next);
          onUnconfirmed(Boolean(next.value) && next.rotation.outcome.retry === 'confirm');
          void queryClient.invalidateQueries({ queryKey: tokenQueries.all() });
        }}
      />
    );
  }

  const waiting = Boolean(result.value) && result.rotation.outcome.retry === 'confirm';
  const deadline = result.rotation.deadline;
  return (
    <div className="space-y-4">
      {/* The value first, then what to do with it: confirm storing it, or discard the new token. */}
      {waiting && result.value ? <RevealValue value={result.value} /> : null}
      <RotationOutcomeView
        rotation={result.rotation}
        onChange={(rotation) => {
          // Confirmed or discarded: the value has done its job (or is void) and leaves the screen.
          const settled = rotation.outcome.retry !== 'confirm';
          setResult({ rotation, value: settled ? undefined : result.value });
          if (settled) onUnconfirmed(false);
        }}
      />
      {waiting && asking ? (
        <div
          role="group"
          aria-labelledby={questionId}
          className="space-y-3 rounded-md border border-warning/60 bg-warning-soft p-3 text-sm"
        >
          <p id={questionId} className="font-semibold">
            Close without confirming?
          </p>
          <p>
            The value is not shown again. The old token stays valid, and the new one too until{' '}
            {deadline ? <strong>{utcTime(deadline)} UTC</strong> : 'the confirmation window ends'}: unless someone confirms before then in
            Rotations on this page, Brickwatch revokes the new token and keeps the old one.
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="primary" autoFocus onClick={onKeepOpen}>
              Keep it open
            </Button>
            <Button onClick={onClose}>Close without confirming</Button>
          </div>
        </div>
      ) : null}
      {waiting ? null : (
        <div className="flex justify-end">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      )}
    </div>
  );
}
