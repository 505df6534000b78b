// Audit: what happened, when and by whom, from system.access.audit. The server page checks the role, reads the
// view from the URL and starts every panel's query without awaiting it, so each panel streams into its own
// <Suspense> as soon as its query answers (the slowest never holds up the rest).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { loadSecretActivity, loadTokenActivity } from '@/lib/audit/server/activity';
import { loadEventDetail, loadExplorerPage } from '@/lib/audit/server/explorer';
import { loadFailedAuth } from '@/lib/audit/server/failed-auth';
import { loadConfigChanges, loadPermissionChanges } from '@/lib/audit/server/feeds';
import { loadTimeline } from '@/lib/audit/server/timeline';
import { getWorkspace, type Workspace } from '@/lib/databricks/get-workspace';
import { auditQueries, type AuditPanel, type AuditPanels } from '@/lib/audit/queries';
import { getServerQueryClient } from '@/lib/query/server';
import { settledOnServer } from '@/lib/query/server-failure';
import { decodeEventKey } from '@/lib/audit/rules/cursor';
import { auditPageSchema, viewOf, type AuditQuery } from '@/lib/audit/contract';
import { parseSearchParams, type RawSearchParams } from '@/lib/url-state';
import { DomainError } from '@/lib/errors';
import { EVENT_NOT_FOUND } from '@/lib/audit/server/explorer';
import { AuditClient } from './client';

export const metadata: Metadata = { title: 'Audit' };

const LOADERS: { [P in AuditPanel]: (ws: Workspace, view: AuditQuery, now: Date) => Promise<AuditPanels[P]> } = {
  timeline: loadTimeline,
  'failed-auth': loadFailedAuth,
  permissions: loadPermissionChanges,
  tokens: loadTokenActivity,
  secrets: loadSecretActivity,
  config: loadConfigChanges,
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireRole('analyst');
  const state = parseSearchParams(auditPageSchema, await searchParams);
  const view = viewOf(state);
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  const now = new Date();
  // A panel whose read fails streams its reason as a value (as its API route would have said it), so the server render
  // never throws and the browser does not ask Databricks a second time before saying what was not collected.
  const prefetchPanel = <P extends AuditPanel>(panel: P) =>
    queryClient.prefetchQuery({
      ...auditQueries.panel(panel, view),
      queryFn: () => settledOnServer<AuditPanels[P]>(`audit.${panel}`, () => LOADERS[panel](workspace, view, now)),
    });
  for (const panel of Object.keys(LOADERS) as AuditPanel[]) void prefetchPanel(panel);
  void queryClient.prefetchInfiniteQuery({
    ...auditQueries.events(view),
    queryFn: () => settledOnServer('audit.events', () => loadExplorerPage(workspace, view, null, now)),
  });
  if (state.event) {
    const key = state.event;
    void queryClient.prefetchQuery({
      ...auditQueries.event(key),
      queryFn: () =>
        settledOnServer('audit.event', async () => {
          const event = await loadEventDetail(workspace, decodeEventKey(key));
          if (!event) throw new DomainError('not_found', 'NOT_FOUND', EVENT_NOT_FOUND);
          return { event };
        }),
    });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AuditClient />
    </HydrationBoundary>
  );
}
