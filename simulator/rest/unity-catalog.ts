// Unity Catalog REST: grants (permissions, effective permissions) and metadata (catalogs, schemas, tables,
// functions, volumes). Grant changes go through the
// same code as SQL GRANT / REVOKE (uc/grants.ts), so SQL and REST are one state, audited alike.
import { ApiError, type RestRequest, type RestRoute } from '../core/contract';
import { type UcDeps, directAssignments, resolveSecurable, updatePermissions } from '../uc/grants';
import { principalSet } from '../uc/principals';
import { type SecurableType, normalizePrivilege } from '../uc/privileges';
import { privilegeModel } from '../uc/store';
import { catalogRoutes } from './unity-catalog-catalogs';
import { functionRoutes } from './unity-catalog-functions';
import { tableRoutes } from './unity-catalog-tables';
import { page, rest } from './unity-catalog-http';

const PREFIX = '/api/2.1/unity-catalog';
const TYPES: readonly SecurableType[] = ['catalog', 'schema', 'table', 'function', 'volume'];
const GRANT_PAGE_MIN = 150;

function securableType(raw: string): SecurableType {
  const t = raw.toLowerCase();
  if ((TYPES as readonly string[]).includes(t)) return t as SecurableType;
  throw new ApiError(
    400,
    'INVALID_PARAMETER_VALUE',
    `Securable type ${raw} is not supported by the simulator (catalog, schema, table, function, volume).`,
  );
}

/** Reading grants needs what SHOW GRANTS needs: admin, owner, MANAGE — or asking only about oneself. */
async function readable(deps: UcDeps, req: RestRequest) {
  const s = await resolveSecurable(deps.db, securableType(req.params.securable_type ?? ''), req.params.full_name ?? '');
  const model = await privilegeModel(deps.db);
  const mine = principalSet(req.principal);
  const principal = req.query.get('principal');
  if (!model.canManage(s, mine, req.principal.isAdmin) && !(principal && mine.has(principal))) {
    throw new ApiError(403, 'PERMISSION_DENIED', `User does not have MANAGE on ${s.type} '${s.fullName}'.`);
  }
  return { s, model, principal };
}

interface PatchBody {
  changes?: Array<{ principal?: unknown; add?: unknown; remove?: unknown }>;
  omit_permissions_in_response?: boolean;
}

function parseChanges(body: unknown) {
  const b = (body ?? {}) as PatchBody;
  if (!Array.isArray(b.changes)) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', 'changes must be a list.');
  const list = (v: unknown, field: string) => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `${field} must be a list of privileges.`);
    return v.map(normalizePrivilege);
  };
  return b.changes.map((c) => {
    if (typeof c.principal !== 'string' || !c.principal)
      throw new ApiError(400, 'INVALID_PARAMETER_VALUE', 'Each change needs a principal.');
    return { principal: c.principal, add: list(c.add, 'add'), remove: list(c.remove, 'remove') };
  });
}

export function unityCatalogRoutes(deps: UcDeps): RestRoute[] {
  return [
    // GET /api/2.1/unity-catalog/permissions/{type}/{full_name}: direct grants.
    {
      method: 'GET',
      path: `${PREFIX}/permissions/:securable_type/:full_name`,
      handler: (req) =>
        rest(async () => {
          const { s, principal } = await readable(deps, req);
          const p = page(await directAssignments(deps.db, s, principal), req.query, { minPageSize: GRANT_PAGE_MIN });
          return { body: { privilege_assignments: p.items, ...(p.next_page_token ? { next_page_token: p.next_page_token } : {}) } };
        }),
    },
    // PATCH /api/2.1/unity-catalog/permissions/{type}/{full_name}: add/remove grants (audited, failures included).
    {
      method: 'PATCH',
      path: `${PREFIX}/permissions/:securable_type/:full_name`,
      handler: (req) =>
        rest(async () => {
          const type = securableType(req.params.securable_type ?? '');
          const changes = parseChanges(req.body);
          await updatePermissions(deps, { principal: req.principal, meta: req.meta }, type, req.params.full_name ?? '', changes);
          if ((req.body as PatchBody).omit_permissions_in_response) return { body: {} };
          const s = await resolveSecurable(deps.db, type, req.params.full_name ?? '');
          return { body: { privilege_assignments: await directAssignments(deps.db, s) } };
        }),
    },
    // GET /api/2.1/unity-catalog/effective-permissions/{type}/{full_name}: direct and inherited grants.
    {
      method: 'GET',
      path: `${PREFIX}/effective-permissions/:securable_type/:full_name`,
      handler: (req) =>
        rest(async () => {
          const { s, model, principal } = await readable(deps, req);
          const by = new Map<string, Array<{ privilege: string; inherited_from_type?: string; inherited_from_name?: string }>>();
          for (const e of model.effective(s)) {
            if (principal && e.principal !== principal) continue;
            const entry = e.inheritedFrom
              ? {
                  privilege: e.privilege,
                  inherited_from_type: e.inheritedFrom.type.toUpperCase(),
                  inherited_from_name: e.inheritedFrom.fullName,
                }
              : { privilege: e.privilege };
            by.set(e.principal, [...(by.get(e.principal) ?? []), entry]);
          }
          const all = [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([p, privileges]) => ({ principal: p, privileges }));
          const p = page(all, req.query, { minPageSize: GRANT_PAGE_MIN });
          return { body: { privilege_assignments: p.items, ...(p.next_page_token ? { next_page_token: p.next_page_token } : {}) } };
        }),
    },
    ...catalogRoutes(deps),
    ...tableRoutes(deps),
    ...functionRoutes(deps),
  ];
}
