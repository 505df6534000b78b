// /data-protection (analyst and up): the server checks the role, reads the catalog from the URL and starts the columns
// query; the client renders it.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { parseProtectionPage } from '@/lib/data-protection/contract';
import { protectionQueries } from '@/lib/data-protection/queries';
import { loadColumns } from '@/lib/data-protection/server/columns';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { DataProtectionClient } from './client';

export const metadata: Metadata = { title: 'Data protection' };

export default async function DataProtectionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole('analyst');
  const state = parseProtectionPage(await searchParams);
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  // Awaited (loading.tsx shows meanwhile): the view renders from useQuery, so the server must render what the browser
  // will hydrate with; a query still pending on the server but settled in the browser would not hydrate.
  await queryClient.prefetchQuery({
    ...protectionQueries.columns(state.catalog),
    queryFn: () => loadColumns(workspace, { catalog: state.catalog }),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DataProtectionClient canAct={hasRole(user.role, 'admin')} />
    </HydrationBoundary>
  );
}
