'use client';
// Setting the maximum lifetime of new tokens: the change is spelled out before it is made.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import { dayCount, policyChangeSchema } from '@/lib/tokens/contract';
import { tokenQueries } from '@/lib/tokens/queries';
import { describePolicyChange, MAX_TOKEN_LIFETIME_LIMITS } from '@/lib/tokens/rules/policy';

export function PolicyDialog({ open, onClose, current }: { open: boolean; onClose: () => void; current: number | null }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Maximum token lifetime"
      description="Caps how long new personal access tokens may live in this workspace (maxTokenLifetimeDays)."
    >
      <PolicyForm current={current} onClose={onClose} />
    </Dialog>
  );
}

function PolicyForm({ current, onClose }: { current: number | null; onClose: () => void }) {
  const inputId = useId();
  const [text, setText] = useState(String(current !== null && current <= 90 ? current : 90));
  const queryClient = useQueryClient();
  const toast = useToast();
  const days = Number(text);
  const change = text.trim() === '' ? null : describePolicyChange(current, days);
  const save = useMutation({
    mutationFn: () => apiFetch('/api/tokens/policy', policyChangeSchema, { method: 'PUT', json: { maxTokenLifetimeDays: days } }),
    onSuccess: async () => {
      toast(`Maximum token lifetime set to ${dayCount(days)}`);
      await queryClient.invalidateQueries({ queryKey: tokenQueries.all() });
      onClose();
    },
  });
  const unchanged = current === days;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (change && !unchanged) save.mutate();
      }}
    >
      <label htmlFor={inputId} className="block text-sm">
        New maximum, in days ({MAX_TOKEN_LIFETIME_LIMITS.min}–{MAX_TOKEN_LIFETIME_LIMITS.max})
      </label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={MAX_TOKEN_LIFETIME_LIMITS.min}
        max={MAX_TOKEN_LIFETIME_LIMITS.max}
        step={1}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="h-9 w-32 rounded-md border border-border-strong bg-surface px-3 text-sm tabular-nums"
        aria-describedby={`${inputId}-change`}
      />
      <div id={`${inputId}-change`}>
        {change === null ? (
          <InlineStatus tone="danger">
            Enter a whole number of days from {MAX_TOKEN_LIFETIME_LIMITS.min} to {MAX_TOKEN_LIFETIME_LIMITS.max}.
          </InlineStatus>
        ) : unchanged ? (
          <InlineStatus>This is the current maximum.</InlineStatus>
        ) : (
          <InlineStatus tone={days > 90 ? 'warning' : 'info'}>{change}</InlineStatus>
        )}
      </div>
      {save.error ? <InlineStatus tone="danger">{save.error.message}</InlineStatus> : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" disabled={!change || unchanged} pending={save.isPending}>
          {change && !unchanged ? `Set maximum to ${dayCount(days)}` : 'Set maximum'}
        </Button>
      </div>
    </form>
  );
}
