// Read access for queries, decided before DuckDB runs anything: every table a statement names (found in DuckDB's
// own parse tree, `json_serialize_sql`) is resolved against the session's catalog and schema, must exist in Unity
// Catalog, and needs USE CATALOG + USE SCHEMA + SELECT. Table functions are limited to generators, so storage
// and files cannot be reached around the views.
import { SqlError, sqlError } from '../sql/errors';
import { INFO_SCHEMA_VIEWS } from './info-schema';
import { type CatalogNames, INFO_SCHEMA_DUCK, backquoted } from './names';
import { type PrivilegeModel, type Securable, sqlPrivilege } from './privileges';
import type { Structure, TableMeta } from './store';

export interface ParsedRefs {
  tables: Array<{ catalog: string; schema: string; table: string }>;
  tableFunctions: string[];
  ctes: Set<string>;
  statements: number;
}

const ALLOWED_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/** Walks the JSON that `json_serialize_sql` returns. */
export function collectRefs(serialized: { statements: unknown[] }): ParsedRefs {
  const out: ParsedRefs = { tables: [], tableFunctions: [], ctes: new Set(), statements: serialized.statements.length };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'BASE_TABLE') {
      out.tables.push({ catalog: String(o.catalog_name ?? ''), schema: String(o.schema_name ?? ''), table: String(o.table_name ?? '') });
    } else if (o.type === 'TABLE_FUNCTION') {
      const fn = (o.function as Record<string, unknown> | undefined)?.function_name;
      out.tableFunctions.push(String(fn ?? '').toLowerCase());
    }
    const cteMap = (o.cte_map as { map?: Array<{ key: string }> } | undefined)?.map;
    cteMap?.forEach((e) => out.ctes.add(e.key.toLowerCase()));
    Object.values(o).forEach(visit);
  };
  visit(serialized.statements);
  return out;
}

export interface AccessContext {
  names: CatalogNames;
  structure: Structure;
  model: PrivilegeModel;
  principals: ReadonlySet<string>;
  catalog: string;
  schema: string;
}

export function notFound(fullName: string): SqlError {
  return sqlError(
    'TABLE_OR_VIEW_NOT_FOUND',
    `The table or view ${backquoted(fullName)} cannot be found. Verify the spelling and correctness of the schema and catalog.`,
    '42P01',
  );
}

export function insufficient(privilege: string, on: Pick<Securable, 'type' | 'fullName'>): SqlError {
  const kind = on.type.charAt(0).toUpperCase() + on.type.slice(1);
  return sqlError(
    'INSUFFICIENT_PERMISSIONS',
    `Insufficient privileges: User does not have ${sqlPrivilege(privilege)} on ${kind} '${on.fullName}'.`,
    '42501',
  );
}

/** Throws the error Databricks would raise for the first table the caller may not read; returns the Unity Catalog
 *  tables (and views) the statement reads, information_schema views excepted. */
export function authorizeRead(refs: ParsedRefs, ctx: AccessContext): TableMeta[] {
  const read = new Map<string, TableMeta>();
  for (const fn of refs.tableFunctions) {
    if (!ALLOWED_TABLE_FUNCTIONS.has(fn)) {
      throw sqlError('UNRESOLVED_ROUTINE', `Cannot resolve routine \`${fn}\` on search path.`, '42883');
    }
  }
  for (const ref of refs.tables) {
    const table = ref.table.toLowerCase();
    if (!ref.catalog && !ref.schema && refs.ctes.has(table)) continue;
    const catalog = ref.catalog ? ctx.names.uc(ref.catalog) : ctx.catalog;
    const schema = (ref.schema || ctx.schema).toLowerCase();
    if (schema === INFO_SCHEMA_DUCK) {
      const fullName = `${catalog}.information_schema.${table}`;
      if (!ctx.structure.catalogs.has(catalog) || !(INFO_SCHEMA_VIEWS as readonly string[]).includes(table)) throw notFound(fullName);
      const cat: Securable = { type: 'catalog', fullName: catalog, kind: 'catalog' };
      // system.information_schema is readable by everyone; a catalog's own needs USE CATALOG.
      if (catalog !== 'system' && !ctx.model.has(cat, ctx.principals, 'USE_CATALOG')) throw insufficient('USE_CATALOG', cat);
      continue;
    }
    const fullName = `${catalog}.${schema}.${table}`;
    const meta = ctx.structure.tables.get(fullName);
    if (!meta) throw notFound(fullName);
    const missing = ctx.model.missingForUse({ type: 'table', fullName, kind: meta.kind }, ctx.principals, 'SELECT');
    if (missing) throw insufficient(missing.privilege, missing.on);
    read.set(fullName, meta);
  }
  return [...read.values()];
}
