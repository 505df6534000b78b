// DuckDB result types → what a Databricks warehouse declares: the Thrift TTypeId of each column and the Arrow type
// of its values (native Arrow types, as the driver requests with useArrowNativeTypes), plus the JS conversion
// from DuckDB's JS values to what apache-arrow's builders take.
import { type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { TTypeId } from '@databricks/sql/thrift/TCLIService_types';
import * as arrow from 'apache-arrow';

export interface ColumnEncoding {
  ttype: TTypeId;
  /** DECIMAL precision/scale for the Thrift type qualifiers. */
  decimal?: { precision: number; scale: number };
  arrowType: arrow.DataType;
  convert: (value: unknown) => unknown;
}

const same = (v: unknown) => v;
const toText = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v, jsonSafe) : String(v));
const toEpochMs = (v: unknown) => (v instanceof Date ? v.getTime() : v === null || v === undefined ? null : Number(v));
// Values above 2^63 (HUGEINT sums) are clamped; Databricks would have overflowed a BIGINT as well.
const toInt64 = (v: unknown) => {
  if (v === null || v === undefined) return null;
  const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
  return b > 9223372036854775807n ? 9223372036854775807n : b < -9223372036854775808n ? -9223372036854775808n : b;
};

function jsonSafe(_key: string, value: unknown) {
  return typeof value === 'bigint' ? Number(value) : value;
}

function scalar(ttype: TTypeId, arrowType: arrow.DataType, convert: (v: unknown) => unknown = same): ColumnEncoding {
  return { ttype, arrowType, convert };
}

export function encodingFor(type: DuckDBType): ColumnEncoding {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return scalar(TTypeId.BOOLEAN_TYPE, new arrow.Bool());
    case DuckDBTypeId.TINYINT:
      return scalar(TTypeId.TINYINT_TYPE, new arrow.Int8());
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.UTINYINT:
      return scalar(TTypeId.SMALLINT_TYPE, new arrow.Int16());
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.USMALLINT:
      return scalar(TTypeId.INT_TYPE, new arrow.Int32());
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return scalar(TTypeId.BIGINT_TYPE, new arrow.Int64(), toInt64);
    case DuckDBTypeId.FLOAT:
      return scalar(TTypeId.FLOAT_TYPE, new arrow.Float32());
    case DuckDBTypeId.DOUBLE:
      return scalar(TTypeId.DOUBLE_TYPE, new arrow.Float64());
    case DuckDBTypeId.DECIMAL:
      // Sent as float64 under a DECIMAL column: the driver turns both into the same JS number.
      return {
        ...scalar(TTypeId.DECIMAL_TYPE, new arrow.Float64(), (v) => (v === null || v === undefined ? null : Number(v))),
        decimal: { precision: type.width, scale: type.scale },
      };
    case DuckDBTypeId.DATE:
      return scalar(TTypeId.DATE_TYPE, new arrow.DateDay(), toEpochMs);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return scalar(TTypeId.TIMESTAMP_TYPE, new arrow.Timestamp(arrow.TimeUnit.MICROSECOND, 'Etc/UTC'), toEpochMs);
    case DuckDBTypeId.BLOB:
      return scalar(TTypeId.BINARY_TYPE, new arrow.Binary());
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY: {
      const el = encodingFor(type.valueType);
      return {
        ttype: TTypeId.ARRAY_TYPE,
        arrowType: new arrow.List(new arrow.Field('element', el.arrowType, true)),
        convert: (v) => (Array.isArray(v) ? v.map(el.convert) : null),
      };
    }
    case DuckDBTypeId.STRUCT: {
      const fields = type.entryNames.map((name, i) => [name, encodingFor(type.entryTypes[i] as DuckDBType)] as const);
      return {
        ttype: TTypeId.STRUCT_TYPE,
        arrowType: new arrow.Struct(fields.map(([name, enc]) => new arrow.Field(name, enc.arrowType, true))),
        convert: (v) => {
          if (v === null || v === undefined) return null;
          const o = v as Record<string, unknown>;
          return Object.fromEntries(fields.map(([name, enc]) => [name, enc.convert(o[name] ?? null)]));
        },
      };
    }
    case DuckDBTypeId.MAP: {
      const key = encodingFor(type.keyType);
      const value = encodingFor(type.valueType);
      const entries = new arrow.Struct([new arrow.Field('key', key.arrowType, false), new arrow.Field('value', value.arrowType, true)]);
      return {
        ttype: TTypeId.MAP_TYPE,
        arrowType: new arrow.Map_(new arrow.Field('entries', entries, false)),
        convert: (v) =>
          Array.isArray(v)
            ? new Map((v as Array<{ key: unknown; value: unknown }>).map((e) => [key.convert(e.key), value.convert(e.value)]))
            : null,
      };
    }
    default:
      // VARCHAR, UUID, ENUM, TIME, INTERVAL, SQLNULL…: strings, as a warehouse renders them.
      return scalar(TTypeId.STRING_TYPE, new arrow.Utf8(), toText);
  }
}
