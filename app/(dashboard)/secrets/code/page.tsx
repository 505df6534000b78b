// /secrets/code (analyst and up): credentials hard-coded in notebooks and files. The status and findings come from
// the app's store (no Databricks call but the cached directory), prefetched here; the client polls while a scan runs.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { codeScanQueries } from '@/lib/code-scan/queries';
import { findingsView, statusView } from '@/lib/code-scan/server/views';
import { getConfig } from '@/lib/config';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { getDb } from '@/lib/store/db';
import { CodeScanClient } from './client';

export const metadata: Metadata = { title: 'Credentials in code' };

export default async function CredentialsInCodePage() {
  const user = await requireRole('analyst');
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  // Awaited (both at once): the answers arrive with the page, so the server's HTML and the browser's first render agree.
  await Promise.all([
    queryClient.prefetchQuery({ ...codeScanQueries.status(), queryFn: () => statusView(getDb(), getConfig()) }),
    queryClient.prefetchQuery({ ...codeScanQueries.findings(), queryFn: () => findingsView(workspace, getDb()) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CodeScanClient canStart={hasRole(user.role, 'analyst')} canCancel={hasRole(user.role, 'admin')} />
    </HydrationBoundary>
  );
}
