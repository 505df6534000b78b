'use client';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { Report } from '@/lib/reports/contract';
import { FiguresTable } from './figures-table';
import { formatTime, weekDays } from './format';
import { ActionLogHead, ReportDetails } from './report-details';

/** One stored report: summary, figures, notable events, most active actors; prints as one or two pages. */
export function ReportView({ report }: { report: Report }) {
  const file = `/api/reports/${encodeURIComponent(report.id)}`;
  return (
    <article
      aria-label={`Weekly report ${report.week}`}
      // Printed, the report is dense enough for one or two A4 pages: smaller type, tighter rows and panels.
      className="space-y-5 print:space-y-2 print:text-[11px] print:[&_section]:shadow-none print:[&_section>div]:px-3 print:[&_section>div]:py-2 print:[&_section>header]:py-1.5 print:[&_td]:py-0.5 print:[&_th]:py-0.5 print:[&_li]:my-0"
    >
      <p className="hidden text-xs font-semibold tracking-wide text-muted uppercase print:block">Brickwatch weekly report</p>
      <header className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-border bg-surface p-4 shadow-card print:border-0 print:p-0 print:shadow-none">
        <div className="min-w-0 space-y-1">
          <h2 className="text-lg font-semibold">
            Week {report.week}{' '}
            <span className="font-normal text-muted">
              · {weekDays(report.window, report.timeZone)} ({report.timeZone})
            </span>
          </h2>
          <p className="text-xs text-muted">
            Generated {formatTime(report.generatedAt, report.timeZone)} by{' '}
            {report.trigger === 'schedule' ? 'the schedule' : <span className="whitespace-nowrap">{report.generatedBy}</span>}
            {report.version > 1 ? (
              <>
                {' '}
                <Badge>version {report.version}</Badge>
              </>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <Button size="sm" onClick={() => window.print()}>
            Print
          </Button>
          <a className={buttonClass('secondary', 'sm')} href={`${file}?format=csv`} download>
            Download CSV
          </a>
          <a className={buttonClass('secondary', 'sm')} href={`${file}?format=json`} download>
            Download JSON
          </a>
        </div>
      </header>

      <Card title="Summary">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {report.sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </Card>

      <Card title="Figures" description="This week beside the week before.">
        <FiguresTable figures={report.figures} />
      </Card>

      <div className="grid gap-5 2xl:grid-cols-2 print:grid-cols-2 print:gap-2">
        <Card title="Notable events" description="The events that matter most this week, most serious first.">
          {report.notable.length === 0 ? (
            <p className="text-sm text-muted">Nothing stood out this week.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {report.notable.map((n) => (
                <li key={`${n.kind}-${n.time}-${n.detail}`} className="break-inside-avoid">
                  <p className="font-medium">
                    {n.title} <span className="font-normal text-muted">· {formatTime(n.time, report.timeZone)}</span>
                  </p>
                  <p className="break-words text-muted">
                    {n.detail}
                    {n.actor ? (
                      <>
                        {' '}
                        by <span className="whitespace-nowrap">{n.actor}</span>
                      </>
                    ) : null}
                    {n.link ? (
                      <>
                        {' '}
                        <Link href={`/audit?${n.link}`} className="text-accent underline underline-offset-2 print:hidden">
                          Open in Audit
                        </Link>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title="Most active actors" description="By changes made, then by all events.">
          {report.actors.length === 0 ? (
            <p className="text-sm text-muted">No activity recorded.</p>
          ) : (
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-border text-left text-xs text-muted">
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Actor
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                    Changes
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                    All events
                  </th>
                  <th scope="col" className="py-1.5 text-right font-medium">
                    Failed
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.actors.map((a) => (
                  <tr key={a.actor} className="border-b border-border/60">
                    <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap">{a.actor}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{a.changes.toLocaleString('en-US')}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{a.events.toLocaleString('en-US')}</td>
                    <td className="py-1.5 text-right tabular-nums">{a.failed.toLocaleString('en-US')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
      <ReportDetails report={report} />
      <p className="hidden text-[10px] text-muted print:block">
        Counted over {report.window.from} to {report.window.to} as {report.actingAs}. Action log when made:{' '}
        <ActionLogHead report={report} />
      </p>
    </article>
  );
}
