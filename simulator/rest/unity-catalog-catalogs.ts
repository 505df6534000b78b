// Unity Catalog catalogs and schemas over REST: list (paged as the SDKs call it, max_results=0 then next_page_token)
// and get, with CatalogInfo / SchemaInfo fields, limited to what the caller may see (uc/metadata-access.ts).
import { createHash } from 'node:crypto';
import { ApiError, type RestRequest, type RestRoute } from '../core/contract';
import { ucErrors } from '../uc/errors';
import { METASTORE_ID, type UcDeps } from '../uc/grants';
import { MetadataAccess, callerOf } from '../uc/metadata-access';
import { type ObjectInfo, privilegeModel, structure } from '../uc/store';
import { listBody, pageVisible, rest } from './unity-catalog-http';

const PREFIX = '/api/2.1/unity-catalog';

/** A stable UUID for an object (schema_id, function_id, volume_id): derived from its kind and name. */
export function stableId(kind: string, fullName: string): string {
  const h = createHash('sha1').update(`${kind}:${fullName}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** owner, comment and the created/updated pairs (epoch milliseconds), as every *Info carries them. */
export function auditFields(o: ObjectInfo) {
  const at = o.createdAt?.getTime();
  return {
    owner: o.owner,
    ...(o.comment ? { comment: o.comment } : {}),
    metastore_id: METASTORE_ID,
    ...(at !== undefined ? { created_at: at, updated_at: at } : {}),
    ...(o.createdBy ? { created_by: o.createdBy, updated_by: o.createdBy } : {}),
  };
}

const catalogType = (name: string) => (name === 'system' ? 'SYSTEM_CATALOG' : 'MANAGED_CATALOG');

function catalogInfo(name: string, o: ObjectInfo) {
  return {
    name,
    full_name: name,
    ...auditFields(o),
    catalog_type: catalogType(name),
    isolation_mode: 'OPEN',
    securable_type: 'CATALOG',
  };
}

function schemaInfo(fullName: string, o: ObjectInfo) {
  const [catalog, name] = fullName.split('.') as [string, string];
  return {
    name,
    catalog_name: catalog,
    full_name: fullName,
    ...auditFields(o),
    catalog_type: catalogType(catalog),
    schema_id: stableId('schema', fullName),
  };
}

export async function accessFor(deps: UcDeps, req: RestRequest) {
  const [st, model] = await Promise.all([structure(deps.db), privilegeModel(deps.db)]);
  return { st, access: new MetadataAccess(model, callerOf(req.principal)) };
}

export function requiredQuery(req: RestRequest, ...names: string[]): string[] {
  const values = names.map((n) => req.query.get(n)?.toLowerCase() ?? '');
  const missing = names.filter((_, i) => !values[i]);
  if (missing.length) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `Missing required parameter: ${missing.join(', ')}.`);
  return values;
}

const byName = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

export function catalogRoutes(deps: UcDeps): RestRoute[] {
  return [
    // GET /api/2.1/unity-catalog/catalogs: catalogs the caller owns or may USE.
    {
      method: 'GET',
      path: `${PREFIX}/catalogs`,
      handler: (req) =>
        rest(async () => {
          const { st, access } = await accessFor(deps, req);
          const p = pageVisible(byName(st.catalogs), ([name]) => access.catalog(name), req.query);
          return { body: listBody('catalogs', p, ([name, o]) => catalogInfo(name, o)) };
        }),
    },
    // GET /api/2.1/unity-catalog/catalogs/{name}
    {
      method: 'GET',
      path: `${PREFIX}/catalogs/:name`,
      handler: (req) =>
        rest(async () => {
          const name = (req.params.name ?? '').toLowerCase();
          const { st, access } = await accessFor(deps, req);
          const o = st.catalogs.get(name);
          if (!o) throw ucErrors.notFound('catalog', name);
          if (!access.catalog(name)) throw ucErrors.denied(`User does not have USE CATALOG on Catalog '${name}'.`);
          return { body: catalogInfo(name, o) };
        }),
    },
    // GET /api/2.1/unity-catalog/schemas?catalog_name=: schemas the caller owns or may USE.
    {
      method: 'GET',
      path: `${PREFIX}/schemas`,
      handler: (req) =>
        rest(async () => {
          const [catalog] = requiredQuery(req, 'catalog_name') as [string];
          const { st, access } = await accessFor(deps, req);
          if (!st.catalogs.has(catalog)) throw ucErrors.notFound('catalog', catalog);
          const inCatalog = byName(st.schemas).filter(([k]) => k.startsWith(`${catalog}.`));
          const p = pageVisible(inCatalog, ([k]) => access.schema(k), req.query);
          return { body: listBody('schemas', p, ([k, o]) => schemaInfo(k, o)) };
        }),
    },
    // GET /api/2.1/unity-catalog/schemas/{full_name}
    {
      method: 'GET',
      path: `${PREFIX}/schemas/:full_name`,
      handler: (req) =>
        rest(async () => {
          const fullName = (req.params.full_name ?? '').toLowerCase();
          const { st, access } = await accessFor(deps, req);
          const o = st.schemas.get(fullName);
          if (!o) throw ucErrors.notFound('schema', fullName);
          if (!access.schema(fullName)) throw ucErrors.denied(`User does not have USE SCHEMA on Schema '${fullName}'.`);
          return { body: schemaInfo(fullName, o) };
        }),
    },
  ];
}
