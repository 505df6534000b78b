// /tokens (analyst and up): the server checks the role, reads the filters from the URL and reads the list; the client
// renders it.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { tokenListView, wantsFresh } from '@/lib/tokens/server/list';
import { getServerQueryClient } from '@/lib/query/server';
import { settledOnServer } from '@/lib/query/server-failure';
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
  // Awaited, with loading.tsx's skeleton on screen meanwhile: the list arrives with the page, so the server's HTML and
  // the browser's first render agree (a list that resolved in between would not hydrate), and a failing upstream is
  // on the page within the server's retry budget, in the words the API would use.
  await queryClient.prefetchQuery({
    ...tokenQueries.list(filters),
    queryFn: () => settledOnServer('tokens.list', async () => (await tokenListView(workspace, filters, { fresh })).data),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TokensClient
        filterError={parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid filters')}
        canAct={hasRole(user.role, 'admin')}
        person={{ userName: user.userName }}
      />
    </HydrationBoundary>
  );
}
