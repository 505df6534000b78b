// DuckDB result types → what a Databricks warehouse declares: the Thrift TTypeId of each column and the Arrow type
// of its values (native Arrow types, as the driver requests with useArrowNativeTypes), plus the layout kind that
// arrow-columns.ts builds the values with.
import { type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { TTypeId } from '@databricks/sql/thrift/TCLIService_types';
import * as arrow from 'apache-arrow';

export type Kind =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'float32'
  | 'float64'
  | 'date'
  | 'timestamp'
  | 'utf8'
  | 'binary'
  | 'list'
  | 'struct'
  | 'map';

export interface ColumnEncoding {
  ttype: TTypeId;
  /** DECIMAL precision/scale for the Thrift type qualifiers. */
  decimal?: { precision: number; scale: number };
  arrowType: arrow.DataType;
  kind: Kind;
  /** list element */
  child?: ColumnEncoding;
  /** struct fields */
  fields?: Array<[string, ColumnEncoding]>;
  /** map entries */
  key?: ColumnEncoding;
  value?: ColumnEncoding;
}

const scalar = (ttype: TTypeId, kind: Kind, arrowType: arrow.DataType): ColumnEncoding => ({ ttype, kind, arrowType });

export function encodingFor(type: DuckDBType): ColumnEncoding {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return scalar(TTypeId.BOOLEAN_TYPE, 'bool', new arrow.Bool());
    case DuckDBTypeId.TINYINT:
      return scalar(TTypeId.TINYINT_TYPE, 'int8', new arrow.Int8());
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.UTINYINT:
      return scalar(TTypeId.SMALLINT_TYPE, 'int16', new arrow.Int16());
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.USMALLINT:
      return scalar(TTypeId.INT_TYPE, 'int32', new arrow.Int32());
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return scalar(TTypeId.BIGINT_TYPE, 'int64', new arrow.Int64());
    case DuckDBTypeId.FLOAT:
      return scalar(TTypeId.FLOAT_TYPE, 'float32', new arrow.Float32());
    case DuckDBTypeId.DOUBLE:
      return scalar(TTypeId.DOUBLE_TYPE, 'float64', new arrow.Float64());
    case DuckDBTypeId.DECIMAL:
      // Sent as float64 under a DECIMAL column: the driver turns both into the same JS number.
      return { ...scalar(TTypeId.DECIMAL_TYPE, 'float64', new arrow.Float64()), decimal: { precision: type.width, scale: type.scale } };
    case DuckDBTypeId.DATE:
      return scalar(TTypeId.DATE_TYPE, 'date', new arrow.DateDay());
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return scalar(TTypeId.TIMESTAMP_TYPE, 'timestamp', new arrow.Timestamp(arrow.TimeUnit.MICROSECOND, 'Etc/UTC'));
    case DuckDBTypeId.BLOB:
      return scalar(TTypeId.BINARY_TYPE, 'binary', new arrow.Binary());
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY: {
      const child = encodingFor(type.valueType);
      return {
        ttype: TTypeId.ARRAY_TYPE,
        kind: 'list',
        child,
        arrowType: new arrow.List(new arrow.Field('element', child.arrowType, true)),
      };
    }
    case DuckDBTypeId.STRUCT: {
      const fields = type.entryNames.map((name, i) => [name, encodingFor(type.entryTypes[i] as DuckDBType)] as [string, ColumnEncoding]);
      return {
        ttype: TTypeId.STRUCT_TYPE,
        kind: 'struct',
        fields,
        arrowType: new arrow.Struct(fields.map(([name, enc]) => new arrow.Field(name, enc.arrowType, true))),
      };
    }
    case DuckDBTypeId.MAP: {
      const key = encodingFor(type.keyType);
      const value = encodingFor(type.valueType);
      const entries = new arrow.Struct([new arrow.Field('key', key.arrowType, false), new arrow.Field('value', value.arrowType, true)]);
      // The driver looks the entries field up by the name 'entries', and list elements by 'element'.
      return { ttype: TTypeId.MAP_TYPE, kind: 'map', key, value, arrowType: new arrow.Map_(new arrow.Field('entries', entries, false)) };
    }
    default:
      // VARCHAR, UUID, ENUM, TIME, INTERVAL, SQLNULL…: strings, as a warehouse renders them.
      return scalar(TTypeId.STRING_TYPE, 'utf8', new arrow.Utf8());
  }
}
