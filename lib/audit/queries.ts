// queryOptions for the audit area, shared by the server prefetch, useQuery and invalidation. Keys are hierarchical:
// ['audit'] is the area, ['audit', <view>, <canonical query>] one panel of one view, so a URL change is a new key.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiFetch, isQueryFailure, orFailure } from '@/lib/query/fetch';
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

// Audit delivery lags by minutes; refetching more often than this only loads the warehouse. A failure is not kept.
const STALE_MS = 60_000;
const staleTime = (query: { state: { data?: unknown } }) => (isQueryFailure(query.state.data) ? 0 : STALE_MS);

export const auditQueries = {
  all: () => ['audit'] as const,
  panel: <P extends AuditPanel>(panel: P, view: AuditQuery) => {
    const qs = auditQueryToSearchParams(view).toString();
    return queryOptions({
      queryKey: [...auditQueries.all(), panel, qs] as const,
      // A panel that cannot be read answers with the reason (shown as "Not collected: …"), not an exception.
      queryFn: ({ signal }) =>
        orFailure(() => apiFetch(`/api/audit/${panel}?${qs}`, AUDIT_PANEL_SCHEMAS[panel], { signal }) as Promise<AuditPanels[P]>),
      staleTime,
    });
  },
  events: (view: AuditQuery) => {
    const qs = auditQueryToSearchParams(view).toString();
    return infiniteQueryOptions({
      queryKey: [...auditQueries.all(), 'events', qs] as const,
      // The first page's failure is the panel's answer; a later page's failure is an error beside "Load more".
      queryFn: ({ signal, pageParam }) => {
        const page = () => apiFetch(`/api/audit/events?${qs}${pageParam ? `&cursor=${pageParam}` : ''}`, explorerPageSchema, { signal });
        return pageParam ? page() : orFailure(page);
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => (isQueryFailure(last) ? null : last.nextCursor),
      staleTime,
    });
  },
  event: (key: string) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'event', key] as const,
      queryFn: ({ signal }) => orFailure(() => apiFetch(`/api/audit/events/${encodeURIComponent(key)}`, eventResponseSchema, { signal })),
      // One event never changes (a failure to read it is not kept).
      staleTime: (query) => (isQueryFailure(query.state.data) ? 0 : Infinity),
    }),
};

/** The export link for a view (a plain download, not a query). */
export function auditExportUrl(view: AuditQuery): string {
  return `/api/audit/export?${auditQueryToSearchParams(view).toString()}`;
}
