// Generic object permissions (§8): GET / PUT (replace direct grants) / PATCH (merge) and permissionLevels for
// jobs, clusters, cluster policies and /authorization/tokens. The admins group's CAN_MANAGE is implicit and
// cannot be removed; on tokens CAN_MANAGE cannot be granted to anyone else; a job keeps exactly one IS_OWNER.
import type { AuditSink, RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest, forbidden, notFound } from '../http/errors';
import { asObject } from '../http/fields';
import type { WsRoute } from '../http/types';
import { ADMINS_GROUP, type IdentityStore } from '../identity/store';
import type { AclEntry, AclPrincipalKind, AclStore } from '../store/acl-store';
import { PERMISSION_OBJECTS, type PermissionObjectType } from './permission-objects';

export interface PermissionDeps {
  db: SimDb;
  acls: AclStore;
  identity: IdentityStore;
  audit: AuditSink;
  workspaceId: string;
}

const FIELD: Record<AclPrincipalKind, string> = { user: 'user_name', group: 'group_name', service_principal: 'service_principal_name' };

export function permissionRoutes(deps: PermissionDeps, types: PermissionObjectType[] = PERMISSION_OBJECTS): WsRoute[] {
  return types.flatMap((t) => {
    const base = t.segment === 'authorization' ? '/api/2.0/permissions/authorization/:id' : `/api/2.0/permissions/${t.segment}/:id`;
    const change = (method: 'PUT' | 'PATCH'): WsRoute => ({
      method,
      path: base,
      audit: {
        service: t.audit.service,
        action: method === 'PUT' ? t.audit.put : t.audit.patch,
        params: (req) => auditEntries(deps, t, req),
      },
      handler: async (req) => {
        const id = await checkAccess(deps, t, req, true);
        const entries = parseEntries(deps.identity, t, req.body);
        const current = await deps.acls.list(t.segment, id);
        const owner = current.find((e) => e.permissionLevel === 'IS_OWNER');
        if (method === 'PUT') {
          const keepOwner = owner && !entries.some((e) => e.permissionLevel === 'IS_OWNER') ? [owner] : [];
          await deps.acls.replace(t.segment, id, [...keepOwner, ...entries]);
        } else {
          const newOwner = entries.some((e) => e.permissionLevel === 'IS_OWNER');
          if (newOwner && owner)
            await deps.acls.replace(
              t.segment,
              id,
              current.filter((e) => e !== owner),
            );
          await deps.acls.merge(t.segment, id, entries);
        }
        t.changed?.();
        return { body: await render(deps, t, id) };
      },
    });
    return [
      { method: 'GET', path: base, handler: async (req) => ({ body: await render(deps, t, await checkAccess(deps, t, req, false)) }) },
      change('PUT'),
      change('PATCH'),
      {
        method: 'GET',
        path: `${base}/permissionLevels`,
        handler: async (req) => {
          await checkAccess(deps, t, req, false);
          return { body: { permission_levels: t.levels.map(([permission_level, description]) => ({ permission_level, description })) } };
        },
      },
    ];
  });
}

async function checkAccess(deps: PermissionDeps, t: PermissionObjectType, req: RestRequest, write: boolean): Promise<string> {
  const id = req.params.id as string;
  if (!(await t.exists(deps.db, id))) {
    throw t.segment === 'authorization'
      ? notFound(`Object /authorization/${id} does not exist.`)
      : notFound(`${t.objectType} ${id} does not exist.`);
  }
  if (req.principal.isAdmin) return id;
  if (t.adminOnly) throw forbidden('Only workspace admins can view or change token permissions.');
  const held = [...(await deps.acls.list(t.segment, id)), ...((await t.inherited?.(id)) ?? [])];
  const mine = held.filter((e) =>
    e.principalKind === 'group'
      ? req.principal.groups.includes(e.principalName)
      : e.principalName.toLowerCase() === req.principal.name.toLowerCase(),
  );
  const allowed = write ? mine.some((e) => t.manageLevels.includes(e.permissionLevel)) : mine.length > 0;
  if (!allowed) throw forbidden(`${req.principal.name} does not have ${write ? 'Manage' : 'View'} permissions on ${t.objectType} ${id}.`);
  return id;
}

