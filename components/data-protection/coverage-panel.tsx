// Coverage: masked ÷ sensitive columns and filtered ÷ sensitive tables, overall and per catalog, as a figure and a bar.
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { ColumnsResponse } from '@/lib/data-protection/contract';

const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;

function Bar({ ratio, label }: { ratio: number; label: string }) {
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(ratio * 100)}
      className="h-2 w-full overflow-hidden rounded-full bg-danger-soft"
    >
      <div
        className={cn('h-full rounded-full', ratio >= 0.8 ? 'bg-success' : ratio >= 0.5 ? 'bg-warning' : 'bg-danger')}
        style={{ width: pct(ratio) }}
      />
    </div>
  );
}

function Figure({ title, part, whole, ratio, noun }: { title: string; part: number; whole: number; ratio: number; noun: string }) {
  return (
    <div className="space-y-2 rounded-lg border border-border bg-surface p-4 shadow-card">
      <p className="text-xs font-medium text-muted">{title}</p>
      <p className="text-2xl font-semibold tabular-nums">{pct(ratio)}</p>
      <Bar ratio={ratio} label={title} />
      <p className="text-xs text-muted">
        {part.toLocaleString('en')} of {whole.toLocaleString('en')} {noun}
      </p>
    </div>
  );
}

export function CoveragePanel({ coverage }: { coverage: ColumnsResponse['coverage'] }) {
  return (
    <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
      <div className="grid gap-3 sm:grid-cols-2">
        <Figure title="Sensitive columns masked" part={coverage.masked} whole={coverage.sensitive} ratio={coverage.ratio} noun="columns" />
        <Figure
          title="Tables with a row filter"
          part={coverage.filteredTables}
          whole={coverage.tables}
          ratio={coverage.filteredRatio}
          noun="tables holding sensitive columns"
        />
      </div>
      <Card title="By catalog" description="Least protected first.">
        {coverage.byCatalog.length === 0 ? (
          <p className="text-sm text-muted">No sensitive columns found.</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">Coverage by catalog</caption>
            <thead className="text-left text-xs text-muted">
              <tr>
                <th scope="col" className="pb-1 font-medium">
                  Catalog
                </th>
                <th scope="col" className="pb-1 font-medium">
                  Masked
                </th>
                <th scope="col" className="w-1/3 pb-1 font-medium">
                  <span className="sr-only">Masked, as a bar</span>
                </th>
                <th scope="col" className="pb-1 text-right font-medium">
                  Filtered tables
                </th>
              </tr>
            </thead>
            <tbody>
              {coverage.byCatalog.map((c) => (
                <tr key={c.catalog} className="border-t border-border">
                  <td className="py-1.5 font-mono text-xs">{c.catalog}</td>
                  <td className="py-1.5 tabular-nums whitespace-nowrap">
                    {c.masked} of {c.sensitive} ({pct(c.ratio)})
                  </td>
                  <td className="py-1.5 pr-2">
                    <Bar ratio={c.ratio} label={`${c.catalog}: masked`} />
                  </td>
                  <td className="py-1.5 text-right tabular-nums whitespace-nowrap">
                    {c.filteredTables} of {c.tables}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
