import { DuckDBInstance } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ArrowEncoder } from './encode-arrow';
import { readResult } from './result-set';

async function roundTrip(sql: string) {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run("SET TimeZone = 'UTC'");
  const set = await readResult(await conn.stream(sql), 1000);
  const enc = new ArrowEncoder(set.columns);
  const batch = enc.encode(set.page(0, set.rowCount), set.rowCount);
  // What the driver does: the schema message followed by the batch messages, read as one stream.
  const table = arrow.tableFromIPC([enc.schemaBytes, batch]);
  conn.closeSync();
  return { enc, rows: table.toArray().map((r) => r.toJSON() as Record<string, unknown>) };
}

describe('ArrowEncoder', () => {
  it('writes every kind of column with its nulls, readable as an Arrow stream', async () => {
    const { rows } = await roundTrip(`SELECT * FROM (VALUES
      (true, 1::TINYINT, 2::SMALLINT, 3, 4::BIGINT, 1.5::FLOAT, 2.5::DOUBLE, 12.25::DECIMAL(10,2), DATE '2026-01-02',
       TIMESTAMP '2026-01-02 03:04:05.123', 'héllo', '\\x01\\x02'::BLOB, [1, 2], {'email': 'a@b', 'n': 1}, MAP {'k': 'v', 'x': NULL}),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (false, -1::TINYINT, -2::SMALLINT, -3, 9007199254740993::BIGINT, 0::FLOAT, -0.5::DOUBLE, 0::DECIMAL(10,2), DATE '1969-12-31',
       TIMESTAMP '1969-12-31 23:59:59', '', ''::BLOB, [], {'email': NULL, 'n': NULL}, MAP {})
    ) t(b, i8, i16, i32, i64, f32, f64, dec, d, ts, s, bin, l, st, m)`);
    expect(rows[0]).toMatchObject({ b: true, i8: 1, i16: 2, i32: 3, i64: 4n, f32: 1.5, f64: 2.5, dec: 12.25, s: 'héllo' });
    expect(rows[0]?.d).toEqual(new Date(Date.UTC(2026, 0, 2)));
    expect(rows[0]?.ts).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 123));
    expect([...(rows[0]?.bin as Uint8Array)]).toEqual([1, 2]);
    expect([...(rows[0]?.l as arrow.Vector)]).toEqual([1, 2]);
    expect((rows[0]?.st as arrow.StructRow).toJSON()).toEqual({ email: 'a@b', n: 1 });
    expect((rows[0]?.m as arrow.MapRow).toJSON()).toEqual({ k: 'v', x: null });
    expect(Object.values(rows[1] as object).every((v) => v === null)).toBe(true);
    expect(rows[2]).toMatchObject({
      b: false,
      i64: 9007199254740993n,
      s: '',
      d: new Date(Date.UTC(1969, 11, 31)),
      ts: Date.UTC(1969, 11, 31, 23, 59, 59),
    });
    expect((rows[2]?.st as arrow.StructRow).toJSON()).toEqual({ email: null, n: null });
    expect((rows[2]?.m as arrow.MapRow).toJSON()).toEqual({});
  });

  it('declares Databricks types to the driver, with DECIMAL precision and scale', async () => {
    const { enc } = await roundTrip('SELECT 1.5::DECIMAL(12,2) AS amount, [1] AS l, now() AS t');
    expect(enc.thriftSchema().columns.map((c) => [c.columnName, c.typeDesc.types[0]?.primitiveEntry.type])).toEqual([
      ['amount', 15],
      ['l', 10],
      ['t', 8],
    ]);
    expect(enc.thriftSchema().columns[0]?.typeDesc.types[0]?.primitiveEntry).toMatchObject({
      typeQualifiers: { qualifiers: { precision: { i32Value: 12 }, scale: { i32Value: 2 } } },
    });
  });
});
