// The home page (manager and up): the workspace's security posture, live, then which workspace, who you are, who
// Brickwatch acts as, and the health of both upstreams. The server checks the role and reads them all at once.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { checkRest, checkSql } from '@/lib/overview/server/health';
import { NAV_ITEMS } from '@/lib/nav';
import { overviewQueries } from '@/lib/overview/queries';
import { postureQueries } from '@/lib/posture/queries';
import { evaluatePosture } from '@/lib/posture/server/evaluate';
import { listPostureExceptions } from '@/lib/posture/server/exceptions';
import { loadTrend, viewerSnapshotInBackground } from '@/lib/posture/server/snapshots';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { HomeClient } from './client';

export const metadata: Metadata = { title: 'Posture' };

export default async function HomePage() {
  const user = await requireRole('manager');
  const config = getConfig();
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  // Awaited together, with loading.tsx's skeleton on screen meanwhile: the answers arrive with the page, so the server's
  // HTML and the browser's first render agree (one that resolved mid-render would not hydrate). Each check has its own
  // timeout and a failed read becomes its "not collected", so a slow upstream costs seconds, never the page.
  await Promise.all([
    queryClient.prefetchQuery({
      ...postureQueries.summary(),
      queryFn: async () => {
        const ev = await evaluatePosture(workspace);
        viewerSnapshotInBackground(workspace, ev, config);
        return ev.view;
      },
    }),
    queryClient.prefetchQuery({ ...postureQueries.trend(), queryFn: () => loadTrend(workspace, config) }),
    queryClient.prefetchQuery({ ...postureQueries.exceptions(), queryFn: async () => ({ exceptions: await listPostureExceptions() }) }),
    queryClient.prefetchQuery({ ...overviewQueries.health('rest'), queryFn: () => checkRest(workspace) }),
    queryClient.prefetchQuery({ ...overviewQueries.health('sql'), queryFn: () => checkSql(workspace) }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <HomeClient
        posture={{
          canAdmin: hasRole(user.role, 'admin'),
          defaultOwner: user.displayName,
          openable: NAV_ITEMS.filter((i) => hasRole(user.role, i.role)).map((i) => i.href),
        }}
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
