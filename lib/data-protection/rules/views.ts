// information_schema.column_masks and row_filters, read by column name. Databricks' SQL reference documents
// catalog_name / schema_name / mask_catalog / mask_schema / mask_name / mask_col_usage (and filter_…, filter_col_usage);
// live workspaces answer table_catalog / table_schema / a three-part mask_name / using_columns (and filter_name,
// target_columns), which is what Databricks' own dbt adapter reads. Either set works here.

export interface MaskOnColumn {
  /** catalog.schema.table */
  table: string;
  column: string;
  /** catalog.schema.function */
  function: string;
  using: string[];
}

export interface FilterOnTable {
  table: string;
  function: string;
  columns: string[];
}

type Row = Record<string, unknown>;

function field(row: Row, ...names: string[]): string | null {
  for (const name of names) {
    const key = Object.keys(row).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : row[key];
    if (typeof value === 'string') return value;
  }
  return null;
}

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A documented one-part name joined with its catalog and schema, or a live three-part name as it is. */
function functionName(row: Row, kind: 'mask' | 'filter'): string | null {
  const name = field(row, `${kind}_name`);
  if (!name) return null;
  if (name.includes('.')) return name;
  const catalog = field(row, `${kind}_catalog`);
  const schema = field(row, `${kind}_schema`);
  return catalog && schema ? `${catalog}.${schema}.${name}` : name;
}

function tableName(row: Row): string | null {
  const catalog = field(row, 'table_catalog', 'catalog_name');
  const schema = field(row, 'table_schema', 'schema_name');
  const table = field(row, 'table_name');
  return catalog && schema && table ? `${catalog}.${schema}.${table}` : null;
}

export function readMask(row: Row): MaskOnColumn | null {
  const table = tableName(row);
  const column = field(row, 'column_name');
  const fn = functionName(row, 'mask');
  if (!table || !column || !fn) return null;
  return { table, column, function: fn, using: list(field(row, 'using_columns', 'mask_col_usage')) };
}

export function readFilter(row: Row): FilterOnTable | null {
  const table = tableName(row);
  const fn = functionName(row, 'filter');
  if (!table || !fn) return null;
  return { table, function: fn, columns: list(field(row, 'target_columns', 'filter_col_usage')) };
}
