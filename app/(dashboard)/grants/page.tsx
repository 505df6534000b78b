// /grants (analyst and up): the grant matrix. The server checks the role, reads the view from the URL and prefetches
// the matrix; the client renders it. The other tabs are routes of their own (findings/, access/).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { grantsHref, legacyGrantsTab, matrixQueryOf, parseGrantsPage } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { loadMatrix } from '@/lib/grants/server/matrix';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { MatrixClient } from './client';

export const metadata: Metadata = { title: 'Grants' };

export default async function GrantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('analyst');
  const raw = await searchParams;
  const state = parseGrantsPage(raw);
  // A link made while the tabs were one page (`?tab=findings`, kept in a report or a bookmark) still lands.
  const tab = legacyGrantsTab(raw);
  if (tab) redirect(grantsHref(tab, state));
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  const query = matrixQueryOf(state);
  // Awaited (loading.tsx shows meanwhile): the views render from useQuery, so the server must render what the browser
  // will hydrate with; a query still pending on the server but settled in the browser would not hydrate.
  await queryClient.prefetchQuery({ ...grantQueries.matrix(query), queryFn: () => loadMatrix(workspace, query) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MatrixClient canAct={hasRole(user.role, 'admin')} />
    </HydrationBoundary>
  );
}
