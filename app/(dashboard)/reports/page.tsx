// /reports (manager and up): the archive of weekly reports and one report. Everything is read from the store —
// a manager needs no access to the audit log or the warehouse — so the page awaits its data and paints complete.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getBackgroundWorkspace } from '@/lib/databricks/get-workspace';
import { getServerQueryClient } from '@/lib/query/server';
import { reportsPageSchema } from '@/lib/reports/contract';
import { reportQueries } from '@/lib/reports/queries';
import { listReports, loadReport, withoutAuditLinks } from '@/lib/reports/server/reports';
import { hasRole } from '@/lib/roles';
import { getDb } from '@/lib/store/db';
import { recordReportOpen } from '@/lib/store/report-opens';
import { parseSearchParams, type RawSearchParams } from '@/lib/url-state';
import { ReportsClient } from './client';

export const metadata: Metadata = { title: 'Weekly reports' };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireRole('manager');
  const { id } = parseSearchParams(reportsPageSchema, await searchParams);
  const config = getConfig();
  const db = getDb();
  const queryClient = getServerQueryClient();
  const list = await listReports(db, config, getBackgroundWorkspace(config));
  queryClient.setQueryData(reportQueries.list().queryKey, list);
  const shown = id ?? list.reports[0]?.id;
  const analyst = hasRole(user.role, 'analyst');
  if (shown) {
    await queryClient.prefetchQuery({
      ...reportQueries.detail(shown),
      queryFn: async () => {
        const report = await loadReport(db, shown);
        // Read by a person: the weekly review is happening (posture's check 11).
        await recordReportOpen(db, report.id, user.userName);
        return analyst ? report : withoutAuditLinks(report);
      },
    });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ReportsClient canGenerate={hasRole(user.role, 'admin')} />
    </HydrationBoundary>
  );
}
