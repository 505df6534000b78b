// /grants (analyst and up): the server checks the role, reads the view from the URL and starts the query the open tab
// shows; the client renders it as soon as it streams in.
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
  // Not awaited: the shell renders at once and the open tab's data streams into it.
  if (state.tab === 'matrix') {
    const query = matrixQueryOf(state);
    void queryClient.prefetchQuery({ ...grantQueries.matrix(query), queryFn: () => loadMatrix(workspace, query) });
  } else if (state.tab === 'findings') {
    void queryClient.prefetchQuery({ ...grantQueries.findings(state.days), queryFn: () => loadFindings(workspace, state.days) });
  } else {
    if (state.readable) {
      const readable = state.readable;
      void queryClient.prefetchQuery({ ...grantQueries.whoCanRead(readable), queryFn: () => whoCanRead(workspace, readable) });
    }
    if (state.reader) {
      const reader = state.reader;
      void queryClient.prefetchQuery({ ...grantQueries.whatCanRead(reader), queryFn: () => whatCanRead(workspace, reader) });
    }
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <GrantsClient canAct={hasRole(user.role, 'admin')} />
    </HydrationBoundary>
  );
}
