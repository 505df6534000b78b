import type { Report } from '@/lib/reports/contract';
import { formatTime } from './format';

/** The action log as it stood when the report was made: its verified head, so a later copy can be checked against it. */
export function ActionLogHead({ report }: { report: Report }) {
  const a = report.actionLog;
  if (!a) return <>Not recorded.</>;
  if (!a.ok) return <>Did not verify: {a.reason}</>;
  if (!a.head) return <>Empty when the report was made.</>;
  return (
    <>
      Verified; entry #{a.head.seq}, hash <span className="font-mono break-words">{a.head.hash}</span>
    </>
  );
}

/** What makes the snapshot checkable: the exact windows, who the queries ran as, their versions, and its deliveries. */
export function ReportDetails({ report }: { report: Report }) {
  return (
    <details className="rounded-lg border border-border bg-surface p-4 text-xs shadow-card print:hidden">
      <summary className="cursor-pointer text-sm font-semibold">How this report was made</summary>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <dt className="text-muted">Week counted</dt>
        <dd className="font-mono">
          {report.window.from} to {report.window.to} (end excluded)
        </dd>
        <dt className="text-muted">Week before</dt>
        <dd className="font-mono">
          {report.previousWindow.from} to {report.previousWindow.to}
        </dd>
        <dt className="text-muted">Queries ran as</dt>
        <dd className="font-mono break-words">{report.actingAs}</dd>
        <dt className="text-muted">Query versions</dt>
        <dd>
          <ul className="font-mono">
            {Object.entries(report.queryVersions).map(([name, version]) => (
              <li key={name}>
                {name} @ {version}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="text-muted">Action log</dt>
        <dd>
          <ActionLogHead report={report} />
        </dd>
        <dt className="text-muted">Delivery</dt>
        <dd>
          {report.deliveries.length === 0 ? (
            'Not delivered (no webhook configured when it was made).'
          ) : (
            <ul>
              {report.deliveries.map((d) => (
                <li key={d.at}>
                  {d.outcome === 'delivered' ? 'Delivered' : 'Failed'} to <span className="font-mono">{d.target}</span> at{' '}
                  {formatTime(d.at)} after {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
                  {d.error ? `: ${d.error}` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </details>
  );
}
