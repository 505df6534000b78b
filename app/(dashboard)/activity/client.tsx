'use client';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { ActivityFilterBar } from '@/components/activity/activity-filter-bar';
import { ActivityTable } from '@/components/activity/activity-table';
import { ChainStatus } from '@/components/activity/chain-status';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonTable } from '@/components/ui/skeleton';
import { activityFilters, activityQueries, ACTIVITY_DEFAULTS, type ActivityFilters } from '@/lib/activity/contract';
import { parseSearchParams, toSearchParams } from '@/lib/url-state';

export function ActivityClient() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  // The URL is the state: the same schema the server page parsed.
  const filters = parseSearchParams(activityFilters, searchParams);
  const { data, error, isFetching } = useQuery(activityQueries.list(filters));
  const setFilters = (next: ActivityFilters) =>
    startTransition(() => router.replace(`${pathname}?${toSearchParams(next, ACTIVITY_DEFAULTS)}`, { scroll: false }));

  return (
    <>
      <PageHeader
        title="Activity"
        description="Every change made through Brickwatch: who, what, on which object, with what outcome. Rows are hash-chained, so an edited or removed row shows."
      />
      <div className="space-y-4">
        {data ? <ChainStatus chain={data.chain} /> : null}
        <ActivityFilterBar key={JSON.stringify(filters)} filters={filters} onChange={setFilters} busy={pending || isFetching} />
        {error ? <InlineStatus tone="danger">{error.message}</InlineStatus> : null}
        {data ? (
          <ActivityTable entries={data.entries} limited={data.limited} filtered={Object.values(filters).some(Boolean)} />
        ) : !error ? (
          <SkeletonTable rows={6} columns={6} />
        ) : null}
      </div>
    </>
  );
}
