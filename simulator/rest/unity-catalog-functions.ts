// Unity Catalog functions and volumes over REST: list and get with FunctionInfo / VolumeInfo fields (Go SDK
// catalog/model.go), limited to what the caller may see (uc/metadata-access.ts). A function's body comes back as
// routine_definition to anyone allowed to get it — unlike information_schema.routines, which shows it to owners only.
import type { RestRoute } from '../core/contract';
import { ucErrors } from '../uc/errors';
import type { UcDeps } from '../uc/grants';
import type { FunctionMeta, VolumeMeta } from '../uc/store';
import { columnTypeName, sparkJsonType } from '../uc/types';
import { accessFor, auditFields, requiredQuery, stableId } from './unity-catalog-catalogs';
import { listBody, pageVisible, rest } from './unity-catalog-http';

const PREFIX = '/api/2.1/unity-catalog';
/** The volumes list documents a server page length of 10,000. */
const VOLUME_PAGE = 10_000;

const NON_DETERMINISTIC = /\b(current_user|session_user|is_account_group_member|is_member|current_timestamp|now|rand|uuid)\s*\(/i;

function decimalParts(type: string): { type_precision?: number; type_scale?: number } {
  const m = /^\s*decimal\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)/i.exec(type);
  return m ? { type_precision: Number(m[1]), type_scale: Number(m[2]) } : {};
}

export function functionInfo(fn: FunctionMeta) {
  const returnType = fn.returnType ?? 'STRING';
  return {
    name: fn.name,
    catalog_name: fn.catalog,
    schema_name: fn.schema,
    full_name: fn.fullName,
    function_id: stableId('function', fn.fullName),
    ...auditFields({ owner: fn.owner, comment: fn.comment ?? null, createdAt: fn.createdAt ?? null, createdBy: fn.createdBy ?? null }),
    data_type: columnTypeName(returnType),
    full_data_type: returnType.toLowerCase().replace(/\s+/g, ''),
    input_params: fn.params.length
      ? {
          parameters: fn.params.map((p, position) => ({
            name: p.name,
            type_text: p.type.toLowerCase().replace(/\s+/g, ''),
            type_name: columnTypeName(p.type),
            type_json: JSON.stringify({ name: p.name, type: sparkJsonType(p.type), nullable: true, metadata: {} }),
            ...decimalParts(p.type),
            position,
            parameter_mode: 'IN',
            parameter_type: 'PARAM',
          })),
        }
      : {},
    routine_body: 'SQL',
    routine_definition: fn.body,
    parameter_style: 'S',
    is_deterministic: !NON_DETERMINISTIC.test(fn.body),
    sql_data_access: 'CONTAINS_SQL',
    is_null_call: true,
    security_type: 'DEFINER',
    specific_name: fn.name,
  };
}

function volumeInfo(v: VolumeMeta) {
  return {
    name: v.name,
    catalog_name: v.catalog,
    schema_name: v.schema,
    full_name: v.fullName,
    volume_id: stableId('volume', v.fullName),
    ...auditFields(v),
    volume_type: v.volumeType,
    storage_location: v.storageLocation,
  };
}

const byName = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);

export function functionRoutes(deps: UcDeps): RestRoute[] {
  return [
    // GET /api/2.1/unity-catalog/functions?catalog_name=&schema_name=: needs USE CATALOG and USE SCHEMA; lists the
    // functions one owns or may execute.
    {
      method: 'GET',
      path: `${PREFIX}/functions`,
      handler: (req) =>
        rest(async () => {
          const [catalog, schema] = requiredQuery(req, 'catalog_name', 'schema_name') as [string, string];
          const { st, access } = await accessFor(deps, req);
          const parent = `${catalog}.${schema}`;
          if (!st.catalogs.has(catalog)) throw ucErrors.notFound('catalog', catalog);
          if (!st.schemas.has(parent)) throw ucErrors.notFound('schema', parent);
          if (!access.functionsIn(parent)) throw ucErrors.denied(`User does not have USE CATALOG and USE SCHEMA on Schema '${parent}'.`);
          const inSchema = byName(st.functions).filter((f) => f.catalog === catalog && f.schema === schema);
          const p = pageVisible(inSchema, (f) => access.fn(f.fullName), req.query);
          return { body: listBody('functions', p, functionInfo) };
        }),
    },
    // GET /api/2.1/unity-catalog/functions/{name}: name is the three-part name.
    {
      method: 'GET',
      path: `${PREFIX}/functions/:name`,
      handler: (req) =>
        rest(async () => {
          const name = (req.params.name ?? '').toLowerCase();
          const { st, access } = await accessFor(deps, req);
          const fn = st.functions.get(name);
          if (!fn) throw ucErrors.notFound('function', name);
          if (!access.fn(name)) throw ucErrors.denied(`User does not have EXECUTE on Routine or Model '${name}'.`);
          return { body: functionInfo(fn) };
        }),
    },
    // GET /api/2.1/unity-catalog/volumes?catalog_name=&schema_name=: volumes one owns or may read.
    {
      method: 'GET',
      path: `${PREFIX}/volumes`,
      handler: (req) =>
        rest(async () => {
          const [catalog, schema] = requiredQuery(req, 'catalog_name', 'schema_name') as [string, string];
          const { st, access } = await accessFor(deps, req);
          if (!st.schemas.has(`${catalog}.${schema}`)) throw ucErrors.notFound('schema', `${catalog}.${schema}`);
          const inSchema = byName(st.volumes).filter((v) => v.catalog === catalog && v.schema === schema);
          const p = pageVisible(inSchema, (v) => access.volume(v.fullName), req.query, { serverPage: VOLUME_PAGE });
          return { body: listBody('volumes', p, volumeInfo) };
        }),
    },
    // GET /api/2.1/unity-catalog/volumes/{name}
    {
      method: 'GET',
      path: `${PREFIX}/volumes/:name`,
      handler: (req) =>
        rest(async () => {
          const name = (req.params.name ?? '').toLowerCase();
          const { st, access } = await accessFor(deps, req);
          const v = st.volumes.get(name);
          if (!v) throw ucErrors.notFound('volume', name);
          if (!access.volume(name)) throw ucErrors.denied(`User does not have READ VOLUME on Volume '${name}'.`);
          return { body: volumeInfo(v) };
        }),
    },
  ];
}
