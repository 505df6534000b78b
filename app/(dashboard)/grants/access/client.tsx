'use client';
import { AccessPanel } from '@/components/grants/access-panel';
import { GrantsView, useGrantsUrl } from '@/components/grants/grants-view';

export function AccessClient() {
  const [state, setState] = useGrantsUrl('access');
  return (
    <GrantsView tab="access" state={state}>
      <AccessPanel state={state} setState={setState} />
    </GrantsView>
  );
}
