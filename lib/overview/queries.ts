// queryOptions for the overview area: one factory shared by the server prefetch, useQuery and invalidation.
// Keys are hierarchical: ['overview'] invalidates the area, ['overview', 'health'] both checks.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import { healthSchema, type HealthTarget } from './contract';

export const overviewQueries = {
  all: () => ['overview'] as const,
  healthAll: () => [...overviewQueries.all(), 'health'] as const,
  health: (target: HealthTarget) =>
    queryOptions({
      queryKey: [...overviewQueries.healthAll(), target] as const,
      queryFn: ({ signal }) => apiFetch(`/api/overview/health?target=${target}`, healthSchema, { signal }),
      refetchInterval: 60_000,
      staleTime: 15_000,
    }),
};
