'use client';
// Events over time, stacked by category, with brush-to-zoom. The legend doubles as a category filter.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { AUDIT_CATEGORY_LABELS } from '@/lib/audit/rules/categories';
import { auditQueries } from '@/lib/audit/queries';
import { isQueryFailure } from '@/lib/query/fetch';
import { PanelFailure } from './panel-boundary';
import { CATEGORY_STYLE } from './category-style';
import { describeWindow, formatUtc } from './format';
import type { PanelProps } from './panel-types';
import { StackedBarChart } from './stacked-bar-chart';

export function TimelinePanel({ view, filtered, onChange }: PanelProps) {
  const { data, refetch } = useSuspenseQuery(auditQueries.panel('timeline', view));
  if (isQueryFailure(data)) return <PanelFailure failure={data} retry={refetch} />;
  const series = data.series.map((s) => ({
    id: s.category,
    label: AUDIT_CATEGORY_LABELS[s.category],
    fillClass: CATEGORY_STYLE[s.category].fill,
    counts: s.counts,
  }));
  return (
    <Card
      title="Events over time"
      description={`${describeWindow(data.window)} · ${data.latestEvent ? `newest event ${formatUtc(data.latestEvent)}` : 'no events'}`}
      actions={<span className="text-sm font-semibold tabular-nums">{data.total.toLocaleString('en-US')} events</span>}
    >
      {data.total === 0 ? (
        <EmptyState
          title="No audit events in this window"
          description={filtered ? 'Nothing matches the current filters.' : 'Audit delivery can lag by several minutes; try a longer range.'}
        />
      ) : (
        <div className="space-y-3">
          <StackedBarChart
            title={`Audit events per ${data.window.bucket} by category`}
            axis={data.axis}
            series={series}
            end={new Date(data.window.to)}
            onBrush={({ from, to }) => onChange({ range: undefined, bucket: undefined, from, to, event: undefined })}
          />
          <ul aria-label="Categories (select one to filter)" className="flex flex-wrap gap-2">
            {data.series.map((s) => {
              const selected = view.category === s.category;
              return (
                <li key={s.category}>
                  <button
                    type="button"
                    aria-pressed={selected}
                    disabled={s.total === 0 && !selected}
                    onClick={() => onChange({ category: selected ? undefined : s.category, event: undefined })}
                    className={cn(
                      'inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs disabled:opacity-50',
                      selected ? 'border-accent bg-accent-soft' : 'border-border hover:bg-surface-2',
                    )}
                  >
                    <span aria-hidden className={cn('size-2.5 rounded-sm', CATEGORY_STYLE[s.category].swatch)} />
                    {AUDIT_CATEGORY_LABELS[s.category]}
                    <span className="tabular-nums text-muted">{s.total.toLocaleString('en-US')}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Card>
  );
}

export function TimelineSkeleton() {
  return (
    <Card title="Events over time" description="Counting events…">
      <SkeletonRegion label="Loading the timeline" className="space-y-3">
        <Skeleton className="h-52 w-full" />
        <Skeleton className="h-6 w-2/3" />
      </SkeletonRegion>
    </Card>
  );
}
