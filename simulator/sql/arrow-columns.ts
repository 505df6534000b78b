// Builds Arrow column data straight from JS values (as DuckDB's JS conversion yields them): typed arrays, offsets
// and one UTF-8 buffer per string column, children for lists, structs and maps. Much cheaper than appending value by
// value through apache-arrow's builders, which dominated the cost of wide results.
import * as arrow from 'apache-arrow';
import type { ColumnEncoding } from './result-types';

const jsonSafe = (_k: string, v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v, jsonSafe) : String(v));
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] = (nullBitmap[i >> 3] as number) | (1 << (i & 7));
  });
  return { nullBitmap, nullCount };
}

function offsets(values: readonly unknown[], size: (v: unknown) => number): Int32Array {
  const out = new Int32Array(values.length + 1);
  values.forEach((v, i) => (out[i + 1] = (out[i] as number) + (v === null || v === undefined ? 0 : size(v))));
  return out;
}

export function columnData(enc: ColumnEncoding, values: readonly unknown[]): arrow.Data {
  const length = values.length;
  const base = { type: enc.arrowType, length, ...validity(values) };
  const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  switch (enc.kind) {
    case 'bool': {
      const data = new Uint8Array((length + 7) >> 3);
      values.forEach((v, i) => v && (data[i >> 3] = (data[i >> 3] as number) | (1 << (i & 7))));
      return arrow.makeData({ ...base, data } as never);
    }
    case 'int8':
      return arrow.makeData({ ...base, data: Int8Array.from(values, num) } as never);
    case 'int16':
      return arrow.makeData({ ...base, data: Int16Array.from(values, num) } as never);
    case 'int32':
      return arrow.makeData({ ...base, data: Int32Array.from(values, num) } as never);
    case 'float32':
      return arrow.makeData({ ...base, data: Float32Array.from(values, num) } as never);
    case 'float64':
      return arrow.makeData({ ...base, data: Float64Array.from(values, num) } as never);
    case 'int64':
      // HUGEINT sums are clamped to int64, where a Databricks BIGINT would have overflowed.
      return arrow.makeData({
        ...base,
        data: BigInt64Array.from(values, (v) => {
          const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(num(v)));
          return b > INT64_MAX ? INT64_MAX : b < INT64_MIN ? INT64_MIN : b;
        }),
      } as never);
    case 'date':
      return arrow.makeData({
        ...base,
        data: Int32Array.from(values, (v) => Math.floor(num(v instanceof Date ? v.getTime() : v) / 86_400_000)),
      } as never);
    case 'timestamp': {
      // Microseconds as (low, high) int32 pairs, the layout of arrow-js 64-bit time values.
      const data = new Int32Array(length * 2);
      values.forEach((v, i) => {
        const us = (v instanceof Date ? v.getTime() : num(v)) * 1000;
        data[2 * i] = (us % 4294967296) | 0;
        data[2 * i + 1] = Math.floor(us / 4294967296);
      });
      return arrow.makeData({ ...base, data } as never);
    }
    case 'utf8': {
      const strings = values.map((v) => (v === null || v === undefined ? '' : text(v)));
      return arrow.makeData({
        ...base,
        valueOffsets: offsets(strings, (s) => Buffer.byteLength(s as string)),
        data: Buffer.from(strings.join(''), 'utf8'),
      } as never);
    }
    case 'binary': {
      const parts = values.map((v) => (v instanceof Uint8Array ? v : new Uint8Array()));
      return arrow.makeData({
        ...base,
        valueOffsets: offsets(parts, (p) => (p as Uint8Array).length),
        data: Buffer.concat(parts),
      } as never);
    }
    case 'list': {
      const lists = values.map((v) => (Array.isArray(v) ? v : []));
      const child = columnData(enc.child as ColumnEncoding, lists.flat());
      return arrow.makeData({ ...base, valueOffsets: offsets(values, (v) => (v as unknown[]).length), child } as never);
    }
    case 'struct': {
      const children = (enc.fields ?? []).map(([name, f]) =>
        columnData(
          f,
          values.map((v) => (v === null || v === undefined ? null : (v as Record<string, unknown>)[name])),
        ),
      );
      return arrow.makeData({ ...base, children } as never);
    }
    case 'map': {
      // DuckDB's JS conversion gives a map as [{key, value}, …].
      const entries = values.flatMap((v) => (Array.isArray(v) ? (v as Array<{ key: unknown; value: unknown }>) : []));
      const struct = (enc.arrowType as arrow.Map_).children[0]?.type as arrow.Struct;
      const child = arrow.makeData({
        type: struct,
        length: entries.length,
        nullCount: 0,
        children: [
          columnData(
            enc.key as ColumnEncoding,
            entries.map((e) => e.key),
          ),
          columnData(
            enc.value as ColumnEncoding,
            entries.map((e) => e.value),
          ),
        ],
      });
      return arrow.makeData({ ...base, valueOffsets: offsets(values, (v) => (v as unknown[]).length), child } as never);
    }
  }
}
