'use client';
// The audit view lives in the URL (STYLE §9): this hook reads it with the same schema the server page and the API
// use, and writes changes back as navigation, so every view can be bookmarked, shared and restored by reload.
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { auditPageSchema, auditQueryToSearchParams, viewOf, type AuditPageState, type AuditQuery } from '@/lib/audit/contract';
import { parseSearchParams } from '@/lib/url-state';

export function auditPageHref(pathname: string, state: Partial<AuditPageState>): string {
  const qs = auditQueryToSearchParams(state);
  if (state.event) qs.set('event', state.event);
  const text = qs.toString();
  return text ? `${pathname}?${text}` : pathname;
}

export function useAuditUrl(): { state: AuditPageState; view: AuditQuery; update: (patch: Partial<AuditPageState>) => void } {
  const params = useSearchParams();
  const state = useMemo(() => parseSearchParams(auditPageSchema, new URLSearchParams(params.toString())), [params]);
  const view = useMemo(() => viewOf(state), [state]);
  const update = useCallback((patch: Partial<AuditPageState>) => {
    // The History API, which Next's router follows (useSearchParams updates), rather than router.push: a new view
    // needs no server render — each panel fetches its own query from the API, and opening or closing an event
    // costs nothing at all. Pushed, not replaced: Back undoes a zoom or a filter, and closes an opened event.
    // Read from the address bar, not from the last render: two quick changes must both land.
    const current = parseSearchParams(auditPageSchema, new URLSearchParams(window.location.search));
    window.history.pushState(null, '', auditPageHref(window.location.pathname, { ...current, ...patch }));
  }, []);
  return { state, view, update };
}
