// /tokens (analyst and up): the server checks the role, reads the filters from the URL and reads the list; the page
// carries the summary and the first screen of rows, and the browser asks GET /api/tokens for the rest (answered from
// the read cache this render has just filled), so 20,000 tokens do not have to cross in the HTML before anything shows.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { preload } from 'react-dom';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { tokenListView, wantsFresh } from '@/lib/tokens/server/list';
import { getServerQueryClient } from '@/lib/query/server';
import { settledOnServer } from '@/lib/query/server-failure';
import { isQueryFailure } from '@/lib/query/fetch';
import { FIRST_SCREEN_ROWS, tokenListUrl, tokenQueries } from '@/lib/tokens/queries';
import { headOfWire } from '@/lib/tokens/rules/wire';
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
  // Awaited, with loading.tsx's skeleton on screen meanwhile: the first rows arrive with the page, so the server's HTML
  // and the browser's first render agree (a list that resolved in between would not hydrate), and a failing upstream
  // is on the page within the server's retry budget, in the words the API would use.
  const list = tokenQueries.list(filters);
  await queryClient.prefetchQuery({
    ...list,
    queryFn: () =>
      settledOnServer('tokens.list', async () => {
        const { data } = await tokenListView(workspace, filters, { fresh });
        return { ...data, tokens: headOfWire(data.tokens, FIRST_SCREEN_ROWS) };
      }),
  });
  const answer = queryClient.getQueryData(list.queryKey);
  // The browser starts on the rest of the list while it loads and hydrates the page; the query's own request then
  // takes this response instead of asking again (same address, same-origin credentials).
  if (answer && !isQueryFailure(answer) && answer.tokens.rows.length < answer.matched)
    preload(tokenListUrl(filters), { as: 'fetch', crossOrigin: 'anonymous' });
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
