'use client';
// The one data table: sorting and filtering (components/ui/table-model.ts), a sticky header, keyboard-reachable sort
// buttons, windowed rendering past `virtualizeAbove` rows (spacer rows keep real <table> semantics), and CSV export of
// exactly the rows and columns on screen (after filters and sort, not just the visible window).
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';
import { useWindow } from './use-window';
import { SortIcon } from './icons';
import { DataTableToolbar } from './data-table-toolbar';
import { filterRows, nextSorting, resolveColumns, sortRows, type Column, type ColumnDef, type Sorting } from './table-model';

const onScreen = <T,>(c: Column<T>) => !c.def.meta?.csvOnly;

function renderHeader<T>(c: Column<T>): ReactNode {
  const header = c.def.header;
  return typeof header === 'function' ? header() : header;
}

function renderCell<T>(c: Column<T>, original: T, index: number): ReactNode {
  const getValue = <V,>() => c.value(original, index) as V;
  if (c.def.cell) return c.def.cell({ getValue, row: { original, index } });
  // TanStack Table's default cell: the value as text.
  const v = c.value(original, index);
  return v === null || v === undefined ? null : String(v);
}

export interface DataTableProps<T> {
  data: readonly T[];
  columns: ColumnDef<T, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- columns of every value type
  getRowId: (row: T) => string;
  /** Accessible name of the table, e.g. "Personal access tokens". */
  caption: string;
  /** Set to export CSV, e.g. "tokens.csv". */
  csvFileName?: string;
  /** Client-side text search over all columns (turn off when the server filters). */
  search?: boolean;
  initialSorting?: Sorting;
  empty?: ReactNode;
  toolbar?: ReactNode;
  onRowClick?: (row: T) => void;
  virtualizeAbove?: number;
  /** Height of the scroll area (the header sticks to its top). */
  maxHeight?: string;
  /** A typical row's height, for the window's first estimate (each row is measured once rendered). */
  rowHeight?: number;
}

export function DataTable<T>({
  data,
  columns,
  getRowId,
  caption,
  csvFileName,
  search = true,
  initialSorting = [],
  empty,
  toolbar,
  onRowClick,
  virtualizeAbove = 200,
  maxHeight = '70vh',
  rowHeight = 41,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<Sorting>(initialSorting);
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [globalFilter, setGlobalFilter] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);

  const resolved = useMemo(() => resolveColumns(columns), [columns]);
  const filtered = useMemo(() => filterRows(data, resolved, globalFilter, filters), [data, resolved, globalFilter, filters]);
  const rows = useMemo(() => sortRows(filtered, resolved, sorting), [filtered, resolved, sorting]);
  const shownColumns = resolved.filter(onScreen);

  const virtual = rows.length > virtualizeAbove;
  const windowed = useWindow({ count: rows.length, scrollRef, estimateSize: rowHeight, overscan: 12, enabled: virtual });
  const items = virtual ? windowed.items : null;
  const shown = items ? items.map((v) => ({ row: rows[v.index]!, index: v.index })) : rows.map((row, index) => ({ row, index }));
  const padTop = items && items.length ? items[0]!.start : 0;
  const padBottom = items && items.length ? windowed.totalSize - items[items.length - 1]!.end : 0;

  return (
    <div className="space-y-3">
      <DataTableToolbar
        data={data}
        rows={rows}
        columns={resolved}
        search={search ? { value: globalFilter, set: setGlobalFilter } : null}
        filters={filters}
        setFilter={(id, value) => setFilters((f) => ({ ...f, [id]: value }))}
        csvFileName={csvFileName}
        caption={caption}
      >
        {toolbar}
      </DataTableToolbar>
      {/* relative: sr-only text in cells is absolutely positioned and would otherwise escape the scroll clip and stretch the page. */}
      <div
        ref={scrollRef}
        className="relative overflow-auto rounded-lg border border-border bg-surface shadow-card"
        style={{ maxHeight }}
        tabIndex={virtual ? 0 : undefined}
        aria-label={virtual ? `${caption}, scrollable` : undefined}
      >
        <table className="w-full border-separate border-spacing-0 text-sm" aria-rowcount={virtual ? rows.length + 1 : undefined}>
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 z-10 bg-surface-2">
            <tr>
              {shownColumns.map((c) => {
                const sort = sorting.find((s) => s.id === c.id);
                const sorted = sort ? (sort.desc ? 'desc' : 'asc') : false;
                const meta = c.def.meta;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className={cn(
                      'border-b border-border px-3 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap',
                      meta?.align === 'right' && 'text-right',
                      meta?.stickyRight && 'max-xl:sticky max-xl:right-0 bg-surface-2',
                      meta?.hideBelowXl && 'max-xl:hidden',
                    )}
                  >
                    {c.canSort ? (
                      <button
                        type="button"
                        onClick={() => setSorting((s) => nextSorting(s, c, filtered))}
                        className={cn(
                          'inline-flex items-center gap-1 rounded hover:text-fg',
                          meta?.align === 'right' && 'flex-row-reverse',
                        )}
                      >
                        {renderHeader(c)}
                        <SortIcon sort={sorted} className="size-3.5" />
                      </button>
                    ) : (
                      renderHeader(c)
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
            {shown.map(({ row, index }) => (
              <tr
                key={getRowId(row.original)}
                // Rows may wrap to different heights (a risk's reasons, a long name): the window measures each one.
                ref={virtual ? windowed.measureItem : undefined}
                data-index={index}
                aria-rowindex={virtual ? index + 2 : undefined}
                tabIndex={onRowClick ? 0 : undefined}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                // Enter on the row itself; a link or button inside the row keeps its own Enter.
                onKeyDown={onRowClick ? (e) => e.key === 'Enter' && e.target === e.currentTarget && onRowClick(row.original) : undefined}
                className={cn('group', onRowClick && 'cursor-pointer hover:bg-surface-2 focus-visible:bg-accent-soft')}
              >
                {shownColumns.map((c) => {
                  const meta = c.def.meta;
                  return (
                    <td
                      key={c.id}
                      className={cn(
                        'border-b border-border px-3 py-2 align-middle group-last:border-b-0',
                        meta?.align === 'right' && 'text-right tabular-nums',
                        meta?.stickyRight && 'max-xl:sticky max-xl:right-0 bg-surface',
                        meta?.hideBelowXl && 'max-xl:hidden',
                        meta?.className,
                      )}
                    >
                      {renderCell(c, row.original, row.index)}
                    </td>
                  );
                })}
              </tr>
            ))}
            {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={shownColumns.length} className="p-4">
                  {empty ?? (
                    <p className="py-6 text-center text-muted">{data.length === 0 ? 'Nothing to show.' : 'No rows match the filters.'}</p>
                  )}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
