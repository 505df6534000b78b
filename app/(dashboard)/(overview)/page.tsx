// Overview: which workspace, who you are, who Brickwatch acts as, and live health of both upstreams.
// The pattern every area follows: the server page checks the role and prefetches; client.tsx renders the queries.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { checkRest, checkSql } from '@/lib/overview/server/health';
import { NAV_ITEMS } from '@/lib/nav';
import { overviewQueries } from '@/lib/overview/queries';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { OverviewClient } from './client';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const user = await requireRole('manager');
  const config = getConfig();
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  // Not awaited: each check streams into its own <Suspense> as soon as it answers, independently of the other.
  void queryClient.prefetchQuery({ ...overviewQueries.health('rest'), queryFn: () => checkRest(workspace) });
  void queryClient.prefetchQuery({ ...overviewQueries.health('sql'), queryFn: () => checkSql(workspace) });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewClient
        workspace={{ host: config.databricks.host, warehouse: config.databricks.warehouseId ?? config.databricks.httpPath }}
        person={{ displayName: user.displayName, userName: user.userName, role: user.role }}
        acting={{ mode: config.identityMode, kind: workspace.actingAs.kind, name: workspace.actingAs.name }}
        areas={NAV_ITEMS.filter((i) => i.href !== '/' && hasRole(user.role, i.role)).map(({ href, label, description }) => ({
          href,
          label,
          description,
        }))}
      />
    </HydrationBoundary>
  );
}
