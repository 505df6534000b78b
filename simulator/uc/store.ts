// Unity Catalog state as the rest of the simulator sees it: the metadata tables (schema.ts) plus an in-memory
// snapshot for privilege maths, shared by everything that holds the same SimDb. Every change goes through
// `changed()`, which moves the version on so readers reload, and records which tables' views need rebuilding.
import { CREATE_LINEAGE_TABLE } from '../audit/lineage-schema';
import { CREATE_AUDIT_TABLE } from '../audit/schema';
import type { SimDb } from '../core/db';
import { type Grant, type ObjectKind, PrivilegeModel, type SecurableType } from './privileges';
import { SYSTEM_CATALOG_SQL, UC_DDL } from './schema';

export interface ColumnMeta {
  name: string;
  position: number;
  type: string;
  nullable: boolean;
  comment: string | null;
}

export interface TableMeta {
  catalog: string;
  schema: string;
  name: string;
  fullName: string;
  tableType: string;
  kind: ObjectKind;
  owner: string;
  storage: string;
  columns: ColumnMeta[];
  masks: Map<string, { fn: string; using: string[] }>;
  rowFilter: { fn: string; inputs: string[] } | null;
}

export interface FunctionMeta {
  catalog: string;
  schema: string;
  name: string;
  fullName: string;
  params: Array<{ name: string; type: string }>;
  returnType: string | null;
  body: string;
  owner: string;
  comment?: string | null;
  createdAt?: Date | null;
  createdBy?: string | null;
}

/** What the REST and information_schema views show of a catalog, schema or volume beyond its name. */
export interface ObjectInfo {
  owner: string;
  comment: string | null;
  createdAt: Date | null;
  createdBy: string | null;
}

export interface VolumeMeta extends ObjectInfo {
  catalog: string;
  schema: string;
  name: string;
  fullName: string;
  volumeType: 'MANAGED' | 'EXTERNAL';
  storageLocation: string;
}

export interface Structure {
  catalogs: Map<string, ObjectInfo>;
  schemas: Map<string, ObjectInfo>;
  tables: Map<string, TableMeta>;
  functions: Map<string, FunctionMeta>;
  volumes: Map<string, VolumeMeta>;
}

/** What changed: grants only, specific tables (their views), or anything structural ('all'). */
export type Change = { tables: string[] } | 'all' | 'grants';
type StructuralChange = Exclude<Change, 'grants'>;

interface State {
  ready: Promise<void>;
  /** Moves on with every structural change (catalogs, tables, columns, functions, masks, filters). */
  version: number;
  grantsVersion: number;
  structure: { version: number; value: Promise<Structure> } | null;
  model: { version: string; value: Promise<PrivilegeModel> } | null;
  log: Array<{ version: number; change: StructuralChange }>;
}

const states = new WeakMap<SimDb, State>();

function state(db: SimDb): State {
  let s = states.get(db);
  if (!s) {
    s = {
      ready: db.run(CREATE_AUDIT_TABLE + CREATE_LINEAGE_TABLE + UC_DDL + SYSTEM_CATALOG_SQL),
      version: 1,
      grantsVersion: 1,
      structure: null,
      model: null,
      log: [],
    };
    states.set(db, s);
  }
  return s;
}

/** Creates the metadata tables and the built-in system catalog if missing. */
export function ensureUcStore(db: SimDb): Promise<void> {
  return state(db).ready;
}

/** The structural version (grant changes do not move it). */
export function ucVersion(db: SimDb): number {
  return state(db).version;
}

export function changed(db: SimDb, change: Change): void {
  const s = state(db);
  if (change === 'grants') {
    s.grantsVersion++;
    return;
  }
  s.version++;
  s.log.push({ version: s.version, change });
  if (s.log.length > 200) s.log.splice(0, s.log.length - 200);
}

