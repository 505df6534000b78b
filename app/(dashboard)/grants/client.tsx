'use client';
import { useQuery } from '@tanstack/react-query';
import { GrantsNotices, useGrantsUrl } from '@/components/grants/grants-view';
import { MatrixPanel } from '@/components/grants/matrix-panel';
import { matrixQueryOf } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';

export function MatrixClient({ canAct }: { canAct: boolean }) {
  const [state, setState] = useGrantsUrl('matrix');
  const { data } = useQuery(grantQueries.matrix(matrixQueryOf(state)));
  return (
    <>
      <GrantsNotices notices={data?.notices} />
      <MatrixPanel state={state} setState={setState} canAct={canAct} />
    </>
  );
}
