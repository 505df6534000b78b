// queryOptions for the tokens area, shared by the server prefetch, useQuery and invalidation. Keys are hierarchical:
// ['tokens'] invalidates the area after any action; ['tokens', 'list', <canonical filter string>] is one view.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch, isQueryFailure, type QueryFailure } from '@/lib/query/fetch';
import {
  rotationsResponseSchema,
  tokenFiltersToSearchParams,
  tokenListResponseSchema,
  type TokenFilters,
  type TokenListResponse,
} from './contract';
import type { TokenRow } from './rules/types';
import { decodeTokenRows } from './rules/wire';

/** `complete` is false while only the server page's first screen of rows is here (the rest is on its way). */
export type TokenList = Omit<TokenListResponse, 'tokens'> & { rows: TokenRow[]; complete: boolean };

/** Rows the server page embeds: a screenful and some scrolling, a few kB, whatever the list's length. */
export const FIRST_SCREEN_ROWS = 40;

const isPartial = (answer: TokenListResponse | QueryFailure | undefined) =>
  answer !== undefined && !isQueryFailure(answer) && answer.tokens.rows.length < answer.matched;

/** Module-level so React Query memoises the decoded rows per response instead of decoding on every render. */
function decode({ tokens, ...rest }: TokenListResponse): TokenList {
  return { ...rest, rows: decodeTokenRows(tokens, rest.generatedAt), complete: tokens.rows.length >= rest.matched };
}

/** The API address of a view (the server page preloads it; the browser then fetches the same one). */
export function tokenListUrl(filters: TokenFilters): string {
  const qs = tokenFiltersToSearchParams(filters).toString();
  return `/api/tokens${qs ? `?${qs}` : ''}`;
}

/** `reload` asks the server to re-read Databricks instead of answering from its short cache (the Refresh button). */
export function fetchTokenList(filters: TokenFilters, signal?: AbortSignal, reload = false): Promise<TokenListResponse> {
  return apiFetch(tokenListUrl(filters), tokenListResponseSchema, { signal, ...(reload ? { cache: 'reload' as const } : {}) });
}

export const tokenQueries = {
  all: () => ['tokens'] as const,
  lists: () => [...tokenQueries.all(), 'list'] as const,
  list: (filters: TokenFilters) =>
    queryOptions({
      queryKey: [...tokenQueries.lists(), tokenFiltersToSearchParams(filters).toString()] as const,
      // The server page's prefetch answers a failure as a value (the browser then shows it without asking again);
      // the browser's own reads throw, so a failed refresh keeps the tokens already shown.
      queryFn: ({ signal }): Promise<TokenListResponse | QueryFailure> => fetchTokenList(filters, signal),
      select: (answer) => (isQueryFailure(answer) ? answer : decode(answer)),
      // A first screen is stale at once: the browser fetches the whole view as soon as the page is live.
      staleTime: (query) => (isPartial(query.state.data) ? 0 : 15_000),
    }),
  rotations: () =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'rotations'] as const,
      queryFn: ({ signal }) => apiFetch('/api/tokens/rotations', rotationsResponseSchema, { signal }),
      staleTime: 15_000,
    }),
};
