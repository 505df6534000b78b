// Binds the driver's TSparkParameters. DuckDB has no `:name` syntax, so every `:name` and `?` becomes
// `CAST($k AS <type>)` over a positional value; values travel as strings, exactly as the driver sends them.
// NULL parameters arrive with neither type nor value and become a plain NULL.
import { sqlError } from './errors';
import { tokenize } from './tokens';

export interface SparkParameter {
  name?: string | null;
  type?: string | null;
  value?: { stringValue?: string | null; doubleValue?: number | null; booleanValue?: boolean | null } | null;
  arguments?: unknown[] | null;
}

const TYPE_MAP: Record<string, string> = {
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
  TIMESTAMP_LTZ: 'TIMESTAMP',
  BINARY: 'BLOB',
  DECIMAL: 'DECIMAL(38, 18)',
};

function duckType(sparkType: string): string {
  const upper = sparkType.trim().toUpperCase();
  const decimal = /^DECIMAL\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(upper);
  if (decimal) return `DECIMAL(${decimal[1]}, ${decimal[2]})`;
  if (upper.startsWith('INTERVAL')) return 'INTERVAL';
  return TYPE_MAP[upper] ?? 'VARCHAR';
}

function valueOf(p: SparkParameter): string | null {
  const v = p.value;
  if (!v) return null;
  if (v.stringValue !== undefined && v.stringValue !== null) return v.stringValue;
  if (v.doubleValue !== undefined && v.doubleValue !== null) return String(v.doubleValue);
  if (v.booleanValue !== undefined && v.booleanValue !== null) return v.booleanValue ? 'TRUE' : 'FALSE';
  return null;
}

function unbound(name: string) {
  return sqlError(
    'UNBOUND_SQL_PARAMETER',
    `Found the unbound parameter: ${name}. Please, fix \`args\` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as \`map()\`, \`array()\`, \`struct()\`.`,
    '42P02',
  );
}

/** Replaces parameter markers in DuckDB text with casts of bound positional values. */
export function bindParameters(duckSql: string, params: readonly SparkParameter[]): { sql: string; values: string[] } {
  const tokens = tokenize(duckSql, 'duckdb');
  if (!tokens.some((t) => t.kind === 'param')) return { sql: duckSql, values: [] };
  const named = new Map<string, SparkParameter>();
  const positional: SparkParameter[] = [];
  for (const p of params) {
    if (p.arguments?.length) throw sqlError('UNSUPPORTED_FEATURE', 'Complex-typed parameters are not supported by the simulator.', '0A000');
    if (p.name) named.set(p.name, p);
    else positional.push(p);
  }
  const values: string[] = [];
  const slotOf = new Map<string, string>();
  const render = (p: SparkParameter): string => {
    const value = valueOf(p);
    if (value === null || !p.type || p.type.toUpperCase() === 'VOID') return 'NULL';
    values.push(value);
    return `CAST($${values.length} AS ${duckType(p.type)})`;
  };
  let nextPositional = 0;
  for (const t of tokens) {
    if (t.kind !== 'param') continue;
    if (t.value === undefined) {
      const p = positional[nextPositional++];
      if (!p) throw unbound(`_${nextPositional}`);
      t.text = render(p);
      continue;
    }
    const key = t.value;
    const known = slotOf.get(key);
    if (known) {
      t.text = known;
      continue;
    }
    const p = named.get(key) ?? [...named.values()].find((q) => q.name?.toLowerCase() === key.toLowerCase());
    if (!p) throw unbound(key);
    t.text = render(p);
    slotOf.set(key, t.text);
  }
  return { sql: tokens.map((t) => t.text).join(''), values };
}