/** Tables whose views changed after structural version `since`, or 'all' when that cannot be told. */
export function changesSince(db: SimDb, since: number): Set<string> | 'all' {
  const s = state(db);
  if (since === s.version) return new Set();
  const relevant = s.log.filter((e) => e.version > since);
  if (relevant[0]?.version !== since + 1) return 'all';
  const out = new Set<string>();
  for (const { change } of relevant) {
    if (change === 'all') return 'all';
    change.tables.forEach((t) => out.add(t));
  }
  return out;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const date = (v: unknown) => (v instanceof Date ? v : v === null || v === undefined ? null : new Date(String(v)));
const info = (r: Row): ObjectInfo => ({
  owner: String(r.owner),
  comment: str(r.comment),
  createdAt: date(r.created_at),
  createdBy: str(r.created_by),
});

async function loadStructure(db: SimDb): Promise<Structure> {
  const [catalogs, schemas, tables, columns, functions, masks, filters, volumes] = await Promise.all([
    db.all<Row>('SELECT * FROM uc_meta.catalogs'),
    db.all<Row>('SELECT * FROM uc_meta.schemas'),
    db.all<Row>('SELECT catalog_name, schema_name, table_name, table_type, owner, storage FROM uc_meta.tables'),
    db.all<Row>(
      'SELECT catalog_name, schema_name, table_name, column_name, ordinal_position, data_type, is_nullable, comment FROM uc_meta.columns ORDER BY ordinal_position',
    ),
    db.all<Row>('SELECT * FROM uc_meta.functions'),
    db.all<Row>('SELECT * FROM uc_meta.column_masks'),
    db.all<Row>('SELECT * FROM uc_meta.row_filters'),
    db.all<Row>('SELECT * FROM uc_meta.volumes'),
  ]);
  const key = (r: Row, ...cols: string[]) => cols.map((c) => String(r[c])).join('.');
  const out: Structure = { catalogs: new Map(), schemas: new Map(), tables: new Map(), functions: new Map(), volumes: new Map() };
  for (const r of catalogs) out.catalogs.set(String(r.catalog_name), info(r));
  for (const r of schemas) out.schemas.set(key(r, 'catalog_name', 'schema_name'), info(r));
  for (const r of volumes) {
    const fullName = key(r, 'catalog_name', 'schema_name', 'volume_name');
    out.volumes.set(fullName, {
      ...info(r),
      catalog: String(r.catalog_name),
      schema: String(r.schema_name),
      name: String(r.volume_name),
      fullName,
      volumeType: String(r.volume_type) === 'EXTERNAL' ? 'EXTERNAL' : 'MANAGED',
      storageLocation: String(r.storage_location),
    });
  }
  for (const r of tables) {
    const fullName = key(r, 'catalog_name', 'schema_name', 'table_name');
    const tableType = String(r.table_type);
    out.tables.set(fullName, {
      catalog: String(r.catalog_name),
      schema: String(r.schema_name),
      name: String(r.table_name),
      fullName,
      tableType,
      kind: tableType.includes('VIEW') ? 'view' : 'table',
      owner: String(r.owner),
      storage: String(r.storage),
      columns: [],
      masks: new Map(),
      rowFilter: null,
    });
  }
  for (const r of columns) {
    out.tables.get(key(r, 'catalog_name', 'schema_name', 'table_name'))?.columns.push({
      name: String(r.column_name),
      position: Number(r.ordinal_position),
      type: String(r.data_type),
      nullable: r.is_nullable !== false,
      comment: str(r.comment),
    });
  }
  for (const r of masks) {
    out.tables.get(key(r, 'catalog_name', 'schema_name', 'table_name'))?.masks.set(String(r.column_name), {
      fn: String(r.function_full_name),
      using: (r.using_columns as string[]) ?? [],
    });
  }
  for (const r of filters) {
    const t = out.tables.get(key(r, 'catalog_name', 'schema_name', 'table_name'));
    if (t) t.rowFilter = { fn: String(r.function_full_name), inputs: (r.input_columns as string[]) ?? [] };
  }
  for (const r of functions) {
    const fullName = key(r, 'catalog_name', 'schema_name', 'function_name');
    out.functions.set(fullName, {
      catalog: String(r.catalog_name),
      schema: String(r.schema_name),
      name: String(r.function_name),
      fullName,
      params: JSON.parse(String(r.params)) as FunctionMeta['params'],
      returnType: str(r.return_type),
      body: String(r.body),
      owner: String(r.owner),
      comment: str(r.comment),
      createdAt: date(r.created_at),
      createdBy: str(r.created_by),
    });
  }
  return out;
}

export async function structure(db: SimDb): Promise<Structure> {
  const s = state(db);
  await s.ready;
  if (!s.structure || s.structure.version !== s.version) {
    const value = loadStructure(db);
    s.structure = { version: s.version, value };
    value.catch(() => (s.structure = null));
  }
  return s.structure.value;
}

async function loadModel(db: SimDb): Promise<PrivilegeModel> {
  const st = await structure(db);
  const rows = await db.all<Row>('SELECT securable_type, securable_full_name, principal, privilege FROM uc_meta.grants');
  const grants: Grant[] = rows.map((r) => ({
    securableType: String(r.securable_type) as SecurableType,
    fullName: String(r.securable_full_name),
    principal: String(r.principal),
    privilege: String(r.privilege),
  }));
  const owners = new Map<string, string>();
  st.catalogs.forEach((v, k) => owners.set(`catalog:${k}`, v.owner));
  st.schemas.forEach((v, k) => owners.set(`schema:${k}`, v.owner));
  st.tables.forEach((v, k) => owners.set(`table:${k}`, v.owner));
  st.functions.forEach((v, k) => owners.set(`function:${k}`, v.owner));
  st.volumes.forEach((v, k) => owners.set(`volume:${k}`, v.owner));
  return new PrivilegeModel(grants, owners);
}

export async function privilegeModel(db: SimDb): Promise<PrivilegeModel> {
  const s = state(db);
  await s.ready;
  const version = `${s.version}:${s.grantsVersion}`;
  if (!s.model || s.model.version !== version) {
    const value = loadModel(db);
    s.model = { version, value };
    value.catch(() => (s.model = null));
  }
  return s.model.value;
}
