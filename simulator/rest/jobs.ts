// Jobs 2.2 (and 2.1) list/get (§9). List includes run_as_user_name (SAT relies on it); without expand_tasks the
// settings carry no tasks / job_clusters. With enableJobViewAcls a non-admin sees only jobs they have a permission on.
import { ApiError, type RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest, forbidden } from '../http/errors';
import { decodePageToken, encodePageToken, requireQuery } from '../http/fields';
import type { WsRoute } from '../http/types';
import type { WorkspaceConfStore } from '../store/workspace-conf';
import { visibleIds } from './visibility';

type Job = Record<string, unknown> & { job_id: number; settings: Record<string, unknown> };

export function jobRoutes(db: SimDb, conf: WorkspaceConfStore): WsRoute[] {
  const allowed = async (req: RestRequest) =>
    !req.principal.isAdmin && conf.get('enableJobViewAcls') === 'true' ? visibleIds(db, 'jobs', req.principal) : null;

  const list = async (req: RestRequest) => {
    const q = req.query;
    const limit = q.get('limit') === null ? 20 : Number(q.get('limit'));
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest('limit must be between 1 and 100.');
    const offset = q.get('page_token') ? decodePageToken(q.get('page_token')) : Number(q.get('offset') ?? 0);
    if (!Number.isInteger(offset) || offset < 0) throw badRequest('offset must be a non-negative integer.');
    const name = q.get('name');
    // Ids first, documents for one page only: a walk through 2,000 jobs must not parse every job on every page.
    const ids = await db.all<{ job_id: bigint }>(
      `SELECT job_id FROM ws.jobs ${name ? 'WHERE lower(name) = lower(?)' : ''} ORDER BY job_id`,
      name ? [name] : [],
    );
    const visible = await allowed(req);
    const jobs = ids.filter((r) => !visible || visible.has(String(r.job_id)));
    const pageIds = jobs.slice(offset, offset + limit).map((r) => r.job_id);
    const docs = pageIds.length
      ? await db.all<{ doc: string }>(
          `SELECT doc FROM ws.jobs WHERE job_id IN (${pageIds.map(() => '?').join(', ')}) ORDER BY job_id`,
          pageIds,
        )
      : [];
    const page = docs.map((r) => listJob(JSON.parse(r.doc) as Job, q.get('expand_tasks') === 'true'));
    const more = offset + limit < jobs.length;
    return {
      body: {
        ...(page.length ? { jobs: page } : {}),
        has_more: more,
        ...(more ? { next_page_token: encodePageToken(offset + limit) } : {}),
        ...(offset > 0 ? { prev_page_token: encodePageToken(Math.max(0, offset - limit)) } : {}),
      },
    };
  };

  const get = async (req: RestRequest) => {
    const raw = requireQuery(req.query, 'job_id');
    const row = /^\d+$/.test(raw) ? await db.one<{ doc: string }>('SELECT doc FROM ws.jobs WHERE job_id = ?', [BigInt(raw)]) : undefined;
    if (!row) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `Job ${raw} does not exist.`);
    const visible = await allowed(req);
    if (visible && !visible.has(raw)) throw forbidden(`${req.principal.name} does not have permission to view job ${raw}.`);
    return { body: JSON.parse(row.doc) as Job };
  };

  return ['2.2', '2.1'].flatMap((v): WsRoute[] => [
    { method: 'GET', path: `/api/${v}/jobs/list`, handler: list },
    { method: 'GET', path: `/api/${v}/jobs/get`, handler: get },
  ]);
}

function listJob(job: Job, expandTasks: boolean): Job {
  if (expandTasks) return job;
  const { tasks: _tasks, job_clusters: _clusters, ...settings } = job.settings;
  return { ...job, settings };
}
