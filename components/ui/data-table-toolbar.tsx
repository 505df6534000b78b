'use client';
import { useId, useMemo, type ReactNode } from 'react';
import { count } from '@/lib/plural';
import { Button } from './button';
import { downloadCsv } from './download-csv';
import { DownloadIcon } from './icons';
import { distinctValues, headerLabel, type Column, type Row } from './table-model';

const inputClass = 'h-8 rounded-md border border-border-strong bg-surface px-2.5 text-sm';

async function exportCsv<T>(fileName: string, rows: readonly Row<T>[], columns: readonly Column<T>[]) {
  const { rowsToCsv } = await import('./table-csv');
  downloadCsv(fileName, rowsToCsv(rows, columns));
}

export function DataTableToolbar<T>({
  data,
  rows,
  columns,
  search,
  filters,
  setFilter,
  csvFileName,
  caption,
  children,
}: {
  data: readonly T[];
  /** The rows on screen, filtered and sorted. */
  rows: readonly Row<T>[];
  columns: readonly Column<T>[];
  search: { value: string; set: (value: string) => void } | null;
  filters: Readonly<Record<string, string | undefined>>;
  setFilter: (columnId: string, value: string | undefined) => void;
  csvFileName?: string;
  caption: string;
  children?: ReactNode;
}) {
  const searchId = useId();
  const total = data.length;
  const shown = rows.length;
  // Each choice list walks every row: once per data and columns, not on every keystroke in the search box.
  const selectColumns = useMemo(
    () => columns.filter((c) => c.def.meta?.filter === 'select').map((column) => ({ column, values: distinctValues(data, column) })),
    [columns, data],
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      {search ? (
        <>
          <label htmlFor={searchId} className="sr-only">
            Search {caption}
          </label>
          <input
            id={searchId}
            type="search"
            placeholder="Search…"
            value={search.value}
            onChange={(e) => search.set(e.target.value)}
            className={`${inputClass} w-56`}
          />
        </>
      ) : null}
      {selectColumns.map(({ column, values }) => (
        <label key={column.id} className="flex items-center gap-1.5 text-xs text-muted">
          {headerLabel(column)}
          <select
            value={filters[column.id] ?? ''}
            onChange={(e) => setFilter(column.id, e.target.value || undefined)}
            className={`${inputClass} text-fg`}
          >
            <option value="">All</option>
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      ))}
      {children}
      <div className="ml-auto flex items-center gap-3">
        <p aria-live="polite" className="text-xs text-muted tabular-nums">
          {shown === total ? count(total, 'row') : `Showing ${shown.toLocaleString('en')} of ${total.toLocaleString('en')}`}
        </p>
        {csvFileName ? (
          <Button size="sm" icon={<DownloadIcon />} onClick={() => void exportCsv(csvFileName, rows, columns)} disabled={shown === 0}>
            Export CSV
          </Button>
        ) : null}
      </div>
    </div>
  );
}
