// queryOptions for the audit area, shared by the server prefetch, useQuery and invalidation. Keys are hierarchical:
// ['audit'] is the area, ['audit', <view>, <canonical query>] one panel of one view, so a URL change is a new key.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import {
  AUDIT_PANEL_SCHEMAS,
  auditQueryToSearchParams,
  eventResponseSchema,
  explorerPageSchema,
  type AuditPanel,
  type AuditPanels,
  type AuditQuery,
} from './contract';

export type { AuditPanel, AuditPanels };

// Audit delivery lags by minutes; refetching more often than this only loads the warehouse.
const STALE_MS = 60_000;

export const auditQueries = {
  all: () => ['audit'] as const,
  panel: <P extends AuditPanel>(panel: P, view: AuditQuery) => {
    const qs = auditQueryToSearchParams(view).toString();
    return queryOptions({
      queryKey: [...auditQueries.all(), panel, qs] as const,
      queryFn: ({ signal }) => apiFetch(`/api/audit/${panel}?${qs}`, AUDIT_PANEL_SCHEMAS[panel], { signal }) as Promise<AuditPanels[P]>,
      staleTime: STALE_MS,
    });
  },
  events: (view: AuditQuery) => {
    const qs = auditQueryToSearchParams(view).toString();
    return infiniteQueryOptions({
      queryKey: [...auditQueries.all(), 'events', qs] as const,
      queryFn: ({ signal, pageParam }) =>
        apiFetch(`/api/audit/events?${qs}${pageParam ? `&cursor=${pageParam}` : ''}`, explorerPageSchema, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: STALE_MS,
    });
  },
  event: (key: string) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'event', key] as const,
      queryFn: ({ signal }) => apiFetch(`/api/audit/events/${encodeURIComponent(key)}`, eventResponseSchema, { signal }),
      // One event never changes.
      staleTime: Infinity,
    }),
};

/** The export link for a view (a plain download, not a query). */
export function auditExportUrl(view: AuditQuery): string {
  return `/api/audit/export?${auditQueryToSearchParams(view).toString()}`;
}
