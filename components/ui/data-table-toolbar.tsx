'use client';
import type { Table } from '@tanstack/react-table';
import { useId, type ReactNode } from 'react';
import { csvLine } from '@/lib/csv';
import { count } from '@/lib/plural';
import { Button } from './button';
import { DownloadIcon } from './icons';

const inputClass = 'h-8 rounded-md border border-border-strong bg-surface px-2.5 text-sm';

function headerLabel<T>(table: Table<T>, columnId: string): string {
  const column = table.getColumn(columnId)!;
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === 'string' ? header : columnId);
}

/** Exactly what is on screen: rows after filter and sort, columns that are visible and not excluded from CSV. */
export function tableToCsv<T>(table: Table<T>): string {
  const columns = table.getVisibleLeafColumns().filter((c) => c.columnDef.meta?.csv !== false);
  const lines = [csvLine(columns.map((c) => headerLabel(table, c.id)))];
  for (const row of table.getRowModel().rows) {
    lines.push(
      csvLine(
        columns.map((c) => {
          const csv = c.columnDef.meta?.csv;
          return typeof csv === 'function' ? csv(row.original) : row.getValue(c.id);
        }),
      ),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  URL.revokeObjectURL(url);
}

export function DataTableToolbar<T>({
  table,
  total,
  search,
  csvFileName,
  caption,
  children,
}: {
  table: Table<T>;
  total: number;
  search: boolean;
  csvFileName?: string;
  caption: string;
  children?: ReactNode;
}) {
  const searchId = useId();
  const shown = table.getRowModel().rows.length;
  const selectColumns = table.getAllLeafColumns().filter((c) => c.columnDef.meta?.filter === 'select');
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
            value={(table.getState().globalFilter as string) ?? ''}
            onChange={(e) => table.setGlobalFilter(e.target.value)}
            className={`${inputClass} w-56`}
          />
        </>
      ) : null}
      {selectColumns.map((column) => {
        const label = headerLabel(table, column.id);
        const values = [...column.getFacetedUniqueValues().keys()]
          .filter((v) => v !== undefined && v !== null && v !== '')
          .map(String)
          .sort();
        return (
          <label key={column.id} className="flex items-center gap-1.5 text-xs text-muted">
            {label}
            <select
              value={(column.getFilterValue() as string) ?? ''}
              onChange={(e) => column.setFilterValue(e.target.value || undefined)}
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
        );
      })}
      {children}
      <div className="ml-auto flex items-center gap-3">
        <p aria-live="polite" className="text-xs text-muted tabular-nums">
          {shown === total ? count(total, 'row') : `Showing ${shown.toLocaleString('en')} of ${total.toLocaleString('en')}`}
        </p>
        {csvFileName ? (
          <Button size="sm" icon={<DownloadIcon />} onClick={() => download(csvFileName, tableToCsv(table))} disabled={shown === 0}>
            Export CSV
          </Button>
        ) : null}
      </div>
    </div>
  );
}
