// workspace-conf (§4): string values only, admin only, unknown keys → 400 `Invalid keys: [...]`, values outside a
// key's domain → 400 `Some values are not allowed: {...}` (Terraform parses both prefixes). Also under /preview.
import { ApiError, type RestRequest } from '../core/contract';
import { forbidden } from '../http/errors';
import { asObject, requireQuery } from '../http/fields';
import type { WsRoute } from '../http/types';
import { CONF_VALIDATORS, type WorkspaceConfStore } from '../store/workspace-conf';

const invalidKeys = (keys: string[]) => new ApiError(400, 'INVALID_REQUEST', `Invalid keys: ${JSON.stringify(keys)}`);

export function workspaceConfRoutes(conf: WorkspaceConfStore): WsRoute[] {
  const deny = (req: RestRequest, action: 'ReadAction' | 'WriteAction', key: string) => {
    if (!req.principal.isAdmin) throw forbidden(`${req.principal.name} is unauthorized to perform ${action} on /org_admin_conf/${key}`);
  };
  return ['/api/2.0/workspace-conf', '/api/2.0/preview/workspace-conf'].flatMap((path): WsRoute[] => [
    {
      method: 'GET',
      path,
      handler: async (req) => {
        const keys = requireQuery(req.query, 'keys')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean);
        deny(req, 'ReadAction', keys[0] ?? '');
        const unknown = keys.filter((k) => !(k in CONF_VALIDATORS));
        if (unknown.length) throw invalidKeys(unknown);
        return { body: Object.fromEntries(keys.map((k) => [k, conf.get(k)])) };
      },
    },
    {
      method: 'PATCH',
      path,
      audit: {
        service: 'workspace',
        action: 'workspaceConfEdit',
        params: (req) =>
          Object.entries(asObjectOrEmpty(req.body)).map(([k, v]) => ({ workspaceConfKeys: k, workspaceConfValues: String(v) })),
      },
      handler: async (req) => {
        const body = asObject(req.body);
        const keys = Object.keys(body);
        deny(req, 'WriteAction', keys[0] ?? '');
        const unknown = keys.filter((k) => !(k in CONF_VALIDATORS));
        if (unknown.length) throw invalidKeys(unknown);
        const bad = Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v !== 'string' || !CONF_VALIDATORS[k]?.(v)));
        if (Object.keys(bad).length) throw new ApiError(400, 'INVALID_REQUEST', `Some values are not allowed: ${JSON.stringify(bad)}`);
        await conf.set(body as Record<string, string>);
        return {};
      },
    },
  ]);
}

function asObjectOrEmpty(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
