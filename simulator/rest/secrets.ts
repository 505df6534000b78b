// Secrets (§2): put / delete need WRITE, list / get need READ. Values live only in the simulator's database;
// `get` returns them base64-encoded. Key Vault-backed scopes are read-only (put/delete → 400 BAD_REQUEST).
// DuckDB binds binary parameters as BLOB only through its value wrapper.
import { blobValue } from '@duckdb/node-api';
import { ApiError, type RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest, notFound } from '../http/errors';
import { asObject, auditFields, optionalString, requireQuery, requireString } from '../http/fields';
import type { WsRoute } from '../http/types';
import { authorizeScope, checkKeyName, type ScopeRow } from './secret-scopes-store';

const MAX_VALUE_BYTES = 128 * 1024;
const MAX_SECRETS = 1000;

const audit = (action: string) => ({ service: 'secrets', action, params: (req: RestRequest) => auditFields(req, ['scope', 'key']) });

function readOnly(scope: ScopeRow, verb: string): void {
  if (scope.backend_type === 'AZURE_KEYVAULT')
    throw new ApiError(400, 'BAD_REQUEST', `Cannot ${verb} secrets in the Azure KeyVault-backed scope ${scope.name}; it is read-only.`);
}

const missingSecret = (scope: string, key: string) => notFound(`Secret does not exist with scope: ${scope} and key: ${key}`);

export function secretRoutes(db: SimDb): WsRoute[] {
  const find = (scope: string, key: string) =>
    db.one<{ value: Uint8Array }>('SELECT value FROM ws.secrets WHERE lower(scope) = lower(?) AND key = ?', [scope, key]);
  return [
    {
      method: 'POST',
      path: '/api/2.0/secrets/put',
      audit: audit('putSecret'),
      handler: async (req) => {
        const b = asObject(req.body);
        const scope = await authorizeScope(db, requireString(b, 'scope'), req.principal, 'WRITE');
        readOnly(scope, 'write');
        const key = requireString(b, 'key');
        checkKeyName(key);
        const str = optionalString(b, 'string_value');
        const bytes = optionalString(b, 'bytes_value');
        if ((str === undefined) === (bytes === undefined)) {
          throw new ApiError(400, 'MALFORMED_REQUEST', 'Exactly one of string_value and bytes_value must be specified.');
        }
        if (bytes !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(bytes)) throw badRequest('bytes_value must be base64-encoded.');
        const value = str !== undefined ? Buffer.from(str, 'utf8') : Buffer.from(bytes as string, 'base64');
        if (value.length > MAX_VALUE_BYTES)
          throw badRequest(`Secret value is ${value.length} bytes; the maximum is ${MAX_VALUE_BYTES} bytes (128 KB).`);
        const exists = await find(scope.name, key);
        if (!exists) {
          const n = await db.one<{ n: bigint }>('SELECT count(*) AS n FROM ws.secrets WHERE lower(scope) = lower(?)', [scope.name]);
          if (Number(n?.n ?? 0) >= MAX_SECRETS)
            throw new ApiError(400, 'RESOURCE_LIMIT_EXCEEDED', `Scope ${scope.name} already holds ${MAX_SECRETS} secrets.`);
        }
        await db.transaction(async (c) => {
          await c.run('DELETE FROM ws.secrets WHERE lower(scope) = lower(?) AND key = ?', [scope.name, key]);
          await c.run('INSERT INTO ws.secrets VALUES (?, ?, ?, ?)', [scope.name, key, blobValue(new Uint8Array(value)), Date.now()]);
        });
        return {};
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/secrets/delete',
      audit: audit('deleteSecret'),
      handler: async (req) => {
        const b = asObject(req.body);
        const scope = await authorizeScope(db, requireString(b, 'scope'), req.principal, 'WRITE');
        readOnly(scope, 'delete');
        const key = requireString(b, 'key');
        if (!(await find(scope.name, key))) throw missingSecret(scope.name, key);
        await db.run('DELETE FROM ws.secrets WHERE lower(scope) = lower(?) AND key = ?', [scope.name, key]);
        return {};
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/secrets/list',
      audit: audit('listSecrets'),
      handler: async (req) => {
        const scope = await authorizeScope(db, requireQuery(req.query, 'scope'), req.principal, 'READ');
        const rows = await db.all<{ key: string; last_updated_timestamp: bigint }>(
          'SELECT key, last_updated_timestamp FROM ws.secrets WHERE lower(scope) = lower(?) ORDER BY key',
          [scope.name],
        );
        const secrets = rows.map((r) => ({ key: r.key, last_updated_timestamp: Number(r.last_updated_timestamp) }));
        return { body: secrets.length ? { secrets } : {} };
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/secrets/get',
      audit: audit('getSecret'),
      handler: async (req) => {
        const scope = await authorizeScope(db, requireQuery(req.query, 'scope'), req.principal, 'READ');
        const key = requireQuery(req.query, 'key');
        const row = await find(scope.name, key);
        if (!row) throw missingSecret(scope.name, key);
        return { body: { key, value: Buffer.from(row.value).toString('base64') }, headers: { 'Cache-Control': 'no-store' } };
      },
    },
  ];
}
