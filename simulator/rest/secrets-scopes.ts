// Secret scopes (§2): create / delete / list. Scope exists → 400 RESOURCE_ALREADY_EXISTS (not 409, as Databricks
// answers). Azure Key Vault-backed scopes need a Microsoft Entra ID token to create, which no simulator caller
// has, so creating one always fails as it does with a PAT; the seeded ones are there to read.
import { ApiError, type RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest } from '../http/errors';
import { asObject, auditFields, optionalString, requireString } from '../http/fields';
import type { WsRoute } from '../http/types';
import { authorizeScope, checkScopeName, findScope } from './secret-scopes-store';

const MAX_SCOPES = 1000;

const scopeParams = (req: RestRequest) => auditFields(req, ['scope', 'initial_manage_principal', 'scope_backend_type']);

export function secretScopeRoutes(db: SimDb): WsRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/2.0/secrets/scopes/create',
      audit: { service: 'secrets', action: 'createScope', params: scopeParams },
      handler: async (req) => {
        const b = asObject(req.body);
        const scope = requireString(b, 'scope');
        checkScopeName(scope);
        const initial = optionalString(b, 'initial_manage_principal');
        if (initial !== undefined && initial !== 'users') throw badRequest(`initial_manage_principal must be "users" (got "${initial}").`);
        const backend = optionalString(b, 'scope_backend_type') ?? 'DATABRICKS';
        if (backend === 'AZURE_KEYVAULT') throw badRequest('Scope with Azure KeyVault must have userAADToken defined!');
        if (backend !== 'DATABRICKS') throw badRequest(`Unknown scope_backend_type ${backend}.`);
        const existing = await findScope(db, scope);
        if (existing) throw new ApiError(400, 'RESOURCE_ALREADY_EXISTS', `Scope ${existing.name} already exists!`);
        const count = await db.one<{ n: bigint }>('SELECT count(*) AS n FROM ws.secret_scopes');
        if (Number(count?.n ?? 0) >= MAX_SCOPES)
          throw new ApiError(400, 'RESOURCE_LIMIT_EXCEEDED', `Cannot create more than ${MAX_SCOPES} scopes.`);
        await db.transaction(async (c) => {
          await c.run('INSERT INTO ws.secret_scopes VALUES (?, ?, NULL, NULL, ?, ?)', [scope, backend, req.principal.name, Date.now()]);
          await c.run('INSERT INTO ws.secret_acls VALUES (?, ?, ?)', [scope, initial === 'users' ? 'users' : req.principal.name, 'MANAGE']);
        });
        return {};
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/secrets/scopes/delete',
      audit: { service: 'secrets', action: 'deleteScope', params: scopeParams },
      handler: async (req) => {
        const scope = await authorizeScope(db, requireString(asObject(req.body), 'scope'), req.principal, 'MANAGE');
        await db.transaction(async (c) => {
          for (const table of ['secret_scopes WHERE lower(name)', 'secrets WHERE lower(scope)', 'secret_acls WHERE lower(scope)']) {
            await c.run(`DELETE FROM ws.${table} = lower(?)`, [scope.name]);
          }
        });
        return {};
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/secrets/scopes/list',
      audit: { service: 'secrets', action: 'listScopes' },
      handler: async () => {
        const rows = await db.all<{
          name: string;
          backend_type: string;
          keyvault_resource_id: string | null;
          keyvault_dns_name: string | null;
        }>('SELECT name, backend_type, keyvault_resource_id, keyvault_dns_name FROM ws.secret_scopes ORDER BY lower(name)');
        const scopes = rows.map((r) => ({
          name: r.name,
          backend_type: r.backend_type,
          ...(r.keyvault_resource_id ? { keyvault_metadata: { resource_id: r.keyvault_resource_id, dns_name: r.keyvault_dns_name } } : {}),
        }));
        return { body: scopes.length ? { scopes } : {} };
      },
    },
  ];
}
