'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ActivityFilterBar } from '@/components/activity/activity-filter-bar';
import { ActivityTable } from '@/components/activity/activity-table';
import { ChainStatus } from '@/components/activity/chain-status';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonTable } from '@/components/ui/skeleton';
import { ACTIVITY_URL, activityResponseSchema, filtersOf } from '@/lib/activity/contract';
import { activityQueries } from '@/lib/activity/queries';
import { apiFetch } from '@/lib/query/fetch';
import { useUrlState } from '@/lib/use-url-state';
import { toSearchParams } from '@/lib/url-state';
import { afterHydration } from '@/components/ui/after-hydration';

// Not needed at first paint: loaded once the page is interactive (a linked entry opens as soon as it arrives).
const EntryDrawer = afterHydration(() => import('@/components/activity/entry-drawer').then((m) => m.EntryDrawer));

export function ActivityClient() {
  // The URL is the state: the same schema the server page parsed (filters, and the entry open in the drawer).
  const [state, setState] = useUrlState(ACTIVITY_URL);
  const filters = filtersOf(state);
  const { data, error, isFetching } = useQuery(activityQueries.list(filters));
  const queryClient = useQueryClient();
  const verifyAll = useMutation({
    mutationFn: () => apiFetch(`/api/activity?${toSearchParams({ ...filters, verify: 'full' })}`, activityResponseSchema),
    onSuccess: (fresh) => queryClient.setQueryData(activityQueries.list(filters).queryKey, fresh),
  });

  return (
    <>
      <PageHeader
        title="Activity"
        description="Every change made through Brickwatch: who, what, on which object, with what outcome. Rows are chained with a keyed hash and anchored outside the database, so an edited, removed or cut-off row shows. Select a row to see it in full."
      />
      <div className="space-y-4">
        {data ? <ChainStatus chain={data.chain} onVerifyAll={() => verifyAll.mutate()} verifying={verifyAll.isPending} /> : null}
        {verifyAll.error ? <InlineStatus tone="danger">{verifyAll.error.message}</InlineStatus> : null}
        <ActivityFilterBar key={JSON.stringify(filters)} filters={filters} onChange={(next) => setState(() => next)} busy={isFetching} />
        {error ? <InlineStatus tone="danger">{error.message}</InlineStatus> : null}
        {data ? (
          <ActivityTable
            entries={data.entries}
            limited={data.limited}
            filtered={Object.values(filters).some(Boolean)}
            onOpen={(entry) => setState((s) => ({ ...s, entry }))}
          />
        ) : !error ? (
          <SkeletonTable rows={6} columns={6} />
        ) : null}
      </div>
      <EntryDrawer seq={state.entry} onClose={() => setState((s) => ({ ...s, entry: undefined }))} />
    </>
  );
}
