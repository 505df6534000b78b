// queryOptions for the data-protection area. ['data-protection'] invalidates the area after a change.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import { columnsResponseSchema } from './contract';

export const protectionQueries = {
  all: () => ['data-protection'] as const,
  columns: (catalog?: string) =>
    queryOptions({
      queryKey: [...protectionQueries.all(), 'columns', catalog ?? ''] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/data-protection/columns${catalog ? `?catalog=${encodeURIComponent(catalog)}` : ''}`, columnsResponseSchema, {
          signal,
        }),
      staleTime: 30_000,
    }),
};
