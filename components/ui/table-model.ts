// DataTable's columns, sorting and filtering without TanStack Table: the subset of its column API the app uses
// (createColumnHelper, accessorKey / accessorFn, cell context, meta, enableSorting, sortingFn) with the same defaults
// (first sort direction, natural sort of strings with digits, case-insensitive "contains" search), at a fraction of
// the weight — TanStack Table's core registers every feature (pinning, grouping, selection, sizing…) and cost each
// table page about 12 kB of gzip before its first paint. Pure functions; unit-tested beside.
import type { ReactNode } from 'react';

export interface ColumnMeta<T> {
  /** Offer a dropdown of this column's distinct values in the toolbar. */
  filter?: 'select';
  /** Header text for CSV and the filter label when the header is not a plain string. */
  label?: string;
  /** CSV value for a row; default is the cell's value. `false` leaves the column out of the CSV. */
  csv?: ((row: T) => unknown) | false;
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

export interface CellContext<T, V> {
  getValue: <TV = V>() => TV;
  row: { original: T; index: number };
}

export interface ColumnDef<T, V = unknown> {
  id?: string;
  header?: string | (() => ReactNode);
  accessorKey?: keyof T & string;
  accessorFn?: (row: T, index: number) => V;
  cell?: (context: CellContext<T, V>) => ReactNode;
  meta?: ColumnMeta<T>;
  enableSorting?: boolean;
  /** Ascending order of two rows (the table reverses it for descending). */
  sortingFn?: (a: { original: T }, b: { original: T }) => number;
}

type ColumnOptions<T, V> = Omit<ColumnDef<T, V>, 'accessorKey' | 'accessorFn'>;

/** The same helper as TanStack Table's, so column files read the same. */
export function createColumnHelper<T>() {
  return {
    accessor: <K extends keyof T & string, V = T[K]>(
      accessor: K | ((row: T, index: number) => V),
      column: ColumnOptions<T, V>,
    ): ColumnDef<T, V> =>
      typeof accessor === 'function' ? { ...column, accessorFn: accessor } : { ...column, accessorKey: accessor as keyof T & string },
    display: (column: ColumnOptions<T, unknown>): ColumnDef<T, unknown> => column,
  };
}

export interface Column<T> {
  id: string;
  def: ColumnDef<T, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- columns of every value type
  /** The cell's value; undefined for a display column. */
  value: (row: T, index: number) => unknown;
  hasValue: boolean;
  canSort: boolean;
}

export type Sorting = Array<{ id: string; desc: boolean }>;
export interface Row<T> {
  original: T;
  index: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of every value type
export function resolveColumns<T>(defs: readonly ColumnDef<T, any>[]): Column<T>[] {
  return defs.map((def) => {
    const key = def.accessorKey;
    const id = def.id ?? key?.replaceAll('.', '_') ?? (typeof def.header === 'string' ? def.header : undefined);
    if (id === undefined) throw new Error('A table column needs an id, an accessorKey or a string header.');
    const value = def.accessorFn ?? (key !== undefined ? (row: T) => row[key] : () => undefined);
    const hasValue = def.accessorFn !== undefined || key !== undefined;
    return { id, def, value, hasValue, canSort: hasValue && def.enableSorting !== false };
  });
}

export function headerLabel<T>(column: Column<T>): string {
  return column.def.meta?.label ?? (typeof column.def.header === 'string' ? column.def.header : column.id);
}

/** A search or filter value that matches a cell when the cell's text contains it, ignoring case (TanStack's includesString). */
function includes(value: unknown, search: string): boolean {
  return value !== null && value !== undefined && String(value).toLowerCase().includes(search.toLowerCase());
}

/**
 * Rows the search and the column filters keep, in data order. The search looks at every column whose first row holds
 * a string or a number; a column filter (the toolbar's dropdowns, over string columns) keeps cells containing its value.
 */
export function filterRows<T>(
  data: readonly T[],
  columns: readonly Column<T>[],
  search: string,
  filters: Readonly<Record<string, string | undefined>>,
): Row<T>[] {
  const rows = data.map((original, index) => ({ original, index }));
  const first = rows[0];
  const searched = first
    ? columns.filter((c) => {
        if (!c.hasValue) return false;
        const v = c.value(first.original, 0);
        return typeof v === 'string' || typeof v === 'number';
      })
    : [];
  const active = columns.filter((c) => filters[c.id]);
  if (!search && active.length === 0) return rows;
  return rows.filter(
    (r) =>
      active.every((c) => includes(c.value(r.original, r.index), filters[c.id]!)) &&
      (!search || searched.some((c) => includes(c.value(r.original, r.index), search))),
  );
}

// ---- Sorting, as TanStack Table's 'auto' sorting does it ----

const DIGITS = /([0-9]+)/gm;

function sortText(a: unknown): string {
  if (typeof a === 'number') return Number.isFinite(a) ? String(a) : '';
  return typeof a === 'string' ? a : '';
}

function compareBasic(a: unknown, b: unknown): number {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compares whatever the cells hold, as `>` does
  return a === b ? 0 : (a as any) > (b as any) ? 1 : -1;
}

/** "key-2" before "key-10": runs of digits compare as numbers. */
export function compareAlphanumeric(aText: string, bText: string): number {
  const a = aText.split(DIGITS).filter(Boolean);
  const b = bText.split(DIGITS).filter(Boolean);
  while (a.length && b.length) {
    const aa = a.shift()!;
    const bb = b.shift()!;
    const an = parseInt(aa, 10);
    const bn = parseInt(bb, 10);
    if (isNaN(an) && isNaN(bn)) {
      if (aa > bb) return 1;
      if (bb > aa) return -1;
      continue;
    }
    if (isNaN(an) || isNaN(bn)) return isNaN(an) ? -1 : 1;
    if (an > bn) return 1;
    if (bn > an) return -1;
  }
  return a.length - b.length;
}

type Compare = (a: unknown, b: unknown) => number;

/**
 * TanStack Table's choice of comparison, judged by the first ten rows (TanStack samples the rows after the tenth, so a
 * short list compared text case-sensitively and digits as text): digits → natural, text → case-insensitive.
 */
function autoCompare<T>(column: Column<T>, rows: readonly Row<T>[]): Compare {
  let text = false;
  for (const r of rows.slice(0, 10)) {
    const v = column.value(r.original, r.index);
    if (v instanceof Date) return compareBasic;
    if (typeof v === 'string') {
      text = true;
      if (v.split(DIGITS).length > 1) return (a, b) => compareAlphanumeric(sortText(a).toLowerCase(), sortText(b).toLowerCase());
    }
  }
  return text ? (a, b) => compareBasic(sortText(a).toLowerCase(), sortText(b).toLowerCase()) : compareBasic;
}

/** Text columns start ascending, everything else (numbers, dates, counts) descending. */
function firstSortDesc<T>(column: Column<T>, rows: readonly Row<T>[]): boolean {
  const first = rows[0];
  return !(first && typeof column.value(first.original, first.index) === 'string');
}

/** A header click: unsorted → first direction → the other → unsorted; another column's sort is replaced. */
export function nextSorting<T>(sorting: Sorting, column: Column<T>, rows: readonly Row<T>[]): Sorting {
  const desc = firstSortDesc(column, rows);
  const current = sorting.find((s) => s.id === column.id);
  if (!current) return [{ id: column.id, desc }];
  if (current.desc !== desc) return [];
  return [{ id: column.id, desc: !current.desc }];
}

export function sortRows<T>(rows: readonly Row<T>[], columns: readonly Column<T>[], sorting: Sorting): Row<T>[] {
  const keys = sorting.flatMap((s) => {
    const column = columns.find((c) => c.id === s.id && c.canSort);
    if (!column) return [];
    const custom = column.def.sortingFn;
    const compare = custom ? null : autoCompare(column, rows);
    return [{ column, desc: s.desc, custom, compare }];
  });
  if (!rows.length || !keys.length) return [...rows];
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const av = k.column.value(a.original, a.index);
      const bv = k.column.value(b.original, b.index);
      // Cells without a value go last, ascending (TanStack's sortUndefined: 1).
      let order = av === undefined || bv === undefined ? (av === bv ? 0 : av === undefined ? 1 : -1) : 0;
      if (order === 0) order = k.custom ? k.custom(a, b) : k.compare!(av, bv);
      if (order !== 0) return k.desc ? -order : order;
    }
    return a.index - b.index;
  });
}

/** Distinct non-empty values of a column over all the rows, for its dropdown. */
export function distinctValues<T>(data: readonly T[], column: Column<T>): string[] {
  const values = new Set<string>();
  data.forEach((row, index) => {
    const v = column.value(row, index);
    if (v !== undefined && v !== null && v !== '') values.add(String(v));
  });
  return [...values].sort();
}
