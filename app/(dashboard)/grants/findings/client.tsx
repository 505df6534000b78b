'use client';
import { useQuery } from '@tanstack/react-query';
import { FindingsPanel } from '@/components/grants/findings-panel';
import { GrantsNotices, useGrantsUrl } from '@/components/grants/grants-view';
import { grantQueries } from '@/lib/grants/queries';

export function FindingsClient({ canAct }: { canAct: boolean }) {
  const [state, setState] = useGrantsUrl('findings');
  const { data } = useQuery(grantQueries.findings(state.days));
  return (
    <>
      <GrantsNotices notices={data?.notices} />
      <FindingsPanel state={state} setState={setState} canAct={canAct} />
    </>
  );
}
