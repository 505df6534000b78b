'use client';
// A new token value, shown once. Masked until revealed (the value is not even in the DOM while masked), copyable
// without revealing, and gone once confirmed, discarded or the dialog closes: it lives only in component state.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { InlineStatus } from '@/components/ui/inline-status';

export function RevealValue({ value }: { value: string }) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">New token value</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-label={shown ? 'New token value' : 'New token value, hidden'}
          className="min-w-0 flex-1 rounded-md border border-border bg-surface-2 px-3 py-2 font-mono text-sm break-all"
          data-testid="new-token-value"
        >
          {shown ? value : `${value.slice(0, 4)}${'•'.repeat(24)}`}
        </code>
        <Button size="sm" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? 'Hide' : 'Reveal'}
        </Button>
        <Button size="sm" variant="primary" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {copied === 'failed' ? (
        <InlineStatus tone="warning">The browser did not allow copying; reveal the value and copy it by hand.</InlineStatus>
      ) : null}
      <InlineStatus tone="warning">
        This is the only time the value is shown, and Brickwatch keeps no copy. Store it where the workload reads it, then confirm below
        that you have.
      </InlineStatus>
    </div>
  );
}
