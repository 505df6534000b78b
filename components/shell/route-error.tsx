'use client';
import { Button } from '@/components/ui/button';
import { InlineStatus } from '@/components/ui/inline-status';
import { RefreshIcon } from '@/components/ui/icons';

/** The body of every segment's error.tsx: what failed, a retry, and the reference to quote — never a stack trace. */
export function RouteError({ error, reset, what }: { error: Error & { digest?: string }; reset: () => void; what: string }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-10">
      <h1 className="text-lg font-semibold">Could not show {what}</h1>
      <InlineStatus tone="danger">
        Something went wrong while loading this page.
        {error.digest ? (
          <>
            {' '}
            Reference: <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
      </InlineStatus>
      <Button variant="primary" icon={<RefreshIcon />} onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
