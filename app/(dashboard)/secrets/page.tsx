// /secrets (analyst and up): the server checks the role, reads the filters from the URL and starts the scope list and
// the credentials check; the client renders each as soon as it streams in.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { DEFAULT_SCOPE_FILTERS, parseScopeFilters } from '@/lib/secrets/contract';
import { secretQueries } from '@/lib/secrets/queries';
import { refreshAll, wantsFresh } from '@/lib/secrets/server/cache';
import { loadPlainCredentials } from '@/lib/secrets/server/plain';
import { scopeListView } from '@/lib/secrets/server/view';
import { SecretsClient } from './client';

export const metadata: Metadata = { title: 'Secrets' };

export default async function SecretsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('analyst');
  const parsed = parseScopeFilters(await searchParams);
  const filters = parsed.success ? parsed.data : DEFAULT_SCOPE_FILTERS;
  const workspace = getWorkspace(user);
  // A browser reload sends Cache-Control: max-age=0; the person then gets fresh reads, not the short cache.
  if (wantsFresh(await headers())) refreshAll(workspace);
  const queryClient = getServerQueryClient();
  // Not awaited: the page shell renders at once and each part streams into it when Databricks has answered.
  void queryClient.prefetchQuery({ ...secretQueries.list(filters), queryFn: () => scopeListView(workspace, filters) });
  void queryClient.prefetchQuery({ ...secretQueries.plain(), queryFn: () => loadPlainCredentials(workspace) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SecretsClient
        filterError={parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid filters')}
        canAct={hasRole(user.role, 'admin')}
      />
    </HydrationBoundary>
  );
}
