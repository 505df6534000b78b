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

export type TokenList = Omit<TokenListResponse, 'tokens'> & { rows: TokenRow[] };

/** Module-level so React Query memoises the decoded rows per response instead of decoding on every render. */
function decode({ tokens, ...rest }: TokenListResponse): TokenList {
  return { ...rest, rows: decodeTokenRows(tokens, rest.generatedAt) };
}

/** `reload` asks the server to re-read Databricks instead of answering from its short cache (the Refresh button). */
export function fetchTokenList(filters: TokenFilters, signal?: AbortSignal, reload = false): Promise<TokenListResponse> {
  const qs = tokenFiltersToSearchParams(filters).toString();
  return apiFetch(`/api/tokens${qs ? `?${qs}` : ''}`, tokenListResponseSchema, { signal, ...(reload ? { cache: 'reload' as const } : {}) });
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
      staleTime: 15_000,
    }),
  rotations: () =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'rotations'] as const,
      queryFn: ({ signal }) => apiFetch('/api/tokens/rotations', rotationsResponseSchema, { signal }),
      staleTime: 15_000,
    }),
};
