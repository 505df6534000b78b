'use client';
// The one data table: sorting and filtering (components/ui/table-model.ts), a sticky header, keyboard-reachable sort
// buttons, windowed rendering past `virtualizeAbove` rows (spacer rows keep real <table> semantics), and CSV export of
// exactly the rows and columns on screen (after filters and sort, not just the visible window).
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';
import { bodyCellClass, headerCellClass, rowProps, TableScroll, useTableWindow } from './table-scroll';
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

  const resolved = useMemo(() => resolveColumns(columns), [columns]);
  const filtered = useMemo(() => filterRows(data, resolved, globalFilter, filters), [data, resolved, globalFilter, filters]);
  const rows = useMemo(() => sortRows(filtered, resolved, sorting), [filtered, resolved, sorting]);
  const shownColumns = resolved.filter(onScreen);

  const scrollRef = useRef<HTMLDivElement>(null);
  const table = useTableWindow(scrollRef, rows.length, virtualizeAbove, rowHeight);

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
      <TableScroll
        scrollRef={scrollRef}
        table={table}
        rowCount={rows.length}
        caption={caption}
        maxHeight={maxHeight}
        head={
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
                  className={headerCellClass(meta)}
                >
                  {c.canSort ? (
                    <button
                      type="button"
                      onClick={() => setSorting((s) => nextSorting(s, c, filtered))}
                      className={cn('inline-flex items-center gap-1 rounded hover:text-fg', meta?.align === 'right' && 'flex-row-reverse')}
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
        }
      >
        {table.shown.map((index) => {
          const row = rows[index]!;
          return (
            <tr key={getRowId(row.original)} {...rowProps(table, index, row.original, onRowClick)}>
              {shownColumns.map((c) => (
                <td key={c.id} className={bodyCellClass(c.def.meta, c.def.meta?.className)}>
                  {renderCell(c, row.original, row.index)}
                </td>
              ))}
            </tr>
          );
        })}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={shownColumns.length} className="p-4">
              {empty ?? (
                <p className="py-6 text-center text-muted">{data.length === 0 ? 'Nothing to show.' : 'No rows match the filters.'}</p>
              )}
            </td>
          </tr>
        ) : null}
      </TableScroll>
    </div>
  );
}
