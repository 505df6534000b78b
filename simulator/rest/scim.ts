// SCIM Users, Groups, ServicePrincipals and Me under /api/2.0/preview/scim/v2 (§7). Reads are open to every
// workspace user; writes need a workspace admin. Errors use the SCIM error shape (the pipeline renders them).
import { randomUUID } from 'node:crypto';
import { ApiError, type AuditSink, type RestRequest } from '../core/contract';
import { badRequest } from '../http/errors';
import type { WsRoute } from '../http/types';
import { ADMINS_GROUP, USERS_GROUP, type IdentityStore, type PrincipalKind, type PrincipalRecord } from '../identity/store';
import { commitPatch, planMembership, planPatch, type PatchPlan } from './scim-patch';
import { listResponse, project, renderPrincipal, requireScimAdmin, SCIM_BASE, scimNotFound } from './scim-render';

interface Resource {
  kind: PrincipalKind;
  segment: string;
  label: string;
  actions: { create: string; update: string; delete: string };
}

const RESOURCES: Resource[] = [
  { kind: 'user', segment: 'Users', label: 'User', actions: { create: 'add', update: 'updateUser', delete: 'delete' } },
  {
    kind: 'service_principal',
    segment: 'ServicePrincipals',
    label: 'Service principal',
    actions: { create: 'add', update: 'updateUser', delete: 'delete' },
  },
  { kind: 'group', segment: 'Groups', label: 'Group', actions: { create: 'createGroup', update: 'updateGroup', delete: 'removeGroup' } },
];

export function scimRoutes(store: IdentityStore, audit: AuditSink): WsRoute[] {
  const me: WsRoute = {
    method: 'GET',
    path: `${SCIM_BASE}/Me`,
    handler: async (req) => ({ body: project(renderPrincipal(store, store.get(req.principal.id) as PrincipalRecord), req.query) }),
  };
  return [me, ...RESOURCES.flatMap((r) => resourceRoutes(store, audit, r))];
}

function resourceRoutes(store: IdentityStore, audit: AuditSink, res: Resource): WsRoute[] {
  const base = `${SCIM_BASE}/${res.segment}`;
  const load = (id: string) => {
    const rec = store.get(id);
    if (!rec || rec.kind !== res.kind) throw scimNotFound(res.label, id);
    return rec;
  };
  const target = (req: RestRequest): Record<string, string> => {
    const rec = req.params.id ? store.get(req.params.id) : undefined;
    const name =
      rec?.name ?? String((req.body as Record<string, unknown>)?.userName ?? (req.body as Record<string, unknown>)?.displayName ?? '');
    return res.kind === 'group'
      ? { targetGroupName: name, targetGroupId: req.params.id ?? '' }
      : { targetUserName: name, targetUserId: req.params.id ?? '' };
  };
  const spec = (action: string) => ({ service: 'accounts', action, params: target });
  const saveChanges = async (req: RestRequest, before: PrincipalRecord, plan: PatchPlan) => {
    const clash = plan.record.name !== before.name ? store.find(res.kind, plan.record.name) : undefined;
    if (clash) throw new ApiError(409, 'RESOURCE_ALREADY_EXISTS', `${res.label} with name ${plan.record.name} already exists.`);
    await commitPatch(store, audit, req, plan);
    if (res.kind === 'user' && before.active !== plan.record.active) {
      audit.append({
        serviceName: 'accounts',
        actionName: plan.record.active ? 'activateUser' : 'deactivateUser',
        email: req.principal.name,
        requestParams: { targetUserName: before.name, targetUserId: before.id },
        statusCode: 200,
        sourceIp: req.meta.sourceIp,
        userAgent: req.meta.userAgent,
        requestId: req.meta.requestId,
      });
    }
    return { body: renderPrincipal(store, load(before.id)) };
  };

  return [
    { method: 'GET', path: base, handler: async (req) => ({ body: listResponse(store, store.all(res.kind), req) }) },
    {
      method: 'GET',
      path: `${base}/:id`,
      handler: async (req) => ({ body: project(renderPrincipal(store, load(req.params.id as string)), req.query) }),
    },
    {
      method: 'POST',
      path: base,
      audit: spec(res.actions.create),
      handler: async (req) => {
        requireScimAdmin(req);
        const rec = newRecord(res, req.body);
        if (store.find(res.kind, rec.name))
          throw new ApiError(409, 'RESOURCE_ALREADY_EXISTS', `${res.label} with name ${rec.name} already exists in the workspace.`);
        await store.create(rec);
        await commitPatch(store, audit, req, planMembership(store, rec, memberships(res, req.body)));
        return {
          status: 201,
          body: renderPrincipal(store, load(rec.id)),
          auditParams: { [res.kind === 'group' ? 'targetGroupId' : 'targetUserId']: rec.id },
        };
      },
    },
    {
      method: 'PUT',
      path: `${base}/:id`,
      audit: spec(res.actions.update),
      handler: async (req) => {
        requireScimAdmin(req);
        const before = load(req.params.id as string);
        const next = { ...newRecord(res, req.body, before), id: before.id, createdAt: before.createdAt };
        if (res.kind === 'user' && next.name.toLowerCase() !== before.name.toLowerCase()) throw badRequest('userName cannot be changed.');
        return saveChanges(req, before, planMembership(store, next, memberships(res, req.body)));
      },
    },
    {
      method: 'PATCH',
      path: `${base}/:id`,
      audit: spec(res.actions.update),
      handler: async (req) => {
        requireScimAdmin(req);
        const before = load(req.params.id as string);
        return saveChanges(req, before, planPatch(store, before, req.body));
      },
    },
    {
      method: 'DELETE',
      path: `${base}/:id`,
      audit: spec(res.actions.delete),
      handler: async (req) => {
        requireScimAdmin(req);
        const rec = load(req.params.id as string);
        if (rec.kind === 'group' && (rec.name === ADMINS_GROUP || rec.name === USERS_GROUP))
          throw badRequest(`The built-in group ${rec.name} cannot be deleted.`);
        await store.remove(rec.id);
        return { status: 204 };
      },
    },
  ];
}

const memberships = (res: Resource, body: unknown) =>
  ((body ?? {}) as Record<string, unknown>)[res.kind === 'group' ? 'members' : 'groups'];

function newRecord(res: Resource, body: unknown, before?: PrincipalRecord): PrincipalRecord {
  if (!body || typeof body !== 'object') throw badRequest('The request body must be a SCIM resource.');
  const b = body as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' && (b[k] as string).trim() ? (b[k] as string).trim() : null);
  const name = (b.name ?? {}) as { givenName?: unknown; familyName?: unknown };
  let key: string | null;
  if (res.kind === 'user') key = str('userName');
  else if (res.kind === 'group') key = str('displayName');
  else key = str('applicationId') ?? before?.name ?? randomUUID();
  if (!key) throw badRequest(res.kind === 'user' ? 'userName is required.' : 'displayName is required.');
  const ents = Array.isArray(b.entitlements)
    ? b.entitlements.map((e) => String((e as { value?: unknown })?.value ?? '')).filter(Boolean)
    : (before?.entitlements ?? []);
  return {
    id: before?.id ?? String(1e14 + Math.floor(Math.random() * 8e14)),
    kind: res.kind,
    name: key,
    displayName: str('displayName') ?? key,
    givenName: typeof name.givenName === 'string' ? name.givenName : null,
    familyName: typeof name.familyName === 'string' ? name.familyName : null,
    active: res.kind === 'group' ? true : b.active !== false,
    externalId: str('externalId'),
    entitlements: ents,
    createdAt: before?.createdAt ?? Date.now(),
  };
}
