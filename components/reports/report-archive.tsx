import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { ReportSummary } from '@/lib/reports/contract';
import { formatTime } from './format';

/** Every stored report, newest week first; regenerations sit beside the first version of their week. */
export function ReportArchive({
  reports,
  selected,
  onSelect,
}: {
  reports: ReportSummary[];
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <nav aria-label="Report archive" className="rounded-lg border border-border bg-surface shadow-card">
      <h2 className="border-b border-border px-4 py-3 text-sm font-semibold">Archive</h2>
      {reports.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">No reports stored yet.</p>
      ) : (
        <ul className="max-h-48 divide-y divide-border overflow-y-auto xl:max-h-[28rem]">
          {reports.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                onClick={() => onSelect(r.id)}
                aria-current={r.id === selected ? 'page' : undefined}
                className={cn(
                  'w-full px-4 py-2.5 text-left text-sm hover:bg-surface-2 focus-visible:bg-surface-2',
                  r.id === selected && 'bg-accent-soft',
                )}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="font-medium tabular-nums">{r.week}</span>
                  {r.version > 1 ? <Badge>v{r.version}</Badge> : null}
                </span>
                <span className="block text-xs whitespace-nowrap text-muted">
                  {r.trigger === 'schedule' ? 'By the schedule' : r.generatedBy}
                </span>
                <span className="block text-xs text-muted">{formatTime(r.generatedAt)}</span>
                {r.missing > 0 ? (
                  <span className="block text-xs text-warning">
                    {r.missing} {r.missing === 1 ? 'figure' : 'figures'} not counted
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
