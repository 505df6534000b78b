// Jobs (API reference §9), Jobs API 2.2, cursor-paged (at most 100 a page). One listing serves two readers: who each
// job runs as (posture) and the clusters its runs start (secrets in cluster settings). With expand_tasks Databricks
// returns at most 100 tasks and job clusters per job and sets the job's `has_more`; the rest would need jobs/get.
// The SDK's list model has no `run_as_user_name`, yet real list answers carry it (SAT relies on it); `settings.run_as`
// says the kind outright. Where neither is there, `jobs/get` is asked for that job.
import 'server-only';
import { z } from 'zod';
import { DatabricksError } from '@/lib/databricks/errors';
import type { RestClient } from '@/lib/databricks/rest-client';
import { listOf } from '@/lib/databricks/schemas';
import { clusterSpec, type ClusterSpec } from './compute-settings';

const PAGE_SIZE = 100;
/** 10,000 saved jobs is Databricks' limit per workspace (§14): 100 pages. More means the server never ends. */
const MAX_PAGES = 120;

const runAs = z.object({
  user_name: z.string().nullish(),
  service_principal_name: z.string().nullish(),
  group_name: z.string().nullish(),
});

const job = z.object({
  job_id: z.coerce.string(),
  creator_user_name: z.string().nullish(),
  created_time: z.number().nullish(),
  run_as_user_name: z.string().nullish(),
  has_more: z.boolean().nullish(),
  settings: z
    .object({
      name: z.string().nullish(),
      run_as: runAs.nullish(),
      schedule: z.object({ pause_status: z.string().nullish() }).nullish(),
      job_clusters: listOf(z.object({ job_cluster_key: z.string(), new_cluster: clusterSpec.nullish() })),
      tasks: listOf(z.object({ task_key: z.string(), new_cluster: clusterSpec.nullish() })),
    })
    .nullish(),
});
const page = z.object({ jobs: listOf(job), has_more: z.boolean().nullish(), next_page_token: z.string().nullish() });

/** A job as Databricks lists it (with its tasks expanded). */
export type JobRecord = z.output<typeof job>;

/** Every job the caller may see (with job view ACLs on, a non-admin sees only the jobs it has a permission on). */
export async function listJobs(rest: RestClient, signal?: AbortSignal): Promise<JobRecord[]> {
  const out: JobRecord[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await rest.get('/api/2.2/jobs/list', page, { query: { limit: PAGE_SIZE, expand_tasks: true, page_token: token }, signal });
    out.push(...res.jobs);
    token = res.next_page_token ?? undefined;
    if (!token || res.has_more === false) return out;
  }
  // A listing cut short would hide objects; better to say it could not be read.
  throw new DatabricksError(0, 'UNEXPECTED_RESPONSE', `jobs/list did not end within ${MAX_PAGES} pages`);
}

/** One job, for its `run_as_user_name` when the list left it out. */
export async function getJob(rest: RestClient, jobId: string, signal?: AbortSignal): Promise<JobRecord> {
  return rest.get('/api/2.2/jobs/get', job, { query: { job_id: jobId }, signal });
}

/** What the secrets area reads of a job: the clusters its runs start. */
export interface JobInfo {
  jobId: string;
  name: string;
  jobClusters: Array<{ key: string; cluster: ClusterSpec }>;
  tasks: Array<{ key: string; cluster: ClusterSpec }>;
  /** Databricks cut the tasks or job clusters at 100: the rest were not read. */
  truncated: boolean;
}

export function clustersOfJob(j: JobRecord): JobInfo {
  const s = j.settings;
  return {
    jobId: j.job_id,
    name: s?.name || `job ${j.job_id}`,
    jobClusters: (s?.job_clusters ?? []).flatMap((c) => (c.new_cluster ? [{ key: c.job_cluster_key, cluster: c.new_cluster }] : [])),
    tasks: (s?.tasks ?? []).flatMap((t) => (t.new_cluster ? [{ key: t.task_key, cluster: t.new_cluster }] : [])),
    truncated: j.has_more === true,
  };
}
