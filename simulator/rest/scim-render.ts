// SCIM resources as Databricks renders them (§7.2), list responses with 1-based paging, and attribute projection.
import { ApiError, type RestRequest } from '../core/contract';
import type { IdentityStore, PrincipalRecord } from '../identity/store';
import { parseFilter, values } from './scim-filter';

export const SCIM_BASE = '/api/2.0/preview/scim/v2';
const USER_SCHEMAS = ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:workspace:2.0:User'];
const SP_SCHEMAS = ['urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal'];
const GROUP_SCHEMAS = ['urn:ietf:params:scim:schemas:core:2.0:Group'];
const MAX_PAGE = 10_000;

type Json = Record<string, unknown>;

const refOf = (r: PrincipalRecord) => (r.kind === 'group' ? 'Groups' : r.kind === 'user' ? 'Users' : 'ServicePrincipals');
const entitlements = (r: PrincipalRecord) => (r.entitlements.length ? { entitlements: r.entitlements.map((value) => ({ value })) } : {});

/** Direct groups as "direct", groups reached through nesting as "indirect"; the implicit users group is not listed. */
function groupRefs(store: IdentityStore, r: PrincipalRecord) {
  const direct = new Set(store.directGroups(r.id).map((g) => g.id));
  const refs = store
    .allGroups(r.id)
    .filter((g) => g.name !== 'users')
    .map((g) => ({ display: g.name, value: g.id, $ref: `Groups/${g.id}`, type: direct.has(g.id) ? 'direct' : 'indirect' }));
  return refs.length ? { groups: refs } : {};
}

export function renderPrincipal(store: IdentityStore, r: PrincipalRecord): Json {
  if (r.kind === 'group') {
    const members = store
      .memberIds(r.id)
      .map((id) => store.get(id))
      .filter((m): m is PrincipalRecord => !!m)
      .map((m) => ({ display: m.displayName, value: m.id, $ref: `${refOf(m)}/${m.id}` }));
    const parents = store.directGroups(r.id).map((g) => ({ display: g.name, value: g.id, $ref: `Groups/${g.id}`, type: 'direct' }));
    return {
      schemas: GROUP_SCHEMAS,
      id: r.id,
      displayName: r.displayName,
      ...(members.length ? { members } : {}),
      ...(parents.length ? { groups: parents } : {}),
      ...entitlements(r),
      ...(r.externalId ? { externalId: r.externalId } : {}),
      meta: { resourceType: 'WorkspaceGroup' },
    };
  }
  if (r.kind === 'service_principal') {
    return {
      schemas: SP_SCHEMAS,
      id: r.id,
      applicationId: r.name,
      displayName: r.displayName,
      active: r.active,
      ...entitlements(r),
      ...groupRefs(store, r),
      ...(r.externalId ? { externalId: r.externalId } : {}),
    };
  }
  return {
    schemas: USER_SCHEMAS,
    id: r.id,
    userName: r.name,
    displayName: r.displayName,
    active: r.active,
    ...(r.givenName || r.familyName ? { name: { givenName: r.givenName ?? '', familyName: r.familyName ?? '' } } : {}),
    emails: [{ value: r.name, type: 'work', primary: true }],
    ...entitlements(r),
    ...groupRefs(store, r),
    ...(r.externalId ? { externalId: r.externalId } : {}),
  };
}

/** attributes= keeps only the named top-level attributes (plus id and schemas); excludedAttributes= drops them. */
export function project(resource: Json, q: URLSearchParams): Json {
  const split = (k: string) =>
    (q.get(k) ?? '')
      .split(',')
      .map((s) => s.trim().split('.')[0]?.toLowerCase())
      .filter((s): s is string => !!s);
  const keep = split('attributes');
  const drop = split('excludedAttributes');
  return Object.fromEntries(
    Object.entries(resource).filter(([k]) => {
      const lk = k.toLowerCase();
      if (lk === 'id' || lk === 'schemas') return true;
      return (keep.length === 0 || keep.includes(lk)) && !drop.includes(lk);
    }),
  );
}

export function listResponse(store: IdentityStore, records: PrincipalRecord[], req: RestRequest): Json {
  const q = req.query;
  let rendered = records.map((r) => renderPrincipal(store, r));
  const filter = q.get('filter');
  if (filter) rendered = rendered.filter(parseFilter(filter));
  const sortBy = q.get('sortBy');
  if (sortBy) {
    const dir = q.get('sortOrder') === 'descending' ? -1 : 1;
    const key = (x: Json) => String(values(x, sortBy)[0] ?? '').toLowerCase();
    rendered.sort((a, b) => dir * key(a).localeCompare(key(b)));
  }
  const startIndex = Math.max(1, intParam(q, 'startIndex') ?? 1);
  const count = Math.min(MAX_PAGE, Math.max(0, intParam(q, 'count') ?? MAX_PAGE));
  const page = rendered.slice(startIndex - 1, startIndex - 1 + count).map((r) => project(r, q));
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: rendered.length,
    startIndex,
    itemsPerPage: page.length,
    ...(page.length ? { Resources: page } : {}),
  };
}

function intParam(q: URLSearchParams, name: string): number | null {
  const v = q.get(name);
  if (v === null || v === '') return null;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `${name} must be an integer.`);
  return n;
}

export function scimNotFound(kind: string, id: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `${kind} ${id} not found.`);
}

export function requireScimAdmin(req: RestRequest): void {
  if (!req.principal.isAdmin)
    throw new ApiError(403, 'PERMISSION_DENIED', 'Only workspace admins can change users, groups and service principals.');
}
