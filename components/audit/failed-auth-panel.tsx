'use client';
// Failed sign-ins: an hourly series with spike markers (an hour far above its trailing week), and who and where
// the failures come from. Each IP, account and spike narrows the whole page to it.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { auditQueries } from '@/lib/audit/queries';
import { isQueryFailure } from '@/lib/query/fetch';
import { PanelFailure } from './panel-boundary';
import { bucketIndexOf } from '@/lib/audit/rules/series';
import { bucketLabel } from './chart-scale';
import { formatShortUtc } from './format';
import type { PanelProps } from './panel-types';
import { StackedBarChart } from './stacked-bar-chart';

const HOUR = 3_600_000;
const failedSignIns = { category: 'signin', outcome: 'failure' } as const;

export function FailedAuthPanel({ view, filtered, onChange }: PanelProps) {
  const { data, refetch } = useSuspenseQuery(auditQueries.panel('failed-auth', view));
  if (isQueryFailure(data)) return <PanelFailure failure={data} retry={refetch} />;
  const markers = data.spikes
    .map((s) => ({ index: bucketIndexOf(data.hourly.axis, new Date(s.at)), label: `Spike: ${s.explanation}` }))
    .filter((m) => m.index >= 0);
  const narrow = (patch: Parameters<PanelProps['onChange']>[0]) => onChange({ ...failedSignIns, event: undefined, ...patch });

  return (
    <Card
      title="Failed authentication"
      description="Failed sign-ins and token logins, per hour (whole UTC hours); ▼ marks an hour far above its trailing week."
      actions={<span className="text-sm font-semibold tabular-nums">{data.total.toLocaleString('en-US')} failures</span>}
    >
      {data.total === 0 ? (
        <EmptyState
          good={!filtered}
          title="No failed sign-ins in this window"
          description={filtered ? 'Nothing matches the current filters.' : 'Every recorded sign-in attempt succeeded.'}
        />
      ) : (
        <div className="space-y-4">
          <StackedBarChart
            title="Failed sign-ins per hour"
            axis={data.hourly.axis}
            series={[{ id: 'failures', label: 'Failures', fillClass: 'fill-danger', counts: data.hourly.counts }]}
            end={new Date(data.window.to)}
            markers={markers}
            height={160}
            onBrush={({ from, to }) => narrow({ range: undefined, bucket: undefined, from, to })}
          />
          {data.spikes.length > 0 ? (
            <ul aria-label="Spikes" className="space-y-1.5">
              {data.spikes.map((s) => (
                <li key={s.at} className="flex flex-wrap items-start gap-2 text-sm">
                  <Badge tone="danger">Spike</Badge>
                  <span className="min-w-0 flex-1">
                    <span className="font-medium">{bucketLabel(Date.parse(s.at), HOUR)}</span> — {s.explanation}
                  </span>
                  <button
                    type="button"
                    className="text-xs text-accent underline"
                    onClick={() =>
                      narrow({ range: undefined, bucket: undefined, from: new Date(s.at), to: new Date(Date.parse(s.at) + HOUR) })
                    }
                  >
                    Show these events
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-muted">No hour stands out from its trailing week.</p>
          )}
          <div className="grid items-start gap-4 lg:grid-cols-2">
            <TopTable
              caption="Top source IPs"
              head={['Source IP', 'Failures', 'Accounts', 'Last seen']}
              rows={data.topIps.map((r) => ({
                key: r.ip,
                cells: [r.ip, r.failures, r.accounts, formatShortUtc(r.lastSeen)],
                onSelect: () => narrow({ ip: /^[0-9A-Fa-f:.]+$/.test(r.ip) ? r.ip : undefined }),
              }))}
            />
            <TopTable
              caption="Top accounts tried"
              head={['Account', 'Failures', 'IPs', 'Last seen']}
              rows={data.topAccounts.map((r) => ({
                key: r.account,
                cells: [r.account, r.failures, r.ips, formatShortUtc(r.lastSeen)],
                onSelect: () => narrow({ actor: r.account }),
              }))}
            />
          </div>
        </div>
      )}
    </Card>
  );
}

function TopTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: Array<{ key: string; cells: Array<string | number>; onSelect: () => void }>;
}) {
  return (
    <table className="w-full text-sm">
      <caption className="pb-1 text-left text-xs font-semibold text-muted">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th
              key={h}
              scope="col"
              className={`border-b border-border py-1 text-xs font-medium text-muted ${i === 0 ? 'pr-2 text-left' : 'pl-2 text-right'}`}
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-border last:border-0">
            {r.cells.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-1 text-left font-normal">
                  <button
                    type="button"
                    title="Narrow the page to this"
                    onClick={r.onSelect}
                    className="text-left whitespace-nowrap text-accent hover:underline"
                  >
                    {c}
                  </button>
                </th>
              ) : (
                <td key={i} className="py-1 pl-2 text-right whitespace-nowrap tabular-nums">
                  {typeof c === 'number' ? c.toLocaleString('en-US') : c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
