'use client';
// A table for lists the server has already filtered and sorted: the same markup as DataTable (sticky header, spacer
// rows that keep real <table> semantics, windowed past `virtualizeAbove` rows) without TanStack Table's row models,
// which a list that only renders does not need: at 20,000 tokens they cost the browser a row object per token the
// moment the list arrived, and 25 kB of JavaScript before the first paint.
import { useRef, type ReactNode } from 'react';
import { count } from '@/lib/plural';
import { cn } from './cn';
import { useWindow } from './use-window';

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
  virtualizeAbove = 200,
  maxHeight = '70vh',
  rowHeight = 41,
}: WindowedTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > virtualizeAbove;
  const windowed = useWindow({ count: rows.length, scrollRef, estimateSize: rowHeight, overscan: 12, enabled: virtual });
  const items = virtual ? windowed.items : null;
  const shown = items ? items.map((v) => v.index) : rows.map((_, index) => index);
  const padTop = items && items.length ? items[0]!.start : 0;
  const padBottom = items && items.length ? windowed.totalSize - items[items.length - 1]!.end : 0;

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
              {columns.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  className={cn(
                    'border-b border-border px-3 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap',
                    c.stickyRight && 'max-xl:sticky max-xl:right-0 bg-surface-2',
                    c.hideBelowXl && 'max-xl:hidden',
                  )}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
            {shown.map((index) => {
              const row = rows[index]!;
              return (
                <tr
                  key={getRowId(row)}
                  // Rows may wrap to different heights (a risk's reasons, a long name): the window measures each one.
                  ref={virtual ? windowed.measureItem : undefined}
                  data-index={index}
                  aria-rowindex={virtual ? index + 2 : undefined}
                  className="group"
                >
                  {columns.map((c) => (
                    <td
                      key={c.id}
                      className={cn(
                        'border-b border-border px-3 py-2 align-middle group-last:border-b-0',
                        c.stickyRight && 'max-xl:sticky max-xl:right-0 bg-surface',
                        c.hideBelowXl && 'max-xl:hidden',
                        c.className,
                      )}
                    >
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="p-4">
                  {empty ?? <p className="py-6 text-center text-muted">Nothing to show.</p>}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
