'use client';
// A table for lists the server has already filtered and sorted: the same markup as DataTable (sticky header, spacer
// rows that keep real <table> semantics, windowed past `virtualizeAbove` rows) without TanStack Table's row models,
// which a list that only renders does not need: at 20,000 tokens they cost the browser a row object per token the
// moment the list arrived, and 25 kB of JavaScript before the first paint.
import { useRef, type ReactNode } from 'react';
import { count } from '@/lib/plural';
import { bodyCellClass, headerCellClass, rowProps, TableScroll, useTableWindow } from './table-scroll';

export interface WindowedColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Extra classes for the cells (width, alignment). */
  className?: string;
  /** Keeps the column at the right edge while the table scrolls sideways below 1280 px (row actions). */
  stickyRight?: boolean;
  /** Below 1280 px the column gives way (see DataTable's column meta of the same name). */
  hideBelowXl?: boolean;
}

export interface WindowedTableProps<T> {
  rows: readonly T[];
  columns: readonly WindowedColumn<T>[];
  getRowId: (row: T) => string;
  /** Accessible name of the table, e.g. "Personal access tokens". */
  caption: string;
  toolbar?: ReactNode;
  empty?: ReactNode;
  /** Rows open something (a drawer): clickable, focusable, Enter opens. */
  onRowClick?: (row: T) => void;
  virtualizeAbove?: number;
  maxHeight?: string;
  /** A typical row's height, for the window's first estimate (each row is measured once rendered). */
  rowHeight?: number;
}

export function WindowedTable<T>({
  rows,
  columns,
  getRowId,
  caption,
  toolbar,
  empty,
  onRowClick,
  virtualizeAbove = 200,
  maxHeight = '70vh',
  rowHeight = 41,
}: WindowedTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const table = useTableWindow(scrollRef, rows.length, virtualizeAbove, rowHeight);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {toolbar}
        <div className="ml-auto flex items-center gap-3">
          <p aria-live="polite" className="text-xs text-muted tabular-nums">
            {count(rows.length, 'row')}
          </p>
        </div>
      </div>
      <TableScroll
        scrollRef={scrollRef}
        table={table}
        rowCount={rows.length}
        caption={caption}
        maxHeight={maxHeight}
        head={
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={headerCellClass(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        }
      >
        {table.shown.map((index) => {
          const row = rows[index]!;
          return (
            <tr key={getRowId(row)} {...rowProps(table, index, row, onRowClick)}>
              {columns.map((c) => (
                <td key={c.id} className={bodyCellClass(c, c.className)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="p-4">
              {empty ?? <p className="py-6 text-center text-muted">Nothing to show.</p>}
            </td>
          </tr>
        ) : null}
      </TableScroll>
    </div>
  );
}
