'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { RefreshIcon } from '@/components/ui/icons';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { Words } from '@/components/ui/words';
import type { HealthTarget } from '@/lib/overview/contract';
import { overviewQueries } from '@/lib/overview/queries';

export function HealthCard({ target, title, description }: { target: HealthTarget; title: string; description: string }) {
  const { data, isFetching, refetch } = useSuspenseQuery(overviewQueries.health(target));
  return (
    <Card
      title={title}
      description={description}
      actions={
        <Button size="sm" variant="ghost" icon={<RefreshIcon />} pending={isFetching} onClick={() => void refetch()}>
          {/* The name starts with the visible words (speech input users say what they see), then says which check. */}
          Check again<span className="sr-only"> ({title})</span>
        </Button>
      }
    >
      <div className="space-y-3" aria-live="polite">
        <div className="flex flex-wrap items-center gap-2">
          {data.ok ? <Badge tone="success">Connected</Badge> : <Badge tone="danger">Failing</Badge>}
          <span className="text-xs text-muted tabular-nums">
            {data.latencyMs} ms · checked {new Date(data.checkedAt).toISOString().slice(11, 19)} UTC
          </span>
        </div>
        {data.ok ? (
          <p className="text-sm">
            <span className="text-muted">Databricks sees </span>
            <span className="font-medium">
              <Words text={data.identity} />
            </span>
          </p>
        ) : (
          <DegradedNotice reason={data.error} />
        )}
      </div>
    </Card>
  );
}

export function HealthCardSkeleton({ title }: { title: string }) {
  return (
    <Card title={title} description="Checking…">
      <SkeletonRegion label={`Checking ${title}`} className="space-y-3">
        <Skeleton className="h-5 w-32" />
        <Skeleton className="h-4 w-3/4" />
      </SkeletonRegion>
    </Card>
  );
}