function parseEntries(identity: IdentityStore, t: PermissionObjectType, body: unknown): AclEntry[] {
  const list = asObject(body).access_control_list;
  if (!Array.isArray(list)) throw badRequest('access_control_list must be an array.');
  const entries: AclEntry[] = [];
  for (const raw of list) {
    const e = asObject(raw);
    const kinds = (Object.keys(FIELD) as AclPrincipalKind[]).filter((k) => typeof e[FIELD[k]] === 'string');
    if (kinds.length !== 1)
      throw badRequest('Each access control entry needs exactly one of user_name, group_name, service_principal_name.');
    const kind = kinds[0] as AclPrincipalKind;
    const name = e[FIELD[kind]] as string;
    const level = String(e.permission_level ?? '');
    if (!t.levels.some(([l]) => l === level)) throw badRequest(`Permission ${level} is not supported for ${t.objectType} objects.`);
    const rec = identity.find(kind, name);
    if (!rec) throw badRequest(`Principal ${name} does not exist.`, 'INVALID_PARAMETER_VALUE');
    if (kind === 'group' && name === ADMINS_GROUP) continue; // implicit CAN_MANAGE; cannot be changed
    if (level === 'CAN_MANAGE' && t.segment === 'authorization')
      throw badRequest('CAN_MANAGE on tokens can only be held by the admins group.');
    if (level === 'IS_OWNER' && kind === 'group') throw badRequest('A group cannot be the owner of a job.');
    entries.push({ principalKind: kind, principalName: rec.name, permissionLevel: level });
  }
  if (entries.filter((e) => e.permissionLevel === 'IS_OWNER').length > 1) throw badRequest('A job can have only one owner.');
  return entries;
}

async function render(deps: PermissionDeps, t: PermissionObjectType, id: string) {
  const direct = (await deps.acls.list(t.segment, id)).map((e) => ({ ...e, from: null as string | null }));
  // One entry per principal; what it holds directly and through each folder above are listed side by side.
  const byPrincipal = new Map<string, { e: AclEntry; perms: Array<Record<string, unknown>> }>();
  for (const e of [...direct, ...((await t.inherited?.(id)) ?? [])]) {
    const key = `${e.principalKind}:${e.principalName.toLowerCase()}`;
    const perm = e.from
      ? { permission_level: e.permissionLevel, inherited: true, inherited_from_object: [e.from] }
      : { permission_level: e.permissionLevel, inherited: false };
    const seen = byPrincipal.get(key);
    if (seen) seen.perms.push(perm);
    else byPrincipal.set(key, { e, perms: [perm] });
  }
  const acl = [...byPrincipal.values()].map(({ e, perms }) => ({
    [FIELD[e.principalKind]]: e.principalName,
    display_name: deps.identity.find(e.principalKind, e.principalName)?.displayName ?? e.principalName,
    all_permissions: perms,
  }));
  const admins = t.rootObject
    ? { permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: [t.rootObject] }
    : { permission_level: 'CAN_MANAGE', inherited: false };
  acl.push({ group_name: ADMINS_GROUP, display_name: ADMINS_GROUP, all_permissions: [admins] });
  const objectId = t.segment === 'authorization' ? `/authorization/${id}` : `/${t.segment}/${id}`;
  return { object_id: objectId, object_type: t.objectType, access_control_list: acl };
}

function auditEntries(deps: PermissionDeps, t: PermissionObjectType, req: RestRequest): Array<Record<string, string>> {
  const list = (req.body as { access_control_list?: unknown })?.access_control_list;
  const entries = Array.isArray(list) ? list : [];
  const base = { shardName: deps.workspaceId, resourceId: t.segment === 'authorization' ? 'tokens' : String(req.params.id) };
  const out = entries.map((raw) => {
    const e = (raw ?? {}) as Record<string, unknown>;
    const target = e.user_name ?? e.group_name ?? e.service_principal_name ?? '';
    return { ...base, targetUserId: String(target), aclPermissionSet: String(e.permission_level ?? '') };
  });
  return out.length ? out : [{ ...base, targetUserId: '', aclPermissionSet: '' }];
}
