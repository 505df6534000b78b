// Writes Unity Catalog objects straight into uc_meta and uc_store, without permission checks or audit: for seeds
// and test fixtures. Callers finish with `changed(db, 'all')` (done by `finishCatalog`) so views are rebuilt.
import type { SimDb } from '../core/db';
import { quoteIdent } from './names';
import { changed, ensureUcStore } from './store';
import { duckTypeOf } from './types';

export interface TableSpec {
  catalog: string;
  schema: string;
  name: string;
  owner: string;
  /** [name, Databricks type] */
  columns: ReadonlyArray<readonly [string, string]>;
  tableType?: string;
  comment?: string | null;
  /** An existing storage table ('uc_store.x'); when absent one is created for this table. */
  storage?: string;
  /** A SELECT whose columns fill the new storage table, in column order. */
  rowsSql?: string;
  createdAt?: Date;
  createdBy?: string;
}

export const storageName = (catalog: string, schema: string, table: string) => `uc_store.${quoteIdent(`${catalog}__${schema}__${table}`)}`;

export async function addCatalog(
  db: SimDb,
  name: string,
  owner: string,
  comment: string | null = null,
  createdAt = new Date(),
  createdBy = owner,
): Promise<void> {
  await ensureUcStore(db);
  await db.run('INSERT OR REPLACE INTO uc_meta.catalogs VALUES ($1, $2, $3, $4, $5)', [
    name,
    owner,
    comment,
    createdAt.toISOString(),
    createdBy,
  ]);
}

export async function addSchema(
  db: SimDb,
  catalog: string,
  schema: string,
  owner: string,
  comment: string | null = null,
  createdAt = new Date(),
  createdBy = owner,
): Promise<void> {
  await db.run('INSERT OR REPLACE INTO uc_meta.schemas VALUES ($1, $2, $3, $4, $5, $6)', [
    catalog,
    schema,
    owner,
    comment,
    createdAt.toISOString(),
    createdBy,
  ]);
}

export async function addTable(db: SimDb, t: TableSpec): Promise<void> {
  const storage = t.storage ?? storageName(t.catalog, t.schema, t.name);
  if (!t.storage) {
    const cols = t.columns.map(([n, type]) => `${quoteIdent(n)} ${duckTypeOf(type)}`).join(', ');
    await db.run(`CREATE OR REPLACE TABLE ${storage} (${cols})`);
    if (t.rowsSql) await db.run(`INSERT INTO ${storage} ${t.rowsSql}`);
  }
  const created = (t.createdAt ?? new Date()).toISOString();
  const by = t.createdBy ?? t.owner;
  await db.run('INSERT OR REPLACE INTO uc_meta.tables VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $10)', [
    t.catalog,
    t.schema,
    t.name,
    t.tableType ?? 'MANAGED',
    t.owner,
    t.comment ?? null,
    storage.replace(/"/g, ''),
    t.tableType === 'VIEW' ? null : 'DELTA',
    created,
    by,
  ]);
  await db.run('DELETE FROM uc_meta.columns WHERE catalog_name = $1 AND schema_name = $2 AND table_name = $3', [
    t.catalog,
    t.schema,
    t.name,
  ]);
  for (const [i, [name, type]] of t.columns.entries()) {
    await db.run('INSERT INTO uc_meta.columns VALUES ($1, $2, $3, $4, $5, $6, true, NULL)', [
      t.catalog,
      t.schema,
      t.name,
      name,
      i + 1,
      type,
    ]);
  }
}

export async function addGrant(
  db: SimDb,
  type: string,
  fullName: string,
  principal: string,
  privilege: string,
  grantor: string,
): Promise<void> {
  await db.run('INSERT INTO uc_meta.grants VALUES ($1, $2, $3, $4, $5, now()::TIMESTAMP) ON CONFLICT DO NOTHING', [
    type,
    fullName,
    principal,
    privilege,
    grantor,
  ]);
}

export async function addFunction(
  db: SimDb,
  fullName: string,
  params: Array<{ name: string; type: string }>,
  returnType: string | null,
  body: string,
  owner: string,
  created: { at?: Date; by?: string; comment?: string | null } = {},
): Promise<void> {
  const [catalog, schema, name] = fullName.split('.');
  await db.run('INSERT OR REPLACE INTO uc_meta.functions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
    catalog as string,
    schema as string,
    name as string,
    JSON.stringify(params),
    returnType,
    body,
    owner,
    created.comment ?? null,
    (created.at ?? new Date()).toISOString(),
    created.by ?? owner,
  ]);
}

export async function addMask(db: SimDb, table: string, column: string, fn: string, using: string[] = []): Promise<void> {
  const [c, s, t] = table.split('.');
  await db.run('INSERT OR REPLACE INTO uc_meta.column_masks VALUES ($1, $2, $3, $4, $5, $6::VARCHAR[])', [
    c as string,
    s as string,
    t as string,
    column,
    fn,
    JSON.stringify(using),
  ]);
}

export async function addRowFilter(db: SimDb, table: string, fn: string, inputs: string[]): Promise<void> {
  const [c, s, t] = table.split('.');
  await db.run('INSERT OR REPLACE INTO uc_meta.row_filters VALUES ($1, $2, $3, $4, $5::VARCHAR[])', [
    c as string,
    s as string,
    t as string,
    fn,
    JSON.stringify(inputs),
  ]);
}

export async function addVolume(
  db: SimDb,
  fullName: string,
  v: {
    owner: string;
    comment?: string | null;
    volumeType?: 'MANAGED' | 'EXTERNAL';
    storageLocation: string;
    createdAt?: Date;
    createdBy?: string;
  },
): Promise<void> {
  const [c, s, name] = fullName.split('.');
  await db.run('INSERT OR REPLACE INTO uc_meta.volumes VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    c as string,
    s as string,
    name as string,
    v.volumeType ?? 'MANAGED',
    v.owner,
    v.comment ?? null,
    v.storageLocation,
    (v.createdAt ?? new Date()).toISOString(),
    v.createdBy ?? v.owner,
  ]);
}

export async function addColumnTag(db: SimDb, table: string, column: string, tag: string, value: string): Promise<void> {
  const [c, s, t] = table.split('.');
  await db.run('INSERT OR REPLACE INTO uc_meta.column_tags VALUES ($1, $2, $3, $4, $5, $6)', [
    c as string,
    s as string,
    t as string,
    column,
    tag,
    value,
  ]);
}

/** Marks the catalog as rebuilt from scratch, so running warehouses recreate every view. */
export function finishCatalog(db: SimDb): void {
  changed(db, 'all');
}
