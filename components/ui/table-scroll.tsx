'use client';
// The scrolling shell both tables share (DataTable, WindowedTable): a bordered scroll box holding a real <table>, and
// past `virtualizeAbove` rows only the rows in view, with spacer rows above and below standing for the rest (so the
// table keeps its semantics, and aria-rowcount / aria-rowindex say where a row sits in the whole list).
import type { HTMLAttributes, ReactNode, RefObject } from 'react';
import { cn } from './cn';
import { useWindow } from './use-window';

export interface TableWindow {
  virtual: boolean;
  /** Indexes of the rows to render, in order. */
  shown: number[];
  padTop: number;
  padBottom: number;
  /** Ref for each rendered row while windowed: rows may wrap to different heights, so each is measured. */
  measureItem: ((el: HTMLElement | null) => void) | undefined;
}

export function useTableWindow(
  scrollRef: RefObject<HTMLDivElement | null>,
  rowCount: number,
  virtualizeAbove: number,
  rowHeight: number,
): TableWindow {
  const virtual = rowCount > virtualizeAbove;
  const windowed = useWindow({ count: rowCount, scrollRef, estimateSize: rowHeight, overscan: 12, enabled: virtual });
  const items = virtual ? windowed.items : null;
  return {
    virtual,
    shown: items ? items.map((v) => v.index) : Array.from({ length: rowCount }, (_, index) => index),
    padTop: items?.length ? items[0]!.start : 0,
    padBottom: items?.length ? windowed.totalSize - items[items.length - 1]!.end : 0,
    measureItem: virtual ? windowed.measureItem : undefined,
  };
}

/** How a column sits in both tables: right-aligned numbers, a sticky last column and columns that give way below 1280 px. */
export interface ColumnLayout {
  align?: 'left' | 'right';
  stickyRight?: boolean;
  hideBelowXl?: boolean;
}

export function headerCellClass(layout: ColumnLayout | undefined): string {
  return cn(
    'border-b border-border px-3 py-2 text-left text-xs font-semibold text-muted whitespace-nowrap',
    layout?.align === 'right' && 'text-right',
    layout?.stickyRight && 'max-xl:sticky max-xl:right-0 bg-surface-2',
    layout?.hideBelowXl && 'max-xl:hidden',
  );
}

export function bodyCellClass(layout: ColumnLayout | undefined, className?: string): string {
  return cn(
    'border-b border-border px-3 py-2 align-middle group-last:border-b-0',
    layout?.align === 'right' && 'text-right tabular-nums',
    layout?.stickyRight && 'max-xl:sticky max-xl:right-0 bg-surface',
    layout?.hideBelowXl && 'max-xl:hidden',
    className,
  );
}

/** A rendered row's own attributes: its place in the window and, when rows open something, mouse and Enter. */
export function rowProps<T>(
  table: TableWindow,
  index: number,
  row: T,
  onRowClick: ((row: T) => void) | undefined,
): HTMLAttributes<HTMLTableRowElement> & { ref: TableWindow['measureItem']; 'data-index': number } {
  return {
    ref: table.measureItem,
    'data-index': index,
    'aria-rowindex': table.virtual ? index + 2 : undefined,
    tabIndex: onRowClick ? 0 : undefined,
    onClick: onRowClick ? () => onRowClick(row) : undefined,
    // Enter on the row itself; a link or button inside the row keeps its own Enter.
    onKeyDown: onRowClick ? (e) => e.key === 'Enter' && e.target === e.currentTarget && onRowClick(row) : undefined,
    className: cn('group', onRowClick && 'cursor-pointer hover:bg-surface-2 focus-visible:bg-accent-soft'),
  };
}

export function TableScroll({
  scrollRef,
  table,
  rowCount,
  caption,
  maxHeight,
  head,
  children,
}: {
  scrollRef: RefObject<HTMLDivElement | null>;
  table: TableWindow;
  rowCount: number;
  caption: string;
  maxHeight: string;
  head: ReactNode;
  /** The rendered rows (table.shown). */
  children: ReactNode;
}) {
  return (
    // relative: sr-only text in cells is absolutely positioned and would otherwise escape the scroll clip and stretch the page.
    <div
      ref={scrollRef}
      className="relative overflow-auto rounded-lg border border-border bg-surface shadow-card"
      style={{ maxHeight }}
      tabIndex={table.virtual ? 0 : undefined}
      aria-label={table.virtual ? `${caption}, scrollable` : undefined}
    >
      <table className="w-full border-separate border-spacing-0 text-sm" aria-rowcount={table.virtual ? rowCount + 1 : undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-surface-2">{head}</thead>
        <tbody>
          {table.padTop > 0 ? <tr aria-hidden style={{ height: table.padTop }} /> : null}
          {children}
          {table.padBottom > 0 ? <tr aria-hidden style={{ height: table.padBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
