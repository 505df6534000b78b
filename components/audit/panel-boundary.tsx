'use client';
// Each audit panel loads, fails and retries on its own: a Suspense fallback shaped like the panel, and an error
// boundary that shows what could not be collected ("Not collected: …") — never an empty "all clear".
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, Suspense, useEffect, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { RefreshIcon } from '@/components/ui/icons';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { ApiClientError } from '@/lib/query/fetch';

interface BoundaryProps {
  onReset: () => void;
  fallback: (error: unknown, reset: () => void, autoRetry: (() => void) | null) => ReactNode;
  children: ReactNode;
}

class ErrorBoundary extends Component<BoundaryProps, { error: unknown; autoRetried: boolean }> {
  state = { error: undefined as unknown, autoRetried: false };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    if (!(error instanceof ApiClientError)) console.error('audit panel failed', error, info.componentStack);
  }

  reset = () => {
    this.props.onReset();
    this.setState({ error: undefined });
  };

  // At most once per panel, so a failure that is not an API answer (a bug) cannot loop.
  autoRetry = () => {
    this.props.onReset();
    this.setState({ error: undefined, autoRetried: true });
  };

  render() {
    const { error, autoRetried } = this.state;
    return error === undefined ? this.props.children : this.props.fallback(error, this.reset, autoRetried ? null : this.autoRetry);
  }
}

function PanelError({
  what,
  error,
  reset,
  autoRetry,
}: {
  what: string;
  error: unknown;
  reset: () => void;
  autoRetry: (() => void) | null;
}) {
  const fromApi = error instanceof ApiClientError;
  // A failure streamed from the server render arrives redacted; asking the API once more yields the real reason.
  const retryNow = fromApi ? null : autoRetry;
  useEffect(() => retryNow?.(), [retryNow]);
  const reason = fromApi
    ? `${error.message}${error.requestId ? ` (reference ${error.requestId})` : ''}`
    : 'Brickwatch could not load this panel. Try again; if it keeps failing, the server log has the details.';
  return (
    <DegradedNotice
      what={what}
      reason={reason}
      action={
        <Button size="sm" variant="secondary" icon={<RefreshIcon />} onClick={reset}>
          Try again
        </Button>
      }
    />
  );
}

export function PanelBoundary({ what, skeleton, children }: { what: string; skeleton: ReactNode; children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallback={(error, retry, autoRetry) => <PanelError what={what} error={error} reset={retry} autoRetry={autoRetry} />}
        >
          <Suspense fallback={skeleton}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

export function PanelSkeleton({ title, rows = 4 }: { title: string; rows?: number }) {
  return (
    <Card title={title} description="Loading…">
      <SkeletonRegion label={`Loading ${title.toLowerCase()}`} className="space-y-3">
        <Skeleton className="h-28 w-full" />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-4 w-full" />
        ))}
      </SkeletonRegion>
    </Card>
  );
}
