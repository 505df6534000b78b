// SCIM PATCH (RFC 7644 §3.5.2) for the attributes Databricks lets you change: active, displayName, name.*,
// externalId, entitlements, groups (on users/SPs) and members (on groups). Also used for PUT-style replaces.
import type { AuditSink, RestRequest } from '../core/contract';
import { badRequest } from '../http/errors';
import { ADMINS_GROUP, type IdentityStore, type PrincipalRecord } from '../identity/store';

interface Op {
  op: string;
  path?: string;
  value?: unknown;
}

export interface PatchPlan {
  record: PrincipalRecord;
  /** [groupId, memberId] pairs to add / remove. */
  add: Array<[string, string]>;
  remove: Array<[string, string]>;
}

const FILTERED = /^(\w+)\[value eq "([^"]+)"\]$/i;

const refValues = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) =>
    x && typeof x === 'object' ? String((x as { value?: unknown }).value ?? '') : String(x),
  );

export function planPatch(store: IdentityStore, rec: PrincipalRecord, body: unknown): PatchPlan {
  const ops = (body as { Operations?: unknown })?.Operations;
  if (!Array.isArray(ops)) throw badRequest('PATCH body needs an Operations array.');
  const plan: PatchPlan = { record: { ...rec, entitlements: [...rec.entitlements] }, add: [], remove: [] };
  for (const raw of ops as Op[]) {
    const op = String(raw?.op ?? '').toLowerCase();
    if (!['add', 'remove', 'replace'].includes(op)) throw badRequest(`Unsupported PATCH op "${raw?.op}".`);
    if (!raw.path) {
      if (!raw.value || typeof raw.value !== 'object') throw badRequest('A PATCH op without path needs an object value.');
      for (const [k, v] of Object.entries(raw.value as Record<string, unknown>)) applyOp(store, plan, op, k, v);
    } else {
      applyOp(store, plan, op, raw.path, raw.value);
    }
  }
  return plan;
}

function applyOp(store: IdentityStore, plan: PatchPlan, op: string, path: string, value: unknown): void {
  const r = plan.record;
  const filtered = FILTERED.exec(path);
  const attr = (filtered?.[1] ?? path).toLowerCase();
  const targets = filtered ? [filtered[2] as string] : refValues(value);
  switch (attr) {
    case 'active':
      if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') throw badRequest('active must be a boolean.');
      r.active = value === true || value === 'true';
      return;
    case 'displayname':
      if (typeof value !== 'string' || !value.trim()) throw badRequest('displayName must be a non-empty string.');
      r.displayName = value;
      if (r.kind === 'group') r.name = value;
      return;
    case 'name.givenname':
      r.givenName = String(value ?? '');
      return;
    case 'name.familyname':
      r.familyName = String(value ?? '');
      return;
    case 'name': {
      const n = (value ?? {}) as { givenName?: string; familyName?: string };
      r.givenName = n.givenName ?? r.givenName;
      r.familyName = n.familyName ?? r.familyName;
      return;
    }
    case 'externalid':
      r.externalId = value === null || value === undefined ? null : String(value);
      return;
    case 'entitlements':
      if (op === 'replace') r.entitlements = [...new Set(targets)];
      else if (op === 'add') r.entitlements = [...new Set([...r.entitlements, ...targets])];
      else r.entitlements = r.entitlements.filter((e) => !targets.includes(e));
      return;
    case 'groups':
    case 'members': {
      if ((attr === 'members') !== (r.kind === 'group')) throw badRequest(`${path} cannot be changed on this resource.`);
      const pairs = targets.map((t): [string, string] => (attr === 'members' ? [r.id, t] : [t, r.id]));
      for (const [g, m] of pairs) {
        if (store.get(g)?.kind !== 'group') throw badRequest(`Group ${g} does not exist.`);
        if (!store.get(m)) throw badRequest(`Principal ${m} does not exist.`);
      }
      if (op === 'replace' && attr === 'members') {
        plan.remove.push(
          ...store
            .memberIds(r.id)
            .filter((m) => !targets.includes(m))
            .map((m): [string, string] => [r.id, m]),
        );
      }
      (op === 'remove' ? plan.remove : plan.add).push(...pairs);
      return;
    }
    case 'schemas':
    case 'username':
    case 'applicationid':
      return;
    default:
      throw badRequest(`Attribute ${path} cannot be changed.`);
  }
}

/** PUT semantics: the resource's direct memberships become exactly `desired` (member ids for groups, group ids otherwise). */
export function planMembership(store: IdentityStore, rec: PrincipalRecord, desiredRefs: unknown): PatchPlan {
  const desired = refValues(desiredRefs ?? []);
  const isGroup = rec.kind === 'group';
  const current = isGroup ? store.memberIds(rec.id) : store.directGroups(rec.id).map((g) => g.id);
  const pair = (other: string): [string, string] => (isGroup ? [rec.id, other] : [other, rec.id]);
  for (const [g, m] of desired.map(pair)) {
    if (store.get(g)?.kind !== 'group') throw badRequest(`Group ${g} does not exist.`);
    if (!store.get(m)) throw badRequest(`Principal ${m} does not exist.`);
  }
  return {
    record: rec,
    add: desired.filter((d) => !current.includes(d)).map(pair),
    remove: current.filter((c) => !desired.includes(c)).map(pair),
  };
}

/** Writes the plan and emits the membership audit events (admins changes as setAdmin / removeAdmin too). */
export async function commitPatch(store: IdentityStore, audit: AuditSink, req: RestRequest, plan: PatchPlan): Promise<void> {
  await store.update(plan.record);
  const event = (action: string, params: Record<string, string>) =>
    audit.append({
      serviceName: 'accounts',
      actionName: action,
      email: req.principal.name,
      requestParams: params,
      statusCode: 200,
      sourceIp: req.meta.sourceIp,
      userAgent: req.meta.userAgent,
      requestId: req.meta.requestId,
    });
  for (const [list, action] of [
    [plan.add, 'addPrincipalToGroup'],
    [plan.remove, 'removePrincipalFromGroup'],
  ] as const) {
    for (const [g, m] of list) {
      const changed = action === 'addPrincipalToGroup' ? await store.addMember(g, m) : await store.removeMember(g, m);
      const group = store.get(g);
      const member = store.get(m);
      if (!changed || !group || !member) continue;
      const params = {
        targetGroupName: group.name,
        targetGroupId: group.id,
        targetUserName: member.name,
        targetUserId: member.id,
        endpoint: 'scim',
      };
      event(action, params);
      if (group.name === ADMINS_GROUP) event(action === 'addPrincipalToGroup' ? 'setAdmin' : 'removeAdmin', params);
    }
  }
}
