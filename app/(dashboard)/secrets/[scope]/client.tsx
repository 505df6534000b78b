'use client';
import { ScopeDetailView } from '@/components/secrets/scope-detail-view';

export function ScopeClient(props: { name: string; canAct: boolean }) {
  return <ScopeDetailView {...props} />;
}
