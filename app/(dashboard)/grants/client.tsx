'use client';
import { GrantsView } from '@/components/grants/grants-view';

export function GrantsClient({ canAct }: { canAct: boolean }) {
  return <GrantsView canAct={canAct} />;
}
