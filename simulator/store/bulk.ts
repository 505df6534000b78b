// Fast bulk loading through DuckDB's appender: the `large` seed writes tens of thousands of rows and must not
// pay one INSERT per row.
import type { SimDb } from '../core/db';

export type ColumnKind = 'varchar' | 'bigint' | 'bool' | 'blob';
export type Cell = string | number | boolean | Uint8Array | null;

export async function bulkInsert(db: SimDb, table: string, kinds: ColumnKind[], rows: Iterable<Cell[]>): Promise<void> {
  await db.withConnection(async (c) => {
    const appender = await c.createAppender(table, 'ws');
    try {
      for (const row of rows) {
        kinds.forEach((kind, i) => {
          const v = row[i];
          if (v === null || v === undefined) appender.appendNull();
          else if (kind === 'varchar') appender.appendVarchar(String(v));
          else if (kind === 'bigint') appender.appendBigInt(BigInt(v as number));
          else if (kind === 'bool') appender.appendBoolean(Boolean(v));
          else appender.appendBlob(v as Uint8Array);
        });
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  });
}
