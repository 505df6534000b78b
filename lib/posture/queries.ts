// queryOptions for the posture area, shared by the server prefetch, useQuery and invalidation. ['posture'] invalidates
// the area after an exception changes or an admin evaluates.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import { exceptionsResponseSchema, postureSchema, trendSchema } from './contract';

export const postureQueries = {
  all: () => ['posture'] as const,
  summary: () =>
    queryOptions({
      queryKey: [...postureQueries.all(), 'summary'] as const,
      queryFn: ({ signal }) => apiFetch('/api/posture', postureSchema, { signal }),
      staleTime: 30_000,
      refetchInterval: 300_000,
    }),
  trend: () =>
    queryOptions({
      queryKey: [...postureQueries.all(), 'trend'] as const,
      queryFn: ({ signal }) => apiFetch('/api/posture/trend', trendSchema, { signal }),
      staleTime: 60_000,
    }),
  exceptions: () =>
    queryOptions({
      queryKey: [...postureQueries.all(), 'exceptions'] as const,
      queryFn: ({ signal }) => apiFetch('/api/posture/exceptions', exceptionsResponseSchema, { signal }),
      staleTime: 30_000,
    }),
};
