// /grants/findings (analyst and up): the least-privilege findings, prefetched on the server like the matrix (../page.tsx).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { parseGrantsPage } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { loadFindings } from '@/lib/grants/server/findings';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { FindingsClient } from './client';

export const metadata: Metadata = { title: 'Least privilege · Grants' };

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('analyst');
  const { days } = parseGrantsPage(await searchParams);
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery({ ...grantQueries.findings(days), queryFn: () => loadFindings(workspace, days) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FindingsClient canAct={hasRole(user.role, 'admin')} />
    </HydrationBoundary>
  );
}
