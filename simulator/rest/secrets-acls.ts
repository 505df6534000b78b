// Secret ACLs (§2): every operation needs MANAGE on the scope. acls/put overwrites an existing entry (the
// reference's [U]: documented as RESOURCE_ALREADY_EXISTS, observed to overwrite). Principals are user names,
// group names or service principal application ids, and must exist.
import type { RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest, notFound } from '../http/errors';
import { asObject, auditFields, requireQuery, requireString } from '../http/fields';
import type { WsRoute } from '../http/types';
import type { IdentityStore } from '../identity/store';
import { authorizeScope, RANK, type SecretPermission } from './secret-scopes-store';

const audit = (action: string) => ({
  service: 'secrets',
  action,
  params: (req: RestRequest) => auditFields(req, ['scope', 'principal', 'permission']),
});

export function secretAclRoutes(db: SimDb, identity: IdentityStore): WsRoute[] {
  const entry = (scope: string, principal: string) =>
    db.one<{ principal: string; permission: string }>(
      'SELECT principal, permission FROM ws.secret_acls WHERE lower(scope) = lower(?) AND principal = ?',
      [scope, principal],
    );
  const missing = (scope: string, principal: string) => notFound(`No ACL for principal ${principal} on scope ${scope}.`);
  return [
    {
      method: 'POST',
      path: '/api/2.0/secrets/acls/put',
      audit: audit('putAcl'),
      handler: async (req) => {
        const b = asObject(req.body);
        const scope = await authorizeScope(db, requireString(b, 'scope'), req.principal, 'MANAGE');
        const principal = requireString(b, 'principal');
        const permission = requireString(b, 'permission');
        if (!(permission in RANK)) throw badRequest(`Invalid permission ${permission}: use READ, WRITE or MANAGE.`);
        const rec = identity.findByAclName(principal);
        if (!rec) throw notFound(`Principal ${principal} does not exist.`);
        await db.transaction(async (c) => {
          await c.run('DELETE FROM ws.secret_acls WHERE lower(scope) = lower(?) AND principal = ?', [scope.name, rec.name]);
          await c.run('INSERT INTO ws.secret_acls VALUES (?, ?, ?)', [scope.name, rec.name, permission as SecretPermission]);
        });
        return {};
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/secrets/acls/delete',
      audit: audit('deleteAcl'),
      handler: async (req) => {
        const b = asObject(req.body);
        const scope = await authorizeScope(db, requireString(b, 'scope'), req.principal, 'MANAGE');
        const principal = requireString(b, 'principal');
        if (!(await entry(scope.name, principal))) throw missing(scope.name, principal);
        await db.run('DELETE FROM ws.secret_acls WHERE lower(scope) = lower(?) AND principal = ?', [scope.name, principal]);
        return {};
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/secrets/acls/get',
      audit: audit('getAcl'),
      handler: async (req) => {
        const scope = await authorizeScope(db, requireQuery(req.query, 'scope'), req.principal, 'MANAGE');
        const principal = requireQuery(req.query, 'principal');
        const row = await entry(scope.name, principal);
        if (!row) throw missing(scope.name, principal);
        return { body: { principal: row.principal, permission: row.permission } };
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/secrets/acls/list',
      audit: audit('listAcls'),
      handler: async (req) => {
        const scope = await authorizeScope(db, requireQuery(req.query, 'scope'), req.principal, 'MANAGE');
        const items = await db.all<{ principal: string; permission: string }>(
          'SELECT principal, permission FROM ws.secret_acls WHERE lower(scope) = lower(?) ORDER BY principal',
          [scope.name],
        );
        return { body: items.length ? { items } : {} };
      },
    },
  ];
}
