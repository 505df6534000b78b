// queryOptions for the secrets area, shared by the server prefetch, useQuery and invalidation. Keys are hierarchical:
// ['secrets'] invalidates the area after any action; ['secrets', 'list', <canonical filters>] is one view of the list.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import {
  plainCredentialsResponseSchema,
  principalsResponseSchema,
  scopeDetailSchema,
  scopeFiltersToSearchParams,
  scopesResponseSchema,
  type ScopeFilters,
} from './contract';

/** `reload` asks the server to re-read Databricks instead of answering from its short cache (the Refresh button). */
const reloadInit = (signal: AbortSignal | undefined, reload: boolean) => ({ signal, ...(reload ? { cache: 'reload' as const } : {}) });

export function fetchScopeList(filters: ScopeFilters, signal?: AbortSignal, reload = false) {
  const qs = scopeFiltersToSearchParams(filters).toString();
  return apiFetch(`/api/secrets/scopes${qs ? `?${qs}` : ''}`, scopesResponseSchema, reloadInit(signal, reload));
}

export function fetchPlainCredentials(signal?: AbortSignal, reload = false) {
  return apiFetch('/api/secrets/plain-credentials', plainCredentialsResponseSchema, reloadInit(signal, reload));
}

export const scopePath = (scope: string) => `/api/secrets/scopes/${encodeURIComponent(scope)}`;

export const secretQueries = {
  all: () => ['secrets'] as const,
  lists: () => [...secretQueries.all(), 'list'] as const,
  list: (filters: ScopeFilters) =>
    queryOptions({
      queryKey: [...secretQueries.lists(), scopeFiltersToSearchParams(filters).toString()] as const,
      queryFn: ({ signal }) => fetchScopeList(filters, signal),
      staleTime: 15_000,
    }),
  scope: (name: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(), 'scope', name.toLowerCase()] as const,
      queryFn: ({ signal }) => apiFetch(scopePath(name), scopeDetailSchema, { signal }),
      staleTime: 15_000,
    }),
  plain: () =>
    queryOptions({
      queryKey: [...secretQueries.all(), 'plain'] as const,
      queryFn: ({ signal }) => fetchPlainCredentials(signal),
      staleTime: 30_000,
    }),
  principals: (q: string) =>
    queryOptions({
      queryKey: [...secretQueries.all(), 'principals', q.trim().toLowerCase()] as const,
      queryFn: ({ signal }) => apiFetch(`/api/secrets/principals?q=${encodeURIComponent(q.trim())}`, principalsResponseSchema, { signal }),
      staleTime: 60_000,
    }),
};
