// Jobs (API reference §9): who automated workflows run as. `/api/2.2/jobs/list` pages by cursor (at most 100 a page).
// The SDK's list model has no `run_as_user_name`, yet real list answers carry it (SAT relies on it); `settings.run_as`
// says the kind outright. Where neither is there, `jobs/get` is asked for that job.
import 'server-only';
import { z } from 'zod';
import { DatabricksError } from '@/lib/databricks/errors';
import type { RestClient } from '@/lib/databricks/rest-client';
import { listOf } from '@/lib/databricks/schemas';

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
  settings: z
    .object({
      name: z.string().nullish(),
      run_as: runAs.nullish(),
      schedule: z.object({ pause_status: z.string().nullish() }).nullish(),
    })
    .nullish(),
});
export type JobInfo = z.output<typeof job>;

const page = z.object({ jobs: listOf(job), has_more: z.boolean().nullish(), next_page_token: z.string().nullish() });

const PAGE_SIZE = 100;
/** 10,000 saved jobs is Databricks' limit per workspace (§14): 100 pages. More means the server never ends. */
const MAX_PAGES = 120;

/** Every job the caller may see (with job view ACLs on, a non-admin sees only the jobs it has a permission on). */
export async function listJobs(rest: RestClient, signal?: AbortSignal): Promise<JobInfo[]> {
  const out: JobInfo[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await rest.get('/api/2.2/jobs/list', page, { query: { limit: PAGE_SIZE, page_token: token }, signal });
    out.push(...res.jobs);
    token = res.next_page_token ?? undefined;
    if (!token || res.has_more === false) return out;
  }
  // A listing cut short would hide objects; better to say it could not be read.
  throw new DatabricksError(0, 'UNEXPECTED_RESPONSE', `jobs/list did not end within ${MAX_PAGES} pages`);
}

/** One job, for its `run_as_user_name` when the list left it out. */
export async function getJob(rest: RestClient, jobId: string, signal?: AbortSignal): Promise<JobInfo> {
  return rest.get('/api/2.2/jobs/get', job, { query: { job_id: jobId }, signal });
}
