// queryOptions for the audit area, shared by the server prefetch, useQuery and invalidation. Keys are hierarchical:
// ['audit'] is the area, ['audit', <view>, <canonical query>] one panel of one view, so a URL change is a new key.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { SecretActivityData, TokenActivityData } from '@/lib/audit/server/activity';
import type { EventDetail, ExplorerPage } from '@/lib/audit/server/explorer';
import type { FailedAuthData } from '@/lib/audit/server/failed-auth';
import type { FeedData } from '@/lib/audit/server/feeds';
import type { TimelineData } from '@/lib/audit/server/timeline';
import { auditQueryToSearchParams, type AuditQuery } from './contract';
import { apiFetch } from '@/lib/query/fetch';

export interface AuditPanels {
  timeline: TimelineData;
  'failed-auth': FailedAuthData;
  permissions: FeedData;
  tokens: TokenActivityData;
  secrets: SecretActivityData;
  config: FeedData;
}
export type AuditPanel = keyof AuditPanels;

// Audit delivery lags by minutes; refetching more often than this only loads the warehouse.
const STALE_MS = 60_000;

export const auditQueries = {
  all: () => ['audit'] as const,
  panel: <P extends AuditPanel>(panel: P, view: AuditQuery) => {
    const qs = auditQueryToSearchParams(view).toString();
    return queryOptions({
      queryKey: [...auditQueries.all(), panel, qs] as const,
      queryFn: ({ signal }) => apiFetch<AuditPanels[P]>(`/api/audit/${panel}?${qs}`, { signal }),
      staleTime: STALE_MS,
    });
  },
  events: (view: AuditQuery) => {
    const qs = auditQueryToSearchParams(view).toString();
    return infiniteQueryOptions({
      queryKey: [...auditQueries.all(), 'events', qs] as const,
      queryFn: ({ signal, pageParam }) =>
        apiFetch<ExplorerPage>(`/api/audit/events?${qs}${pageParam ? `&cursor=${pageParam}` : ''}`, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: STALE_MS,
    });
  },
  event: (key: string) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'event', key] as const,
      queryFn: ({ signal }) => apiFetch<{ event: EventDetail }>(`/api/audit/events/${encodeURIComponent(key)}`, { signal }),
      // One event never changes.
      staleTime: Infinity,
    }),
};

/** The export link for a view (a plain download, not a query). */
export function auditExportUrl(view: AuditQuery): string {
  return `/api/audit/export?${auditQueryToSearchParams(view).toString()}`;
}
