import { describe, expect, it } from 'vitest';
import { rowsToCsv } from './table-csv';
import {
  compareAlphanumeric,
  createColumnHelper,
  distinctValues,
  filterRows,
  nextSorting,
  resolveColumns,
  sortRows,
  type ColumnDef,
} from './table-model';

interface Item {
  name: string;
  kind: string;
  size: number | undefined;
}

const col = createColumnHelper<Item>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of every value type
const defs: ColumnDef<Item, any>[] = [
  col.accessor('name', { header: 'Name' }),
  col.accessor((i) => i.kind.toUpperCase(), { id: 'kind', header: 'Kind', meta: { filter: 'select' } }),
  col.accessor('size', { header: 'Size', meta: { csv: (i) => (i.size === undefined ? 'unknown' : `${i.size} B`) } }),
  col.display({ id: 'actions', header: () => null, meta: { csv: false } }),
];
const data: Item[] = [
  { name: 'key-10', kind: 'user', size: 5 },
  { name: 'Key-2', kind: 'group', size: undefined },
  { name: 'key-1', kind: 'user (deleted)', size: 12 },
];
const columns = resolveColumns(defs);
const byId = (id: string) => columns.find((c) => c.id === id)!;
const rows = data.map((original, index) => ({ original, index }));
const names = (r: Array<{ original: Item }>) => r.map((x) => x.original.name);

describe('table model', () => {
  it('ids columns by id, accessor key or string header', () => {
    expect(columns.map((c) => c.id)).toEqual(['name', 'kind', 'size', 'actions']);
    expect(columns.map((c) => c.canSort)).toEqual([true, true, true, false]);
    expect(() => resolveColumns<Item>([{ header: () => null }])).toThrow(/needs an id/);
  });

  it('searches every string or number column, ignoring case, and filters a column by containment', () => {
    expect(names(filterRows(data, columns, 'KEY-1', {}))).toEqual(['key-10', 'key-1']);
    expect(names(filterRows(data, columns, '12', {}))).toEqual(['key-1']);
    // As TanStack Table's includesString: "USER" keeps "USER (DELETED)" too.
    expect(names(filterRows(data, columns, '', { kind: 'USER' }))).toEqual(['key-10', 'key-1']);
    expect(names(filterRows(data, columns, '10', { kind: 'USER' }))).toEqual(['key-10']);
    expect(filterRows([], columns, 'x', {})).toEqual([]);
  });

  it('sorts text ascending first and numbers descending first, then the other way, then not at all', () => {
    expect(nextSorting([], byId('name'), rows)).toEqual([{ id: 'name', desc: false }]);
    expect(nextSorting([{ id: 'name', desc: false }], byId('name'), rows)).toEqual([{ id: 'name', desc: true }]);
    expect(nextSorting([{ id: 'name', desc: true }], byId('name'), rows)).toEqual([]);
    expect(nextSorting([{ id: 'name', desc: true }], byId('size'), rows)).toEqual([{ id: 'size', desc: true }]);
  });

  it('keeps cells without a value last ascending, and ties in data order', () => {
    expect(names(sortRows(rows, columns, [{ id: 'size', desc: false }]))).toEqual(['key-10', 'key-1', 'Key-2']);
    expect(names(sortRows(rows, columns, [{ id: 'size', desc: true }]))).toEqual(['Key-2', 'key-1', 'key-10']);
    expect(names(sortRows(rows, columns, [{ id: 'actions', desc: false }]))).toEqual(['key-10', 'Key-2', 'key-1']);
    const custom = resolveColumns<Item>([
      { id: 'len', accessorFn: (i) => i.name, sortingFn: (a, b) => a.original.name.length - b.original.name.length },
    ]);
    expect(names(sortRows(rows, custom, [{ id: 'len', desc: false }]))).toEqual(['Key-2', 'key-1', 'key-10']);
  });

  it('compares digits as numbers once the sample holds them', () => {
    expect(compareAlphanumeric('key-2', 'key-10')).toBeLessThan(0);
    expect(compareAlphanumeric('b', 'a')).toBeGreaterThan(0);
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `key-${12 - i}`, kind: 'user', size: i }));
    const sorted = sortRows(
      many.map((original, index) => ({ original, index })),
      columns,
      [{ id: 'name', desc: false }],
    );
    expect(names(sorted).slice(0, 3)).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('lists a column’s distinct values and writes the CSV of what is shown', () => {
    expect(distinctValues(data, byId('kind'))).toEqual(['GROUP', 'USER', 'USER (DELETED)']);
    // A short list sorts as a long one does: case-insensitive, digits as numbers.
    expect(rowsToCsv(sortRows(rows, columns, [{ id: 'name', desc: false }]), columns)).toBe(
      'Name,Kind,Size\r\nkey-1,USER (DELETED),12 B\r\nKey-2,GROUP,unknown\r\nkey-10,USER,5 B\r\n',
    );
  });
});
