'use client';
import { useQuery } from '@tanstack/react-query';
import { GenerateReport } from '@/components/reports/generate-report';
import { ReportArchive } from '@/components/reports/report-archive';
import { ReportView } from '@/components/reports/report-view';
import { ScheduleStatus } from '@/components/reports/schedule-status';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { REPORTS_URL } from '@/lib/reports/contract';
import { reportQueries } from '@/lib/reports/queries';
import { useUrlState } from '@/lib/use-url-state';

export function ReportsClient({ canGenerate }: { canGenerate: boolean }) {
  const [{ id }, setState] = useUrlState(REPORTS_URL);
  const list = useQuery(reportQueries.list());
  const shown = id ?? list.data?.reports[0]?.id;
  const report = useQuery({ ...reportQueries.detail(shown ?? ''), enabled: Boolean(shown) });

  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title="Weekly reports"
          description="What changed in the workspace each week, beside the week before: permissions, sign-ins, tokens, secrets and posture, with the events that matter most. Reports are kept as they were made, never recomputed."
          actions={canGenerate ? <GenerateReport onGenerated={(newId) => setState({ id: newId })} /> : null}
        />
      </div>
      {list.data ? (
        <div className="mb-6 print:hidden">
          <ScheduleStatus schedule={list.data.schedule} />
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[14rem_minmax(0,1fr)]">
        <div className="space-y-4 print:hidden">
          {list.error ? <InlineStatus tone="danger">{list.error.message}</InlineStatus> : null}
          {list.data ? (
            <ReportArchive reports={list.data.reports} selected={shown} onSelect={(next) => setState({ id: next })} />
          ) : !list.error ? (
            <Skeleton className="h-64" />
          ) : null}
        </div>
        <div className="min-w-0">
          {!shown && list.data ? (
            <EmptyState
              title="No reports yet"
              description={
                list.data.schedule.on
                  ? 'The first report is made at the next scheduled run, or at once for a week the schedule missed.'
                  : 'The schedule is off, so reports are only made when an admin generates one.'
              }
            />
          ) : null}
          {report.error ? <InlineStatus tone="danger">{report.error.message}</InlineStatus> : null}
          {report.data ? <ReportView report={report.data} /> : shown && !report.error ? <Skeleton className="h-96" /> : null}
        </div>
      </div>
    </>
  );
}
