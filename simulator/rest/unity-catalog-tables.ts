// Unity Catalog table metadata over REST (TableInfo with owner, columns[].mask and row_filter), limited to what
// the caller may see: USE CATALOG and USE SCHEMA on the way, and ownership or SELECT (uc/metadata-access.ts).
import { ApiError, type RestRoute } from '../core/contract';
import { ucErrors } from '../uc/errors';
import { METASTORE_ID, type UcDeps } from '../uc/grants';
import type { TableMeta } from '../uc/store';
import { columnTypeName } from '../uc/types';
import { accessFor, requiredQuery } from './unity-catalog-catalogs';
import { listBody, pageVisible, rest } from './unity-catalog-http';

const PREFIX = '/api/2.1/unity-catalog';

function tableInfo(t: TableMeta) {
  return {
    name: t.name,
    catalog_name: t.catalog,
    schema_name: t.schema,
    full_name: t.fullName,
    table_type: t.tableType,
    data_source_format: t.kind === 'view' ? undefined : 'DELTA',
    owner: t.owner,
    metastore_id: METASTORE_ID,
    columns: t.columns.map((c) => {
      const mask = t.masks.get(c.name);
      return {
        name: c.name,
        type_text: c.type.toLowerCase(),
        type_name: columnTypeName(c.type),
        position: c.position - 1,
        nullable: c.nullable,
        ...(c.comment ? { comment: c.comment } : {}),
        ...(mask ? { mask: { function_name: mask.fn, using_column_names: mask.using } } : {}),
      };
    }),
    ...(t.rowFilter ? { row_filter: { function_name: t.rowFilter.fn, input_column_names: t.rowFilter.inputs } } : {}),
  };
}

export function tableRoutes(deps: UcDeps): RestRoute[] {
  return [
    // GET /api/2.1/unity-catalog/tables/{full_name}
    {
      method: 'GET',
      path: `${PREFIX}/tables/:full_name`,
      handler: (req) =>
        rest(async () => {
          const fullName = (req.params.full_name ?? '').toLowerCase();
          const { st, access } = await accessFor(deps, req);
          const t = st.tables.get(fullName);
          if (!t) throw ucErrors.notFound('table', fullName);
          if (!access.table(fullName, t.kind === 'view' ? 'view' : 'table')) {
            throw new ApiError(403, 'PERMISSION_DENIED', `User does not have SELECT on Table '${fullName}'.`);
          }
          return { body: tableInfo(t) };
        }),
    },
    // GET /api/2.1/unity-catalog/tables?catalog_name=&schema_name=: tables one owns or may SELECT (with USE CATALOG
    // and USE SCHEMA).
    {
      method: 'GET',
      path: `${PREFIX}/tables`,
      handler: (req) =>
        rest(async () => {
          const [catalog, schema] = requiredQuery(req, 'catalog_name', 'schema_name') as [string, string];
          const { st, access } = await accessFor(deps, req);
          if (!st.schemas.has(`${catalog}.${schema}`)) throw ucErrors.notFound('schema', `${catalog}.${schema}`);
          const tables = [...st.tables.values()]
            .filter((t) => t.catalog === catalog && t.schema === schema)
            .sort((a, b) => a.name.localeCompare(b.name));
          const p = pageVisible(tables, (t) => access.table(t.fullName, t.kind === 'view' ? 'view' : 'table'), req.query);
          return { body: listBody('tables', p, tableInfo) };
        }),
    },
  ];
}
