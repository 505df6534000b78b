// /grants (analyst and up): the server checks the role, reads the view from the URL and prefetches what the open tab
// shows; the client renders it.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { matrixQueryOf, parseGrantsPage } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { whatCanRead, whoCanRead } from '@/lib/grants/server/access';
import { loadFindings } from '@/lib/grants/server/findings';
import { loadMatrix } from '@/lib/grants/server/matrix';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { GrantsClient } from './client';

export const metadata: Metadata = { title: 'Grants' };

export default async function GrantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('analyst');
  const state = parseGrantsPage(await searchParams);
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  // Awaited (loading.tsx shows meanwhile): the views render from useQuery, so the server must render what the browser
  // will hydrate with; a query still pending on the server but settled in the browser would not hydrate.
  const prefetches: Array<Promise<void>> = [];
  if (state.tab === 'matrix') {
    const query = matrixQueryOf(state);
    prefetches.push(queryClient.prefetchQuery({ ...grantQueries.matrix(query), queryFn: () => loadMatrix(workspace, query) }));
  } else if (state.tab === 'findings') {
    prefetches.push(
      queryClient.prefetchQuery({ ...grantQueries.findings(state.days), queryFn: () => loadFindings(workspace, state.days) }),
    );
  } else {
    const { readable, reader } = state;
    if (readable)
      prefetches.push(queryClient.prefetchQuery({ ...grantQueries.whoCanRead(readable), queryFn: () => whoCanRead(workspace, readable) }));
    if (reader)
      prefetches.push(queryClient.prefetchQuery({ ...grantQueries.whatCanRead(reader), queryFn: () => whatCanRead(workspace, reader) }));
  }
  await Promise.all(prefetches);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <GrantsClient canAct={hasRole(user.role, 'admin')} />
    </HydrationBoundary>
  );
}
