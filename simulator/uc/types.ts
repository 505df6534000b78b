// Databricks column types (as Unity Catalog reports them) ↔ DuckDB storage types.

/** 'DECIMAL(12,2)' → 'DECIMAL(12,2)'; 'ARRAY<STRING>' → 'VARCHAR[]'; 'STRUCT<a: INT, b: STRING>' → 'STRUCT("a" INTEGER, "b" VARCHAR)'. */
export function duckTypeOf(databricksType: string): string {
  const p = new TypeParser(databricksType);
  const out = p.type();
  p.end();
  return out;
}

/** information_schema DATA_TYPE: the type name without parameters ('DECIMAL', 'ARRAY', 'STRING'). */
export function baseTypeName(databricksType: string): string {
  return (/^[A-Za-z_]+/.exec(databricksType.trim())?.[0] ?? databricksType).toUpperCase();
}

const SCALARS: Record<string, string> = {
  STRING: 'VARCHAR',
  VARCHAR: 'VARCHAR',
  CHAR: 'VARCHAR',
  INT: 'INTEGER',
  INTEGER: 'INTEGER',
  BIGINT: 'BIGINT',
  LONG: 'BIGINT',
  SMALLINT: 'SMALLINT',
  SHORT: 'SMALLINT',
  TINYINT: 'TINYINT',
  BYTE: 'TINYINT',
  DOUBLE: 'DOUBLE',
  FLOAT: 'FLOAT',
  REAL: 'FLOAT',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  TIMESTAMP_NTZ: 'TIMESTAMP',
  BINARY: 'BLOB',
  DECIMAL: 'DECIMAL(10,0)',
  VOID: 'INTEGER',
};

class TypeParser {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws() {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }

  private word(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^`[^`]+`/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`Cannot parse type "${this.s}"`);
    this.i += m[0].length;
    return m[0].replace(/`/g, '');
  }

  private expect(ch: string) {
    this.ws();
    if (this.s[this.i] !== ch) throw new Error(`Cannot parse type "${this.s}": expected ${ch}`);
    this.i++;
  }

  private peek(): string {
    this.ws();
    return this.s[this.i] ?? '';
  }

  end() {
    this.ws();
    if (this.i !== this.s.length) throw new Error(`Cannot parse type "${this.s}"`);
  }

  type(): string {
    const name = this.word().toUpperCase();
    if (name === 'ARRAY') {
      this.expect('<');
      const el = this.type();
      this.expect('>');
      return `${el}[]`;
    }
    if (name === 'MAP') {
      this.expect('<');
      const k = this.type();
      this.expect(',');
      const v = this.type();
      this.expect('>');
      return `MAP(${k}, ${v})`;
    }
    if (name === 'STRUCT') {
      this.expect('<');
      const fields: string[] = [];
      do {
        if (fields.length) this.expect(',');
        const field = this.word();
        if (this.peek() === ':') this.expect(':');
        fields.push(`"${field}" ${this.type()}`);
      } while (this.peek() === ',');
      this.expect('>');
      return `STRUCT(${fields.join(', ')})`;
    }
    if ((name === 'DECIMAL' || name === 'VARCHAR' || name === 'CHAR') && this.peek() === '(') {
      const close = this.s.indexOf(')', this.i);
      const args = this.s.slice(this.i + 1, close).replace(/\s+/g, '');
      this.i = close + 1;
      return name === 'DECIMAL' ? `DECIMAL(${args})` : 'VARCHAR';
    }
    const scalar = SCALARS[name];
    if (!scalar) throw new Error(`Unsupported type ${name} in "${this.s}"`);
    return scalar;
  }
}

const COLUMN_TYPE_NAMES: Record<string, string> = {
  BIGINT: 'LONG',
  INTEGER: 'INT',
  SMALLINT: 'SHORT',
  TINYINT: 'BYTE',
  VARCHAR: 'STRING',
  REAL: 'FLOAT',
};

/** REST `ColumnTypeName` (type_name, data_type): 'BIGINT' → 'LONG', 'DECIMAL(12,2)' → 'DECIMAL'. */
export function columnTypeName(databricksType: string): string {
  const base = baseTypeName(databricksType);
  return COLUMN_TYPE_NAMES[base] ?? base;
}

/** Spark's JSON name of a scalar type, as `type_json` carries it: 'BIGINT' → 'long', 'DECIMAL(12, 2)' → 'decimal(12,2)'. */
export function sparkJsonType(databricksType: string): string {
  const t = databricksType.trim().toLowerCase().replace(/\s+/g, '');
  const base = /^[a-z_]+/.exec(t)?.[0] ?? t;
  const names: Record<string, string> = { bigint: 'long', int: 'integer', smallint: 'short', tinyint: 'byte', varchar: 'string' };
  return base === t ? (names[t] ?? t) : t;
}

const FROM_DUCK: Record<string, string> = {
  VARCHAR: 'STRING',
  INTEGER: 'INT',
  BIGINT: 'BIGINT',
  HUGEINT: 'BIGINT',
  SMALLINT: 'SMALLINT',
  TINYINT: 'TINYINT',
  DOUBLE: 'DOUBLE',
  FLOAT: 'FLOAT',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  BLOB: 'BINARY',
};

/** A DuckDB scalar type name (from typeof()) back to Databricks: 'VARCHAR' → 'STRING', 'DECIMAL(12,2)' kept. */
export function databricksTypeOf(duckType: string): string {
  const t = duckType.trim().toUpperCase();
  if (t.startsWith('DECIMAL')) return t.replace(/\s+/g, '');
  return FROM_DUCK[t] ?? 'STRING';
}
