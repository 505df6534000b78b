'use client';
// A rotation's outcome in words, what it means for both tokens, and the one retry it may offer (admins only; the
// server checks the role again).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { InlineStatus } from '@/components/ui/inline-status';
import { retryResponseSchema, type RotationView } from '@/lib/tokens/contract';
import { apiFetch } from '@/lib/query/fetch';
import { tokenQueries } from '@/lib/tokens/queries';
import type { RetryAction, RotationStatus } from '@/lib/tokens/rules/rotation-outcome';

/** "14:05" of an epoch-ms instant, in UTC (the page's one clock). */
export function utcTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

const TONE: Record<RotationStatus, 'success' | 'warning' | 'danger' | 'info'> = {
  completed: 'success',
  partial: 'warning',
  needs_attention: 'warning',
  awaiting_confirmation: 'warning',
  verifying: 'info',
  failed: 'danger',
  in_progress: 'info',
};

/** What each action button says, and the endpoint it calls. */
const ACTIONS: Record<RetryAction, Array<{ label: string; path: 'retry' | 'confirm' | 'discard'; danger?: boolean; primary?: boolean }>> = {
  revoke_old: [{ label: 'Retry revoking the old token', path: 'retry' }],
  revoke_new: [{ label: 'Retry revoking the unused new token', path: 'retry' }],
  reconcile: [{ label: 'Check again whether a token was created', path: 'retry' }],
  check_delivery: [{ label: 'Check the secret again', path: 'retry' }],
  confirm: [
    { label: 'I have stored it: revoke the old token', path: 'confirm', primary: true },
    { label: 'Discard the new token', path: 'discard', danger: true },
  ],
};

export function RotationOutcomeView({
  rotation,
  onChange,
  canRetry = true,
}: {
  rotation: RotationView;
  onChange?: (next: RotationView) => void;
  canRetry?: boolean;
}) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { outcome } = rotation;
  const act = async (path: 'retry' | 'confirm' | 'discard') => {
    setPending(true);
    setError(null);
    try {
      const res = await apiFetch(`/api/tokens/rotations/${encodeURIComponent(rotation.id)}/${path}`, retryResponseSchema, {
        method: 'POST',
        json: {},
      });
      onChange?.(res.rotation);
      await queryClient.invalidateQueries({ queryKey: tokenQueries.all() });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The retry could not be started.');
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="space-y-2">
      <InlineStatus tone={TONE[outcome.status]}>{outcome.message}</InlineStatus>
      <p className="text-xs text-muted">
        Old token: <strong>{outcome.oldToken}</strong> · New token: <strong>{outcome.newToken}</strong>
        {rotation.newTokenId ? (
          <>
            {' '}
            (<code className="font-mono">{rotation.newTokenId.slice(0, 12)}…</code>)
          </>
        ) : null}
        {rotation.delivery === 'secret' ? (
          <>
            {' '}
            · Secret {rotation.secretScope}/{rotation.secretKey}
          </>
        ) : null}
      </p>
      {outcome.retry && canRetry ? (
        <div className="flex flex-wrap gap-2">
          {ACTIONS[outcome.retry].map((a) => (
            <Button
              key={a.path}
              size="sm"
              variant={a.danger ? 'ghost-danger' : a.primary ? 'primary' : undefined}
              onClick={() => void act(a.path)}
              pending={pending}
            >
              {a.label}
            </Button>
          ))}
        </div>
      ) : null}
      {error ? <InlineStatus tone="danger">{error}</InlineStatus> : null}
    </div>
  );
}
