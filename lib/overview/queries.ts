// queryOptions for the overview area: one factory shared by the server prefetch, useQuery and invalidation.
// Keys are hierarchical: ['overview'] invalidates the area, ['overview', 'health'] both checks.
import { queryOptions } from '@tanstack/react-query';
import type { Health } from '@/lib/overview/server/health';
import { apiFetch } from '@/lib/query/fetch';

export type HealthTarget = 'rest' | 'sql';

export const overviewQueries = {
  all: () => ['overview'] as const,
  healthAll: () => [...overviewQueries.all(), 'health'] as const,
  health: (target: HealthTarget) =>
    queryOptions({
      queryKey: [...overviewQueries.healthAll(), target] as const,
      queryFn: ({ signal }) => apiFetch<Health>(`/api/overview/health?target=${target}`, { signal }),
      refetchInterval: 60_000,
      staleTime: 15_000,
    }),
};
