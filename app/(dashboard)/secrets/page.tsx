// /secrets (analyst and up): the server checks the role, reads the filters from the URL and reads the scope list and
// the credentials check; the client renders them.
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
  // Awaited (both at once), with loading.tsx's skeleton on screen meanwhile: the answers arrive with the page, so the
  // server's HTML and the browser's first render agree (an answer that resolved in between would not hydrate). A read
  // that failed is not sent along; the browser asks again and shows why.
  await Promise.all([
    queryClient.prefetchQuery({ ...secretQueries.list(filters), queryFn: () => scopeListView(workspace, filters) }),
    queryClient.prefetchQuery({ ...secretQueries.plain(), queryFn: () => loadPlainCredentials(workspace) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SecretsClient
        filterError={parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid filters')}
        canAct={hasRole(user.role, 'admin')}
      />
    </HydrationBoundary>
  );
}
