// /tokens (analyst and up): the server checks the role, reads the filters from the URL and starts the list query;
// the client renders it as soon as it streams in.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { tokenListView, wantsFresh } from '@/lib/tokens/server/list';
import { getServerQueryClient } from '@/lib/query/server';
import { tokenQueries } from '@/lib/tokens/queries';
import { hasRole } from '@/lib/roles';
import { DEFAULT_TOKEN_FILTERS, parseTokenFilters } from '@/lib/tokens/contract';
import { TokensClient } from './client';

export const metadata: Metadata = { title: 'Tokens' };

export default async function TokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('analyst');
  const parsed = parseTokenFilters(await searchParams);
  const filters = parsed.success ? parsed.data : DEFAULT_TOKEN_FILTERS;
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  // A browser reload sends Cache-Control: max-age=0; the person then gets fresh reads, not the short cache.
  const fresh = wantsFresh(await headers());
  // Not awaited: the page shell renders at once and the list streams into it when Databricks has answered.
  void queryClient.prefetchQuery({
    ...tokenQueries.list(filters),
    queryFn: async () => (await tokenListView(workspace, filters, { fresh })).data,
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TokensClient
        filterError={parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid filters')}
        canAct={hasRole(user.role, 'admin')}
      />
    </HydrationBoundary>
  );
}
