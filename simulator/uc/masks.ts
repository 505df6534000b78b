// Column masks, row filters, column tags and the SQL functions behind masks and filters (reference §11). Changing a
// mask or filter needs ownership of the table (or MANAGE, or metastore admin) and EXECUTE on the function; the new
// view is bound before anything is stored, so a mask that cannot work is refused instead of breaking the table.
import { UcError, ucErrors } from './errors';
import { type Actor, type UcDeps, auditUc } from './grants';
import { principalSet } from './principals';
import type { Securable } from './privileges';
import { type FunctionMeta, type TableMeta, changed, privilegeModel, structure } from './store';
import type { CatalogViews } from './views';

export interface MaskDeps extends UcDeps {
  views: CatalogViews;
}

type Audited = { action: string; params: Record<string, string> };

async function audited<T>(deps: UcDeps, actor: Actor, what: Audited, fn: () => Promise<T>): Promise<T> {
  try {
    // Checks and writes as one section: a concurrent SET MASK / GRANT must not interleave with them.
    const out = await deps.db.exclusive(fn);
    auditUc(deps.audit, actor, what.action, what.params, null);
    return out;
  } catch (err) {
    auditUc(deps.audit, actor, what.action, what.params, err);
    throw err;
  }
}

async function manageableTable(deps: UcDeps, actor: Actor, fullName: string): Promise<TableMeta> {
  const st = await structure(deps.db);
  const t = st.tables.get(fullName);
  if (!t) throw ucErrors.notFound('table', fullName);
  const model = await privilegeModel(deps.db);
  const s: Securable = { type: 'table', fullName, kind: t.kind };
  if (!model.canManage(s, principalSet(actor.principal), actor.principal.isAdmin)) {
    throw ucErrors.denied(`User does not have MANAGE on Table '${fullName}'.`);
  }
  return t;
}

