'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Copies text a person will paste elsewhere (a secret reference), and says so. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`${label} ${text}`}
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2_000);
          },
          () => setCopied(false),
        )
      }
    >
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </Button>
  );
}
