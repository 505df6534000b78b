// DataTable's CSV export, loaded when someone asks for the file (not with the page).
import { csvLine } from '@/lib/csv';
import { headerLabel, type Column, type Row } from './table-model';

/** Exactly what is on screen: rows after filter and sort, every column not excluded from CSV. */
export function rowsToCsv<T>(rows: readonly Row<T>[], columns: readonly Column<T>[]): string {
  const included = columns.filter((c) => c.def.meta?.csv !== false);
  const lines = [csvLine(included.map(headerLabel))];
  for (const r of rows) {
    lines.push(
      csvLine(
        included.map((c) => {
          const csv = c.def.meta?.csv;
          return typeof csv === 'function' ? csv(r.original) : c.value(r.original, r.index);
        }),
      ),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
