'use client';
// Accepting a finding (a whole check or one item) or changing an accepted one: a reason, an owner and an expiry date,
// checked here with the same schema and words the server uses.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { safeParse } from 'zod/mini';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import { exceptionBody, exceptionChangeBody, exceptionResponseSchema, EXCEPTION_LIMITS, type ExceptionView } from '@/lib/posture/contract';
import { postureQueries } from '@/lib/posture/queries';
import { addDays, expiryProblem, utcDay } from '@/lib/posture/rules/exceptions';
import type { AcceptTarget } from './check-card';

export type ExceptionDialogState = { kind: 'create'; target: AcceptTarget } | { kind: 'change'; exception: ExceptionView } | null;

export function ExceptionDialog({
  state,
  onClose,
  defaultOwner,
}: {
  state: ExceptionDialogState;
  onClose: () => void;
  defaultOwner: string;
}) {
  const title = state?.kind === 'change' ? 'Change the exception' : state?.target.item ? 'Accept this finding' : 'Accept the whole check';
  return (
    <Dialog
      open={state !== null}
      onClose={onClose}
      title={title}
      description="An accepted finding shows as accepted, not as passing, and comes back when the exception expires."
    >
      {state ? (
        <ExceptionForm
          key={state.kind === 'change' ? state.exception.id : `${state.target.check.id}`}
          state={state}
          onClose={onClose}
          defaultOwner={defaultOwner}
        />
      ) : null}
    </Dialog>
  );
}

function ExceptionForm({
  state,
  onClose,
  defaultOwner,
}: {
  state: NonNullable<ExceptionDialogState>;
  onClose: () => void;
  defaultOwner: string;
}) {
  const id = useId();
  const existing = state.kind === 'change' ? state.exception : null;
  // The day the dialog opened: the date limits are a day's, and a render must not read the clock.
  const [now] = useState(() => Date.now());
  const today = utcDay(now);
  const [reason, setReason] = useState(existing?.reason ?? '');
  const [owner, setOwner] = useState(existing?.owner ?? defaultOwner);
  const [expiresOn, setExpiresOn] = useState(existing?.expiresOn ?? addDays(today, 90));
  const [shown, setShown] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();

  const json =
    state.kind === 'create'
      ? { checkId: state.target.check.id, evidenceKey: state.target.item?.key ?? null, reason, owner, expiresOn }
      : { reason, owner, expiresOn };
  const parsed = state.kind === 'create' ? safeParse(exceptionBody, json) : safeParse(exceptionChangeBody, json);
  const problem = parsed.success ? expiryProblem(expiresOn, now) : (parsed.error.issues[0]?.message ?? 'Check the fields');

  const save = useMutation({
    mutationFn: () =>
      state.kind === 'create'
        ? apiFetch('/api/posture/exceptions', exceptionResponseSchema, { method: 'POST', json })
        : apiFetch(`/api/posture/exceptions/${state.exception.id}`, exceptionResponseSchema, { method: 'PATCH', json }),
    onSuccess: async ({ exception }) => {
      toast(state.kind === 'create' ? `Accepted until ${exception.expiresOn}` : `Exception changed: until ${exception.expiresOn}`);
      await queryClient.invalidateQueries({ queryKey: postureQueries.all() });
      onClose();
    },
  });

  const what =
    state.kind === 'create'
      ? state.target.item
        ? `${state.target.item.label} — ${state.target.item.detail} (${state.target.check.title})`
        : `Every failing item of “${state.target.check.title}”`
      : `${existing!.checkTitle ?? existing!.checkId}${existing!.evidenceKey ? `: ${existing!.evidenceKey}` : ' (the whole check)'}`;
  const field = 'w-full rounded-md border border-border-strong bg-surface px-3 py-2 text-sm';
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setShown(true);
        if (!problem) save.mutate();
      }}
    >
      <p className="text-sm [overflow-wrap:anywhere]">{what}</p>
      <div className="space-y-1">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
          Reason
        </label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          maxLength={EXCEPTION_LIMITS.reason.max}
          onChange={(e) => setReason(e.target.value)}
          className={field}
          placeholder="Why this risk is accepted, and what keeps it small"
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-owner`} className="block text-sm font-medium">
            Owner
          </label>
          <input
            id={`${id}-owner`}
            value={owner}
            maxLength={EXCEPTION_LIMITS.owner.max}
            onChange={(e) => setOwner(e.target.value)}
            className={field}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-expires`} className="block text-sm font-medium">
            Expires after
          </label>
          <input
            id={`${id}-expires`}
            type="date"
            value={expiresOn}
            min={addDays(today, 1)}
            max={addDays(today, EXCEPTION_LIMITS.days)}
            onChange={(e) => setExpiresOn(e.target.value)}
            className={field}
          />
        </div>
      </div>
      {shown && problem ? <InlineStatus tone="danger">{problem}</InlineStatus> : null}
      {save.error ? <InlineStatus tone="danger">{save.error.message}</InlineStatus> : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={save.isPending}>
          {state.kind === 'create' ? 'Accept' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
