// Check 7: automated workflows run as service principals. A job whose run-as is a person stops (or keeps that person's
// access alive) when they leave, and acts with everything that person may do.
import 'server-only';
import { getJob, type JobRecord } from '@/lib/databricks/api/jobs';
import { upstreamReason } from '@/lib/databricks/upstream';
import { loadJobs } from '@/lib/jobs/server/load';
import type { CheckMeta, Evidence, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { defineCheck, evidence, workspaceUrl, type CheckContext, type JudgeEnv } from './define';
import { visibilityGap, type IdentityScope } from './shared';

export type RunAsKind = 'person' | 'service_principal' | 'group' | 'unknown';

export interface JobRunAs {
  jobId: string;
  name: string;
  runAs: string | null;
  kind: RunAsKind;
  paused: boolean;
}

export interface JobsRunAsInput {
  jobs: JobRunAs[];
  scope: IdentityScope;
  /** Jobs whose run-as could not be read. */
  unresolved: string[];
}

export const jobsRunAsMeta: CheckMeta = {
  id: 'jobs-run-as',
  number: 7,
  title: 'Automated workflows run as service principals',
  category: 'Identity and access',
  severity: 'medium',
  reads: [{ what: 'Every job and whom it runs as (/api/2.2/jobs/list)', permission: 'Workspace admin, or CAN_VIEW on every job' }],
  judges:
    'Fails for every job whose run-as identity is a person rather than a service principal, paused ones included (they run as that person when started).',
  fix: {
    text: 'Set each job’s "Run as" to a service principal (job settings → Run as), so it neither breaks nor keeps a person’s access alive when they leave.',
    label: 'Open Jobs in Databricks',
    href: '/jobs',
    external: true,
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `settings.run_as` names the kind; else run_as_user_name: an application id (UUID) is a service principal, a userName a person. */
export function runAsOf(job: JobRecord): { runAs: string | null; kind: RunAsKind } {
  const r = job.settings?.run_as;
  if (r?.service_principal_name) return { runAs: r.service_principal_name, kind: 'service_principal' };
  if (r?.user_name) return { runAs: r.user_name, kind: 'person' };
  if (r?.group_name) return { runAs: r.group_name, kind: 'group' };
  const name = job.run_as_user_name ?? null;
  if (!name) return { runAs: null, kind: 'unknown' };
  return { runAs: name, kind: UUID.test(name) ? 'service_principal' : 'person' };
}

const LOOKUP_CONCURRENCY = 6;

export async function jobsRunAsInput(ctx: CheckContext): Promise<JobsRunAsInput> {
  const { ws } = ctx;
  const [listed, scope] = await Promise.all([loadJobs(ws), ctx.shared.scope()]);
  const jobs = listed.map((j) => ({ job: j, ...runAsOf(j) }));
  const unresolved: string[] = [];
  // A list answer without run-as (the SDK's model has none): ask for those jobs one by one.
  const missing = jobs.filter((j) => j.kind === 'unknown');
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const j = missing[next++]!;
      try {
        Object.assign(j, runAsOf(await getJob(ws.rest, j.job.job_id)));
      } catch (e) {
        unresolved.push(`${j.job.settings?.name ?? j.job.job_id}: ${upstreamReason(e)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, missing.length) }, worker));
  return {
    jobs: jobs.map((j) => ({
      jobId: j.job.job_id,
      name: j.job.settings?.name ?? `Job ${j.job.job_id}`,
      runAs: j.runAs,
      kind: j.kind,
      paused: j.job.settings?.schedule?.pause_status === 'PAUSED',
    })),
    scope,
    unresolved,
  };
}

export function judgeJobsRunAs(input: JobsRunAsInput, { host }: JudgeEnv) {
  const items: Evidence[] = input.jobs
    .filter((j) => j.kind === 'person')
    .sort((a, b) => Number(a.paused) - Number(b.paused) || a.name.localeCompare(b.name))
    .map((j) =>
      evidence(
        `job:${j.jobId}`,
        j.name,
        `Runs as ${j.runAs}${j.paused ? ' (schedule paused)' : ''}`,
        workspaceUrl(host, `/jobs/${encodeURIComponent(j.jobId)}`),
      ),
    );
  const gaps: Gap[] = [];
  const hidden = visibilityGap(input.scope, 'jobs', 'job', input.jobs.length);
  if (hidden) gaps.push(hidden);
  const unknown = input.jobs.filter((j) => j.kind === 'unknown').length;
  if (unknown)
    gaps.push({
      text: `Whom ${plural(unknown, 'job')} ${unknown === 1 ? 'runs' : 'run'} as could not be read (${input.unresolved.slice(0, 3).join('; ')})`,
      needs: null,
    });
  const sps = input.jobs.filter((j) => j.kind === 'service_principal').length;
  return verdictFrom({
    evidence: items,
    gaps,
    passReason: input.jobs.length
      ? `All ${plural(input.jobs.length, 'job')} run as service principals.`
      : 'There are no jobs in the workspace.',
    failReason: (e) =>
      `${plural(e.length, 'job')} of ${input.jobs.length} ${e.length === 1 ? 'runs' : 'run'} as a person (${sps} as service principals).`,
  });
}

export const jobsRunAsCheck = defineCheck(jobsRunAsMeta, jobsRunAsInput, judgeJobsRunAs);
