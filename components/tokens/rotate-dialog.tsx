'use client';
// Rotating one token: what Databricks allows for this owner, the new lifetime (policy default, 90 days unless
// overridden), where the new value goes, and then the outcome for both tokens. The response is handled in local
// state, not a query or mutation cache, so a value shown once is gone when the dialog closes.
import type * as z from 'zod/mini';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { ScopeDatalist, scopeWarning, useScopeChoices } from '@/components/secrets/scope-choices';
import { apiFetch } from '@/lib/query/fetch';
import { tokenQueries } from '@/lib/tokens/queries';
import { rotationPlan, type LifetimeLimits, type RotationActor } from '@/lib/tokens/rules/rotation-rules';
import { rotateBody, rotateResponseSchema } from '@/lib/tokens/contract';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { ownerLabel } from './format';
import { RevealValue } from './reveal-value';
import { RotationOutcomeView } from './rotation-outcome-view';

export interface RotateDialogProps {
  row: TokenRow | null;
  actor: RotationActor;
  limits: LifetimeLimits;
  onClose: () => void;
  onRevokeInstead: (row: TokenRow) => void;
}

export function RotateDialog({ row, onClose, ...rest }: RotateDialogProps) {
  // While a rotation runs the dialog cannot be dismissed: its outcome (and a value shown once) must reach the admin.
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={row !== null}
      onClose={onClose}
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
      {row ? <RotateBody row={row} onClose={onClose} onBusy={setBusy} {...rest} /> : null}
    </Dialog>
  );
}

type Result = z.output<typeof rotateResponseSchema>;
const field = 'h-9 rounded-md border border-border-strong bg-surface px-3 text-sm';

function RotateBody({
  row,
  actor,
  limits,
  onClose,
  onRevokeInstead,
  onBusy,
}: Omit<RotateDialogProps, 'row'> & { row: TokenRow; onBusy: (busy: boolean) => void }) {
  const ids = useId();
  const queryClient = useQueryClient();
  const plan = rotationPlan(row.owner, actor);
  const [days, setDays] = useState(String(limits.defaultDays));
  const [override, setOverride] = useState(false);
  const [delivery, setDelivery] = useState<'secret' | 'reveal'>('secret');
  const [scope, setScope] = useState('');
  const [key, setKey] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const scopes = useScopeChoices(plan.canRotate && delivery === 'secret');

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
  if (result) {
    return (
      <div className="space-y-4">
        <RotationOutcomeView rotation={result.rotation} onChange={(rotation) => setResult({ ...result, rotation })} />
        {result.value ? <RevealValue value={result.value} /> : null}
        <div className="flex justify-end">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      </div>
    );
  }

  const maxDays = override ? limits.overrideMaxDays : limits.maxDays;
  const body = {
    lifetimeDays: Number(days),
    ...(override ? { override: true } : {}),
    delivery: delivery === 'secret' ? { kind: 'secret' as const, scope, key } : { kind: 'reveal' as const },
  };
  const submit = async () => {
    const parsed = rotateBody.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the form');
    if (parsed.data.lifetimeDays !== undefined && parsed.data.lifetimeDays > maxDays)
      return setError(`The lifetime can be at most ${maxDays} days${override ? '' : ' without override'}.`);
    setPending(true);
    onBusy(true);
    setError(null);
    try {
      setResult(
        await apiFetch(`/api/tokens/${encodeURIComponent(row.tokenId)}/rotate`, rotateResponseSchema, {
          method: 'POST',
          json: parsed.data,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: tokenQueries.all() });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The rotation could not be started.');
    } finally {
      setPending(false);
      onBusy(false);
    }
  };
  const how =
    plan.method === 'own'
      ? 'a new token for the identity Brickwatch acts as'
      : `a new token on behalf of the service principal ${ownerLabel(row.owner)}`;

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) void submit();
      }}
    >
      <p className="text-sm text-muted">
        Brickwatch creates {how}, delivers it, and only then revokes the old token. If any step fails the old token stays valid.
      </p>
      <div className="space-y-1.5">
        <label htmlFor={`${ids}-days`} className="block text-sm font-medium">
          Lifetime of the new token (days)
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <input
            id={`${ids}-days`}
            type="number"
            min={1}
            max={maxDays}
            step={1}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            className={`${field} w-28 tabular-nums`}
          />
          <span className="text-xs text-muted">
            Up to {maxDays} days
            {limits.overrideMaxDays > limits.maxDays && !override ? ' (the recommended maximum)' : ' (the workspace maximum)'}.
          </span>
        </div>
        {limits.overrideMaxDays > limits.maxDays ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} className="size-4" />
            Allow more than {limits.maxDays} days (up to {limits.overrideMaxDays}) — not recommended
          </label>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Deliver the new value</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={`${ids}-delivery`}
            checked={delivery === 'secret'}
            onChange={() => setDelivery('secret')}
            className="mt-0.5 size-4"
          />
          <span>
            Write it into a secret{' '}
            <span className="text-muted">(recommended: never shown to anyone; the workload reads it from the scope)</span>
          </span>
        </label>
        {delivery === 'secret' ? (
          <div className="ml-6 flex flex-wrap gap-3">
            <span className="space-y-1">
              <label htmlFor={`${ids}-scope`} className="block text-xs text-muted">
                Secret scope
              </label>
              <input
                id={`${ids}-scope`}
                value={scope}
                onChange={(e) => setScope(e.target.value)}
                list={`${ids}-scopes`}
                autoComplete="off"
                spellCheck={false}
                className={`${field} w-48 font-mono`}
              />
              <ScopeDatalist id={`${ids}-scopes`} scopes={scopes} />
            </span>
            <span className="space-y-1">
              <label htmlFor={`${ids}-key`} className="block text-xs text-muted">
                Key
              </label>
              <input
                id={`${ids}-key`}
                value={key}
                onChange={(e) => setKey(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                className={`${field} w-48 font-mono`}
              />
            </span>
          </div>
        ) : null}
        {delivery === 'secret' && scopeWarning(scope, scopes) ? (
          <InlineStatus tone="warning" className="ml-6">
            {scopeWarning(scope, scopes)}
          </InlineStatus>
        ) : null}
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={`${ids}-delivery`}
            checked={delivery === 'reveal'}
            onChange={() => setDelivery('reveal')}
            className="mt-0.5 size-4"
          />
          <span>
            Show it to me once <span className="text-muted">(you copy it into the workload yourself; Brickwatch keeps no copy)</span>
          </span>
        </label>
      </fieldset>
      {error ? <InlineStatus tone="danger">{error}</InlineStatus> : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={pending}>
          Rotate token
        </Button>
      </div>
    </form>
  );
}
