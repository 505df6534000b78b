// queryOptions for the activity area, shared by the server prefetch, useQuery and invalidation.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import { toSearchParams } from '@/lib/url-state';
import { activityEntryResponseSchema, activityResponseSchema, type ActivityFilters } from './contract';

export const activityQueries = {
  all: () => ['activity'] as const,
  list: (filters: ActivityFilters) =>
    queryOptions({
      queryKey: [...activityQueries.all(), 'list', toSearchParams(filters).toString()] as const,
      queryFn: ({ signal }) => apiFetch(`/api/activity?${toSearchParams(filters)}`, activityResponseSchema, { signal }),
      placeholderData: keepPreviousData,
    }),
  entry: (seq: number) =>
    queryOptions({
      queryKey: [...activityQueries.all(), 'entry', seq] as const,
      queryFn: ({ signal }) => apiFetch(`/api/activity/${seq}`, activityEntryResponseSchema, { signal }),
    }),
};
