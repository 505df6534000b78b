// Activity: every change made through Brickwatch (the hash-chained action log). Reference screen for the pattern:
// page.tsx checks the role, parses the URL filters with the shared schema and prefetches; client.tsx renders.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { activityPage, filtersOf } from '@/lib/activity/contract';
import { activityQueries } from '@/lib/activity/queries';
import { getServerQueryClient } from '@/lib/query/server';
import { entryNames, loadActivity, loadEntry } from '@/lib/activity/server/load';
import { getWorkspace, type Workspace } from '@/lib/databricks/get-workspace';
import { getDb } from '@/lib/store/db';
import { parseSearchParams, type RawSearchParams } from '@/lib/url-state';
import { ActivityClient } from './client';

export const metadata: Metadata = { title: 'Activity' };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireRole('analyst');
  const state = parseSearchParams(activityPage, await searchParams);
  const filters = filtersOf(state);
  const queryClient = getServerQueryClient();
  // Local SQLite: fast enough to await, so the first paint already has the table (and the entry a link opened).
  await Promise.all([
    queryClient.prefetchQuery({ ...activityQueries.list(filters), queryFn: () => loadActivity(getDb(), filters) }),
    state.entry !== undefined ? prefetchEntry(getWorkspace(user), state.entry) : null,
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ActivityClient />
    </HydrationBoundary>
  );
}

async function prefetchEntry(ws: Workspace, seq: number) {
  const found = await loadEntry(getDb(), seq);
  // Only a found entry: for a missing one the drawer asks the API, which says so.
  if (found)
    getServerQueryClient().setQueryData(activityQueries.entry(seq).queryKey, { ...found, names: await entryNames(ws, found.entry) });
}
