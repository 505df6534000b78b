// queryOptions for the grants area, shared by the server prefetch, useQuery and invalidation. ['grants'] invalidates the
// area after a change; the rest are one view each.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import {
  findingsResponseSchema,
  matrixQueryString,
  matrixResponseSchema,
  securableDetailSchema,
  whatCanReadResponseSchema,
  whoCanReadResponseSchema,
  type MatrixQuery,
} from './contract';
import type { SecurableType } from './rules/privileges';

const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const grantQueries = {
  all: () => ['grants'] as const,
  matrix: (q: MatrixQuery) =>
    queryOptions({
      queryKey: [...grantQueries.all(), 'matrix', matrixQueryString(q)] as const,
      queryFn: ({ signal }) => {
        const s = matrixQueryString(q);
        return apiFetch(`/api/grants/matrix${s ? `?${s}` : ''}`, matrixResponseSchema, { signal });
      },
      staleTime: 30_000,
    }),
  findings: (days: number) =>
    queryOptions({
      queryKey: [...grantQueries.all(), 'findings', days] as const,
      queryFn: ({ signal }) => apiFetch(`/api/grants/findings?${qs({ days: String(days) })}`, findingsResponseSchema, { signal }),
      staleTime: 60_000,
    }),
  whoCanRead: (securable: string) =>
    queryOptions({
      queryKey: [...grantQueries.all(), 'who-can-read', securable.toLowerCase()] as const,
      queryFn: ({ signal }) => apiFetch(`/api/grants/who-can-read?${qs({ securable })}`, whoCanReadResponseSchema, { signal }),
      staleTime: 30_000,
    }),
  whatCanRead: (principal: string) =>
    queryOptions({
      queryKey: [...grantQueries.all(), 'what-can-read', principal.toLowerCase()] as const,
      queryFn: ({ signal }) => apiFetch(`/api/grants/what-can-read?${qs({ principal })}`, whatCanReadResponseSchema, { signal }),
      staleTime: 30_000,
    }),
  securable: (type: SecurableType, name: string) =>
    queryOptions({
      queryKey: [...grantQueries.all(), 'securable', type, name.toLowerCase()] as const,
      queryFn: ({ signal }) => apiFetch(`/api/grants/securable?${qs({ type, name })}`, securableDetailSchema, { signal }),
      staleTime: 30_000,
    }),
};
