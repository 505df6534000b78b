// A statement's rows, held until the client has fetched them: DuckDB data chunks read up to the row cap (converted
// to JS page by page), or small string tables built by Unity Catalog commands.
import { type DuckDBDataChunk, type DuckDBResult, type DuckDBType, JSDuckDBValueConverter, VARCHAR } from '@duckdb/node-api';
import type { ResultColumn } from './encode-arrow';

export interface ResultSet {
  columns: readonly ResultColumn[];
  rowCount: number;
  /** Column-major JS values for rows [offset, offset + count). */
  page(offset: number, count: number): unknown[][];
}

export const EMPTY_RESULT: ResultSet = { columns: [], rowCount: 0, page: () => [] };

/** A small table built in JS (SHOW TABLES); values must fit their column's type. */
export function valuesResult(columns: readonly ResultColumn[], rows: ReadonlyArray<ReadonlyArray<unknown>>): ResultSet {
  return {
    columns,
    rowCount: rows.length,
    page: (offset, count) => columns.map((_, c) => rows.slice(offset, offset + count).map((r) => r[c] ?? null)),
  };
}

/** A VARCHAR table (SHOW GRANTS and friends). */
export function stringResult(names: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): ResultSet {
  return valuesResult(
    names.map((name): { name: string; type: DuckDBType } => ({ name, type: VARCHAR })),
    rows,
  );
}

/** Reads a streaming DuckDB result up to `rowCap` rows. */
export async function readResult(result: DuckDBResult, rowCap: number): Promise<ResultSet> {
  const names = result.columnNames();
  const types = result.columnTypes();
  const chunks: DuckDBDataChunk[] = [];
  const starts: number[] = [];
  let rowCount = 0;
  while (rowCount < rowCap) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    starts.push(rowCount);
    chunks.push(chunk);
    rowCount += chunk.rowCount;
  }
  rowCount = Math.min(rowCount, rowCap);
  return {
    columns: names.map((name, i) => ({ name, type: types[i] as (typeof types)[number] })),
    rowCount,
    page(offset, count) {
      const end = Math.min(offset + count, rowCount);
      const out: unknown[][] = names.map(() => []);
      chunks.forEach((chunk, i) => {
        const start = starts[i] as number;
        if (start + chunk.rowCount <= offset || start >= end) return;
        const cols = chunk.convertColumns(JSDuckDBValueConverter);
        const from = Math.max(0, offset - start);
        const to = Math.min(chunk.rowCount, end - start);
        cols.forEach((col, c) => (out[c] as unknown[]).push(...col.slice(from, to)));
      });
      return out;
    },
  };
}
