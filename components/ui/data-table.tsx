'use client';
// The one data table: TanStack Table for sorting and filtering, a sticky header, keyboard-reachable sort buttons,
// windowed rendering past `virtualizeAbove` rows (spacer rows keep real <table> semantics), and CSV export of exactly
// the rows and columns on screen (after filters and sort, not just the visible window).
import {
  flexRender,
  getCoreRowModel,
  getFacetedUniqueValues,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';
import { SortIcon } from './icons';
import { DataTableToolbar } from './data-table-toolbar';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Offer a dropdown of this column's distinct values in the toolbar. */
    filter?: 'select';
    /** Header text for CSV and the filter label when the header is not a plain string. */
    label?: string;
    /** CSV value for a row; default is the cell's value. `false` leaves the column out of the CSV. */
    csv?: ((row: TData) => unknown) | false;
    /** In the CSV only, never on screen (a long id the row's detail view shows instead). */
    csvOnly?: boolean;
    align?: 'right';
    /** Extra classes for the cells (width, truncation). */
    className?: string;
    /** Keeps the column at the right edge while the table scrolls sideways on a screen narrower than 1280 px (row actions). */
    stickyRight?: boolean;
    /**
     * Below 1280 px the column gives way (hidden on screen; still in the CSV and the row's other views). For the
     * least important columns only, chosen per table and said in its comment, so a laptop screen never cuts one.
     */
    hideBelowXl?: boolean;
  }
}

const onScreen = (x: { column: { columnDef: { meta?: { csvOnly?: boolean } } } }) => !x.column.columnDef.meta?.csvOnly;

export interface DataTableProps<T> {
  data: readonly T[];
  columns: ColumnDef<T, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- TanStack's own column type
  getRowId: (row: T) => string;
  /** Accessible name of the table, e.g. "Personal access tokens". */
  caption: string;
  /** Set to export CSV, e.g. "tokens.csv". */
  csvFileName?: string;
  /** Client-side text search over all columns (turn off when the server filters). */
  search?: boolean;
  initialSorting?: SortingState;
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
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design
  const table = useReactTable({
    data: data as T[],
    columns,
    getRowId: (row) => getRowId(row),
    state: { sorting, columnFilters, globalFilter },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setGlobalFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getFacetedUniqueValues: getFacetedUniqueValues(),
  });

  const rows = table.getRowModel().rows;
  const virtual = rows.length > virtualizeAbove;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    enabled: virtual,
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const shown: Array<{ row: Row<T>; index: number }> = items
    ? items.map((v) => ({ row: rows[v.index]!, index: v.index }))
    : rows.map((row, index) => ({ row, index }));
  const padTop = items && items.length ? items[0]!.start : 0;
  const padBottom = items && items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = table.getVisibleLeafColumns().filter((column) => onScreen({ column })).length;

  return (
    <div className="space-y-3">
      <DataTableToolbar table={table} total={data.length} search={search} csvFileName={csvFileName} caption={caption}>
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
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.filter(onScreen).map((header) => {
                  const sorted = header.column.getIsSorted();
                  const meta = header.column.columnDef.meta;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={cn(
                        'border-b border-border px-3 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap',
                        meta?.align === 'right' && 'text-right',
                        meta?.stickyRight && 'max-xl:sticky max-xl:right-0 bg-surface-2',
                        meta?.hideBelowXl && 'max-xl:hidden',
                      )}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={cn(
                            'inline-flex items-center gap-1 rounded hover:text-fg',
                            meta?.align === 'right' && 'flex-row-reverse',
                          )}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <SortIcon sort={sorted} className="size-3.5" />
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
            {shown.map(({ row, index }) => (
              <tr
                key={row.id}
                // Rows may wrap to different heights (a risk's reasons, a long name): the window measures each one.
                ref={virtual ? virtualizer.measureElement : undefined}
                data-index={index}
                aria-rowindex={virtual ? index + 2 : undefined}
                tabIndex={onRowClick ? 0 : undefined}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                // Enter on the row itself; a link or button inside the row keeps its own Enter.
                onKeyDown={onRowClick ? (e) => e.key === 'Enter' && e.target === e.currentTarget && onRowClick(row.original) : undefined}
                className={cn('group', onRowClick && 'cursor-pointer hover:bg-surface-2 focus-visible:bg-accent-soft')}
              >
                {row
                  .getVisibleCells()
                  .filter(onScreen)
                  .map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <td
                        key={cell.id}
                        className={cn(
                          'border-b border-border px-3 py-2 align-middle group-last:border-b-0',
                          meta?.align === 'right' && 'text-right tabular-nums',
                          meta?.stickyRight && 'max-xl:sticky max-xl:right-0 bg-surface',
                          meta?.hideBelowXl && 'max-xl:hidden',
                          meta?.className,
                        )}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
              </tr>
            ))}
            {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="p-4">
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
