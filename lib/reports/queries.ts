// queryOptions for the reports area, shared by the server prefetch, useQuery and invalidation.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import { reportListSchema, reportSchema } from './contract';

export const reportQueries = {
  all: () => ['reports'] as const,
  list: () =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => apiFetch('/api/reports', reportListSchema, { signal }),
    }),
  // A stored report never changes: read once, kept for the session.
  detail: (id: string) =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => apiFetch(`/api/reports/${encodeURIComponent(id)}`, reportSchema, { signal }),
      staleTime: Infinity,
    }),
};
