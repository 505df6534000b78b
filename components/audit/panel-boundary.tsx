'use client';
// Each audit panel loads, fails and retries on its own: a Suspense fallback shaped like the panel, and what could not
// be collected ("Not collected: …") in its place — never an empty "all clear". A read that failed arrives as a value
// (QueryFailure) and the panel shows it with PanelFailure; the error boundary is only for what nobody expected.
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, createContext, Suspense, useContext, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { RefreshIcon } from '@/components/ui/icons';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { ApiClientError, failureError, type QueryFailure } from '@/lib/query/fetch';

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

const PanelName = createContext('this panel');

/** A panel's read failed: why, in Databricks' or Brickwatch's words, with the reference to quote and a retry. */
export function PanelFailure({ failure, retry }: { failure: QueryFailure; retry: () => Promise<unknown> }) {
  const what = useContext(PanelName);
  const error = failureError(failure);
  const [retrying, setRetrying] = useState(false);
  return (
    <DegradedNotice
      what={what}
      reason={`${error.message}${error.requestId ? ` (reference ${error.requestId})` : ''}`}
      action={
        <Button
          size="sm"
          variant="secondary"
          icon={<RefreshIcon />}
          pending={retrying}
          onClick={() => {
            setRetrying(true);
            void retry().finally(() => setRetrying(false));
          }}
        >
          Try again
        </Button>
      }
    />
  );
}

export function PanelBoundary({ what, skeleton, children }: { what: string; skeleton: ReactNode; children: ReactNode }) {
  return (
    <PanelName.Provider value={what}>
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
    </PanelName.Provider>
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