async function executableFunction(deps: UcDeps, actor: Actor, fullName: string, arity: number): Promise<FunctionMeta> {
  const st = await structure(deps.db);
  const fn = st.functions.get(fullName);
  if (!fn) throw ucErrors.notFound('function', fullName);
  const model = await privilegeModel(deps.db);
  const missing = model.missingForUse({ type: 'function', fullName, kind: 'function' }, principalSet(actor.principal), 'EXECUTE');
  if (missing && !actor.principal.isAdmin)
    throw ucErrors.denied(`User does not have ${missing.privilege.replace(/_/g, ' ')} on ${missing.on.type} '${missing.on.fullName}'.`);
  if (fn.params.length !== arity) {
    throw ucErrors.invalid(
      `Function ${fullName} takes ${fn.params.length} argument(s) but ${arity} were given.`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  return fn;
}

function columnOf(t: TableMeta, column: string): string {
  const c = t.columns.find((x) => x.name.toLowerCase() === column.toLowerCase());
  if (!c)
    throw new UcError(400, 'INVALID_PARAMETER_VALUE', `Column ${column} does not exist in ${t.fullName}.`, 'UNRESOLVED_COLUMN', '42703');
  return c.name;
}

const part = (full: string, i: number) => full.split('.')[i] as string;

/** Stores a change to a table's protection once its view binds, then rebuilds the view. */
async function protect(deps: MaskDeps, candidate: TableMeta, write: () => Promise<void>): Promise<void> {
  await deps.views.validate(candidate);
  await write();
  changed(deps.db, { tables: [candidate.fullName] });
  await deps.views.sync();
}

export async function setMask(deps: MaskDeps, actor: Actor, table: string, column: string, fnName: string, using: string[]): Promise<void> {
  const params = {
    full_name_arg: table,
    column_name: column,
    mask_function: fnName,
    using_columns: using.join(','),
    operation: 'SET_COLUMN_MASK',
  };
  await audited(deps, actor, { action: 'updateTables', params }, async () => {
    const t = await manageableTable(deps, actor, table);
    const col = columnOf(t, column);
    const usingCols = using.map((u) => (u.startsWith("'") || /^[\d.]+$/.test(u) ? u : columnOf(t, u)));
    await executableFunction(deps, actor, fnName, 1 + using.length);
    const candidate = { ...t, masks: new Map(t.masks).set(col, { fn: fnName, using: usingCols }) };
    await protect(deps, candidate, () =>
      deps.db.run('INSERT OR REPLACE INTO uc_meta.column_masks VALUES ($1, $2, $3, $4, $5, $6::VARCHAR[])', [
        t.catalog,
        t.schema,
        t.name,
        col,
        fnName,
        `[${usingCols.map((u) => JSON.stringify(u)).join(',')}]`,
      ]),
    );
  });
}

export async function dropMask(deps: MaskDeps, actor: Actor, table: string, column: string): Promise<void> {
  const params = { full_name_arg: table, column_name: column, operation: 'DROP_COLUMN_MASK' };
  await audited(deps, actor, { action: 'updateTables', params }, async () => {
    const t = await manageableTable(deps, actor, table);
    const col = columnOf(t, column);
    await deps.db.run(
      'DELETE FROM uc_meta.column_masks WHERE catalog_name = $1 AND schema_name = $2 AND table_name = $3 AND column_name = $4',
      [t.catalog, t.schema, t.name, col],
    );
    changed(deps.db, { tables: [t.fullName] });
    await deps.views.sync();
  });
}

export async function setRowFilter(deps: MaskDeps, actor: Actor, table: string, fnName: string, inputs: string[]): Promise<void> {
  const params = { full_name_arg: table, row_filter_function: fnName, input_columns: inputs.join(','), operation: 'SET_ROW_FILTER' };
  await audited(deps, actor, { action: 'updateTables', params }, async () => {
    const t = await manageableTable(deps, actor, table);
    const cols = inputs.map((u) => (u.startsWith("'") || /^[\d.]+$/.test(u) ? u : columnOf(t, u)));
    await executableFunction(deps, actor, fnName, inputs.length);
    await protect(deps, { ...t, rowFilter: { fn: fnName, inputs: cols } }, () =>
      deps.db.run('INSERT OR REPLACE INTO uc_meta.row_filters VALUES ($1, $2, $3, $4, $5::VARCHAR[])', [
        t.catalog,
        t.schema,
        t.name,
        fnName,
        `[${cols.map((u) => JSON.stringify(u)).join(',')}]`,
      ]),
    );
  });
}

export async function dropRowFilter(deps: MaskDeps, actor: Actor, table: string): Promise<void> {
  await audited(deps, actor, { action: 'updateTables', params: { full_name_arg: table, operation: 'DROP_ROW_FILTER' } }, async () => {
    const t = await manageableTable(deps, actor, table);
    await deps.db.run('DELETE FROM uc_meta.row_filters WHERE catalog_name = $1 AND schema_name = $2 AND table_name = $3', [
      t.catalog,
      t.schema,
      t.name,
    ]);
    changed(deps.db, { tables: [t.fullName] });
    await deps.views.sync();
  });
}

export async function setColumnTags(
  deps: UcDeps,
  actor: Actor,
  table: string,
  column: string,
  tags: Array<[string, string]>,
  unset: boolean,
): Promise<void> {
  const params = {
    full_name_arg: table,
    column_name: column,
    tags: JSON.stringify(unset ? tags.map(([k]) => k) : Object.fromEntries(tags)),
    operation: unset ? 'UNSET_TAGS' : 'SET_TAGS',
  };
  await audited(deps, actor, { action: 'updateTables', params }, async () => {
    const t = await manageableTable(deps, actor, table);
    const col = columnOf(t, column);
    for (const [k, v] of tags) {
      if (unset)
        await deps.db.run(
          'DELETE FROM uc_meta.column_tags WHERE catalog_name = $1 AND schema_name = $2 AND table_name = $3 AND column_name = $4 AND tag_name = $5',
          [t.catalog, t.schema, t.name, col, k],
        );
      else
        await deps.db.run('INSERT OR REPLACE INTO uc_meta.column_tags VALUES ($1, $2, $3, $4, $5, $6)', [
          t.catalog,
          t.schema,
          t.name,
          col,
          k,
          v,
        ]);
    }
  });
}

export async function createFunction(
  deps: MaskDeps,
  actor: Actor,
  fn: Omit<FunctionMeta, 'owner' | 'catalog' | 'schema' | 'name'>,
  opts: { orReplace: boolean; ifNotExists: boolean },
): Promise<void> {
  const params = { name: part(fn.fullName, 2), catalog_name: part(fn.fullName, 0), schema_name: part(fn.fullName, 1) };
  await audited(deps, actor, { action: 'createFunction', params }, async () => {
    const st = await structure(deps.db);
    const schema = fn.fullName.split('.').slice(0, 2).join('.');
    if (!st.schemas.has(schema)) throw ucErrors.notFound('schema', schema);
    const existing = st.functions.get(fn.fullName);
    if (existing && opts.ifNotExists) return;
    if (existing && !opts.orReplace) {
      throw new UcError(409, 'RESOURCE_ALREADY_EXISTS', `Function ${fn.fullName} already exists.`, 'ROUTINE_ALREADY_EXISTS', '42723');
    }
    const model = await privilegeModel(deps.db);
    const missing = model.missingForUse(
      { type: 'schema', fullName: schema, kind: 'schema' },
      principalSet(actor.principal),
      'CREATE_FUNCTION',
    );
    if (missing && !actor.principal.isAdmin)
      throw ucErrors.denied(`User does not have ${missing.privilege.replace(/_/g, ' ')} on ${missing.on.type} '${missing.on.fullName}'.`);
    const meta: FunctionMeta = {
      ...fn,
      catalog: part(fn.fullName, 0),
      schema: part(fn.fullName, 1),
      name: part(fn.fullName, 2),
      owner: existing?.owner ?? actor.principal.name,
    };
    await deps.views.defineFunction(meta);
    if (!meta.returnType) meta.returnType = await deps.views.inferReturnType(meta);
    await deps.db.run('INSERT OR REPLACE INTO uc_meta.functions VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, now()::TIMESTAMP, $8)', [
      meta.catalog,
      meta.schema,
      meta.name,
      JSON.stringify(meta.params),
      meta.returnType,
      meta.body,
      meta.owner,
      actor.principal.name,
    ]);
    changed(deps.db, { tables: [] });
    await deps.views.sync();
  });
}

export async function dropFunction(deps: MaskDeps, actor: Actor, fullName: string, ifExists: boolean): Promise<void> {
  const params = { full_name_arg: fullName };
  await audited(deps, actor, { action: 'deleteFunction', params }, async () => {
    const st = await structure(deps.db);
    const fn = st.functions.get(fullName);
    if (!fn) {
      if (ifExists) return;
      throw ucErrors.notFound('function', fullName);
    }
    const model = await privilegeModel(deps.db);
    if (!model.canManage({ type: 'function', fullName, kind: 'function' }, principalSet(actor.principal), actor.principal.isAdmin)) {
      throw ucErrors.denied(`User does not have MANAGE on Function '${fullName}'.`);
    }
    const users = [...st.tables.values()].filter(
      (t) => t.rowFilter?.fn === fullName || [...t.masks.values()].some((m) => m.fn === fullName),
    );
    if (users.length)
      throw ucErrors.invalid(
        `Function ${fullName} is used by masks or row filters on ${users.map((t) => t.fullName).join(', ')}; drop those first.`,
      );
    await deps.db.run('DELETE FROM uc_meta.functions WHERE catalog_name = $1 AND schema_name = $2 AND function_name = $3', [
      fn.catalog,
      fn.schema,
      fn.name,
    ]);
    changed(deps.db, { tables: [] });
  });
}
