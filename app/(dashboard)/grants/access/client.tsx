'use client';
import { AccessPanel } from '@/components/grants/access-panel';
import { useGrantsUrl } from '@/components/grants/grants-view';

export function AccessClient() {
  const [state, setState] = useGrantsUrl('access');
  return <AccessPanel state={state} setState={setState} />;
}
