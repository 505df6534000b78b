// Result sets as a Databricks warehouse sends them to the driver: a Thrift TTableSchema plus Arrow IPC, where
// `arrowSchema` is the IPC schema message (without the end-of-stream marker) and each TSparkArrowBatch is one
// record-batch message. apache-arrow writes "schema + batch + EOS"; the pieces are cut out of that.
import type { DuckDBType } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { columnData } from './arrow-columns';
import { type ColumnEncoding, encodingFor } from './result-types';

export interface ResultColumn {
  name: string;
  type: DuckDBType;
}

const EOS_BYTES = 8;

export class ArrowEncoder {
  private readonly encodings: ColumnEncoding[];
  private readonly schema: arrow.Schema;
  readonly schemaBytes: Buffer;

  constructor(readonly columns: readonly ResultColumn[]) {
    this.encodings = columns.map((c) => encodingFor(c.type));
    this.schema = new arrow.Schema(columns.map((c, i) => new arrow.Field(c.name, (this.encodings[i] as ColumnEncoding).arrowType, true)));
    const writer = new arrow.RecordBatchStreamWriter();
    writer.reset(undefined, this.schema);
    writer.finish();
    const withEos = writer.toUint8Array(true);
    this.schemaBytes = Buffer.from(withEos.subarray(0, withEos.length - EOS_BYTES));
  }

  /** TTableSchema for GetResultSetMetadata / direct results. */
  thriftSchema() {
    return {
      columns: this.columns.map((c, i) => {
        const enc = this.encodings[i] as ColumnEncoding;
        const qualifiers = enc.decimal && {
          qualifiers: { precision: { i32Value: enc.decimal.precision }, scale: { i32Value: enc.decimal.scale } },
        };
        return {
          columnName: c.name,
          position: i + 1,
          typeDesc: { types: [{ primitiveEntry: { type: enc.ttype, ...(qualifiers ? { typeQualifiers: qualifiers } : {}) } }] },
        };
      }),
    };
  }

  /** One record-batch message from column-major JS values (as DuckDB's JS conversion yields them). */
  encode(columnValues: readonly (readonly unknown[])[], rowCount: number): Buffer {
    const children = this.encodings.map((enc, i) => columnData(enc, columnValues[i] ?? []));
    const struct = arrow.makeData({ type: new arrow.Struct(this.schema.fields), length: rowCount, nullCount: 0, children });
    const batch = new arrow.RecordBatch(this.schema, struct);
    const bytes = arrow.RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
    return Buffer.from(bytes.subarray(this.schemaBytes.length, bytes.length - EOS_BYTES));
  }
}
