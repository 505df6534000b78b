// Clusters: 2.1 list (cursor paged, filter_by.*), 2.0 list (everything) and get (§6.3). Unknown cluster → 400
// INVALID_PARAMETER_VALUE, as the real service answers (the SDKs rewrite it to "not found").
import { ApiError, type RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest } from '../http/errors';
import { decodePageToken, encodePageToken, requireQuery } from '../http/fields';
import type { WsRoute } from '../http/types';
import type { WorkspaceConfStore } from '../store/workspace-conf';
import { visibleIds } from './visibility';

const MAX_PAGE = 100;

type Cluster = Record<string, unknown>;

export function clusterRoutes(db: SimDb, conf: WorkspaceConfStore): WsRoute[] {
  const all = async (req: RestRequest): Promise<Cluster[]> => {
    const rows = await db.all<{ cluster_id: string; doc: string }>(
      'SELECT cluster_id, doc FROM ws.clusters ORDER BY cluster_name, cluster_id',
    );
    const restricted = !req.principal.isAdmin && conf.get('enforceClusterViewAcls') === 'true';
    const allowed = restricted ? await visibleIds(db, 'clusters', req.principal) : null;
    return rows.filter((r) => !allowed || allowed.has(r.cluster_id)).map((r) => JSON.parse(r.doc) as Cluster);
  };
  const get = async (req: RestRequest) => {
    const id = requireQuery(req.query, 'cluster_id');
    const c = (await all(req)).find((x) => x.cluster_id === id);
    if (!c) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `Cluster ${id} does not exist`);
    return { body: c };
  };
  return [
    {
      method: 'GET',
      path: '/api/2.1/clusters/list',
      handler: async (req) => {
        const q = req.query;
        const list = (k: string) =>
          q
            .getAll(`filter_by.${k}`)
            .flatMap((v) => v.split(','))
            .filter(Boolean);
        const sources = list('cluster_sources');
        const states = list('cluster_states');
        const policy = q.get('filter_by.policy_id');
        const pinned = q.get('filter_by.is_pinned');
        let clusters = (await all(req)).filter(
          (c) =>
            (!sources.length || sources.includes(String(c.cluster_source))) &&
            (!states.length || states.includes(String(c.state))) &&
            (!policy || c.policy_id === policy) &&
            (pinned === null || pinned === 'false'),
        );
        if (q.get('sort_by.direction') === 'DESC') clusters = clusters.reverse();
        const size = q.get('page_size') === null ? MAX_PAGE : Number(q.get('page_size'));
        if (!Number.isInteger(size) || size < 0) throw badRequest('page_size must be a non-negative integer.');
        const pageSize = Math.min(size || MAX_PAGE, MAX_PAGE);
        const offset = decodePageToken(q.get('page_token'));
        const page = clusters.slice(offset, offset + pageSize);
        return {
          body: {
            ...(page.length ? { clusters: page } : {}),
            ...(offset + pageSize < clusters.length ? { next_page_token: encodePageToken(offset + pageSize) } : {}),
            ...(offset > 0 ? { prev_page_token: encodePageToken(Math.max(0, offset - pageSize)) } : {}),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/clusters/list',
      handler: async (req) => {
        const clusters = await all(req);
        return { body: clusters.length ? { clusters } : {} };
      },
    },
    { method: 'GET', path: '/api/2.0/clusters/get', handler: get },
    { method: 'GET', path: '/api/2.1/clusters/get', handler: get },
  ];
}
