// /grants/access (analyst and up): who can read a table and what a person can read, each answered on the server when
// the URL asks it, like the matrix (../page.tsx).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { parseGrantsPage } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { whatCanRead, whoCanRead } from '@/lib/grants/server/access';
import { getServerQueryClient } from '@/lib/query/server';
import { AccessClient } from './client';

export const metadata: Metadata = { title: 'Who can read what · Grants' };

export default async function AccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('analyst');
  const { readable, reader } = parseGrantsPage(await searchParams);
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  await Promise.all([
    readable ? queryClient.prefetchQuery({ ...grantQueries.whoCanRead(readable), queryFn: () => whoCanRead(workspace, readable) }) : null,
    reader ? queryClient.prefetchQuery({ ...grantQueries.whatCanRead(reader), queryFn: () => whatCanRead(workspace, reader) }) : null,
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AccessClient />
    </HydrationBoundary>
  );
}
