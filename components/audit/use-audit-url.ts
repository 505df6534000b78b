'use client';
// The audit view lives in the URL (STYLE §9), through the one URL-state hook with the area's schema.
import { useMemo } from 'react';
import { AUDIT_URL, viewOf, type AuditPageState, type AuditQuery } from '@/lib/audit/contract';
import { useUrlState } from '@/lib/use-url-state';

export function useAuditUrl(): { state: AuditPageState; view: AuditQuery; update: (patch: Partial<AuditPageState>) => void } {
  const [state, update] = useUrlState(AUDIT_URL);
  const view = useMemo(() => viewOf(state), [state]);
  return { state, view, update };
}
