// Cluster policies (§6): everyone may list/get the policies they can use (admins: all); only admins create, edit
// and delete. Names are unique and 1–100 characters; definitions are JSON objects encoded as strings; the
// Databricks default policies cannot be edited or deleted.
import { randomBytes } from 'node:crypto';
import { ApiError, type RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest, forbidden } from '../http/errors';
import { asObject, auditFields, optionalInt, optionalString, requireQuery, requireString } from '../http/fields';
import type { WsRoute } from '../http/types';
import type { AclStore } from '../store/acl-store';

interface PolicyRow {
  policy_id: string;
  name: string;
  definition: string | null;
  description: string | null;
  creator_user_name: string | null;
  created_at: bigint;
  is_default: boolean;
  max_clusters_per_user: bigint | null;
  policy_family_id: string | null;
  policy_family_definition_overrides: string | null;
}

const render = (p: PolicyRow) => ({
  policy_id: p.policy_id,
  name: p.name,
  ...(p.definition ? { definition: p.definition } : {}),
  ...(p.description ? { description: p.description } : {}),
  ...(p.creator_user_name ? { creator_user_name: p.creator_user_name } : {}),
  created_at_timestamp: Number(p.created_at),
  is_default: p.is_default,
  ...(p.max_clusters_per_user !== null ? { max_clusters_per_user: Number(p.max_clusters_per_user) } : {}),
  ...(p.policy_family_id ? { policy_family_id: p.policy_family_id } : {}),
  ...(p.policy_family_definition_overrides ? { policy_family_definition_overrides: p.policy_family_definition_overrides } : {}),
});

const notFound = (id: string) => new ApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Can't find a cluster policy with id: ${id}.`);

export function clusterPolicyRoutes(db: SimDb, acls: AclStore): WsRoute[] {
  const all = () => db.all<PolicyRow>('SELECT * FROM ws.cluster_policies');
  const visible = async (req: RestRequest, p: PolicyRow) =>
    req.principal.isAdmin ||
    (await acls.list('cluster-policies', p.policy_id)).some((e) =>
      e.principalKind === 'group' ? req.principal.groups.includes(e.principalName) : e.principalName === req.principal.name,
    );
  const load = async (req: RestRequest, id: string) => {
    const p = (await all()).find((r) => r.policy_id === id);
    if (!p || !(await visible(req, p))) throw notFound(id);
    return p;
  };
  const admin = (req: RestRequest) => {
    if (!req.principal.isAdmin) throw forbidden('Only workspace admins can create, edit or delete cluster policies.');
  };
  const audit = (action: string) => ({
    service: 'clusterPolicies',
    action,
    params: (req: RestRequest) => auditFields(req, ['policy_id', 'name']),
  });
  const write = async (req: RestRequest, id: string, existing?: PolicyRow) => {
    const b = asObject(req.body);
    const name = requireString(b, 'name');
    if (name.length > 100) throw badRequest('Policy name must be at most 100 characters.');
    if ((await all()).some((p) => p.name.toLowerCase() === name.toLowerCase() && p.policy_id !== id))
      throw badRequest(`Policy with name ${name} already exists.`);
    const definition = optionalString(b, 'definition') ?? null;
    const familyId = optionalString(b, 'policy_family_id') ?? existing?.policy_family_id ?? null;
    if (definition !== null) checkDefinition(definition);
    if (definition === null && !familyId) throw badRequest('Either definition or policy_family_id is required.');
    await db.transaction(async (c) => {
      await c.run('DELETE FROM ws.cluster_policies WHERE policy_id = ?', [id]);
      await c.run('INSERT INTO ws.cluster_policies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        id,
        name,
        definition,
        optionalString(b, 'description') ?? null,
        existing ? existing.creator_user_name : req.principal.name,
        existing ? Number(existing.created_at) : Date.now(),
        false,
        optionalInt(b, 'max_clusters_per_user') ?? null,
        familyId,
        optionalString(b, 'policy_family_definition_overrides') ?? null,
      ]);
    });
  };
  return [
    {
      method: 'GET',
      path: '/api/2.0/policies/clusters/list',
      handler: async (req) => {
        const rows = [];
        for (const p of await all()) if (await visible(req, p)) rows.push(p);
        const byName = req.query.get('sort_column') === 'POLICY_NAME';
        const dir = req.query.get('sort_order') === 'ASC' ? 1 : -1;
        rows.sort((a, b) => dir * (byName ? a.name.localeCompare(b.name) : Number(a.created_at - b.created_at)));
        return { body: rows.length ? { policies: rows.map(render), total_count: rows.length } : { total_count: 0 } };
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/policies/clusters/get',
      handler: async (req) => ({ body: render(await load(req, requireQuery(req.query, 'policy_id'))) }),
    },
    {
      method: 'POST',
      path: '/api/2.0/policies/clusters/create',
      audit: audit('create'),
      handler: async (req) => {
        admin(req);
        const id = randomBytes(8).toString('hex').toUpperCase();
        await write(req, id);
        return { body: { policy_id: id }, auditParams: { policy_id: id } };
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/policies/clusters/edit',
      audit: audit('edit'),
      handler: async (req) => {
        admin(req);
        const existing = await load(req, requireString(asObject(req.body), 'policy_id'));
        if (existing.is_default) throw badRequest(`The default policy ${existing.name} cannot be edited.`);
        await write(req, existing.policy_id, existing);
        return {};
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/policies/clusters/delete',
      audit: audit('delete'),
      handler: async (req) => {
        admin(req);
        const existing = await load(req, requireString(asObject(req.body), 'policy_id'));
        if (existing.is_default) throw badRequest(`The default policy ${existing.name} cannot be deleted.`);
        await db.run('DELETE FROM ws.cluster_policies WHERE policy_id = ?', [existing.policy_id]);
        await acls.removeObject('cluster-policies', existing.policy_id);
        return {};
      },
    },
  ];
}

function checkDefinition(definition: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch {
    throw badRequest('Policy definition must be a valid JSON document.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('Policy definition must be a JSON object.');
  for (const [attr, rule] of Object.entries(parsed as Record<string, unknown>)) {
    const type = (rule as { type?: unknown })?.type;
    if (!['fixed', 'forbidden', 'allowlist', 'blocklist', 'regex', 'range', 'unlimited'].includes(String(type))) {
      throw badRequest(`Invalid policy definition: attribute ${attr} has unknown rule type ${String(type)}.`);
    }
  }
}
