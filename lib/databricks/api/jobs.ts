// Jobs (Jobs API 2.2 list with expand_tasks, cursor-paged). Only what Brickwatch reads: the job's identity and the
// clusters its runs start (shared job clusters and tasks' own new clusters). With expand_tasks Databricks returns at
// most 100 tasks and job clusters per job and sets the job's `has_more`; the rest would need jobs/get.
import 'server-only';
import { z } from 'zod';
import { DatabricksError } from '@/lib/databricks/errors';
import type { RestClient } from '@/lib/databricks/rest-client';
import { listOf } from '@/lib/databricks/schemas';
import { clusterSpec, type ClusterSpec } from './compute-settings';

const PAGE = 100;
/** A runaway guard (100,000 jobs; Databricks allows 10,000 saved jobs per workspace). */
const MAX_PAGES = 1_000;

const job = z.object({
  job_id: z.coerce.string(),
  has_more: z.boolean().nullish(),
  settings: z
    .object({
      name: z.string().nullish(),
      job_clusters: listOf(z.object({ job_cluster_key: z.string(), new_cluster: clusterSpec.nullish() })),
      tasks: listOf(z.object({ task_key: z.string(), new_cluster: clusterSpec.nullish() })),
    })
    .nullish(),
});
const page = z.object({ jobs: listOf(job), has_more: z.boolean().nullish(), next_page_token: z.string().nullish() });

export interface JobInfo {
  jobId: string;
  name: string;
  jobClusters: Array<{ key: string; cluster: ClusterSpec }>;
  tasks: Array<{ key: string; cluster: ClusterSpec }>;
  /** Databricks cut the tasks or job clusters at 100: the rest were not read. */
  truncated: boolean;
}

export async function listAllJobs(rest: RestClient, signal?: AbortSignal): Promise<JobInfo[]> {
  const out: JobInfo[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await rest.get('/api/2.2/jobs/list', page, { query: { limit: PAGE, expand_tasks: true, page_token: token }, signal });
    for (const j of res.jobs) {
      const s = j.settings;
      out.push({
        jobId: j.job_id,
        name: s?.name || `job ${j.job_id}`,
        jobClusters: (s?.job_clusters ?? []).flatMap((c) => (c.new_cluster ? [{ key: c.job_cluster_key, cluster: c.new_cluster }] : [])),
        tasks: (s?.tasks ?? []).flatMap((t) => (t.new_cluster ? [{ key: t.task_key, cluster: t.new_cluster }] : [])),
        truncated: j.has_more === true,
      });
    }
    if (!res.next_page_token || res.has_more === false) return out;
    token = res.next_page_token;
  }
  throw new DatabricksError(0, 'UNEXPECTED_RESPONSE', `jobs/list did not end within ${MAX_PAGES} pages`);
}
