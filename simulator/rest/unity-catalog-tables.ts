// Unity Catalog table metadata over REST (TableInfo with owner, columns[].mask and row_filter), limited to what
// the caller can see.
import { ApiError, type RestRoute } from '../core/contract';
import { ucErrors } from '../uc/errors';
import { METASTORE_ID, type UcDeps } from '../uc/grants';
import { principalSet } from '../uc/principals';
import { type TableMeta, privilegeModel, structure } from '../uc/store';
import { baseTypeName } from '../uc/types';
import { page, rest } from './unity-catalog-http';

const PREFIX = '/api/2.1/unity-catalog';
const TYPE_NAMES: Record<string, string> = { BIGINT: 'LONG', INTEGER: 'INT', SMALLINT: 'SHORT', TINYINT: 'BYTE', VARCHAR: 'STRING' };

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
      const base = baseTypeName(c.type);
      const mask = t.masks.get(c.name);
      return {
        name: c.name,
        type_text: c.type.toLowerCase(),
        type_name: TYPE_NAMES[base] ?? base,
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
          const [st, model] = await Promise.all([structure(deps.db), privilegeModel(deps.db)]);
          const t = st.tables.get(fullName);
          if (!t) throw ucErrors.notFound('table', fullName);
          if (!model.isVisible({ type: 'table', fullName, kind: t.kind }, principalSet(req.principal), req.principal.isAdmin)) {
            throw new ApiError(403, 'PERMISSION_DENIED', `User does not have any privilege on Table '${fullName}'.`);
          }
          return { body: tableInfo(t) };
        }),
    },
    // GET /api/2.1/unity-catalog/tables?catalog_name=&schema_name=
    {
      method: 'GET',
      path: `${PREFIX}/tables`,
      handler: (req) =>
        rest(async () => {
          const catalog = req.query.get('catalog_name')?.toLowerCase();
          const schema = req.query.get('schema_name')?.toLowerCase();
          if (!catalog || !schema) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', 'catalog_name and schema_name are required.');
          const [st, model] = await Promise.all([structure(deps.db), privilegeModel(deps.db)]);
          if (!st.schemas.has(`${catalog}.${schema}`)) throw ucErrors.notFound('schema', `${catalog}.${schema}`);
          const mine = principalSet(req.principal);
          const tables = [...st.tables.values()]
            .filter(
              (t) =>
                t.catalog === catalog &&
                t.schema === schema &&
                model.isVisible({ type: 'table', fullName: t.fullName, kind: t.kind }, mine, req.principal.isAdmin),
            )
            .sort((a, b) => a.name.localeCompare(b.name));
          const p = page(tables, req.query);
          return {
            body: {
              ...(p.items.length ? { tables: p.items.map(tableInfo) } : {}),
              ...(p.next_page_token ? { next_page_token: p.next_page_token } : {}),
            },
          };
        }),
    },
  ];
}
