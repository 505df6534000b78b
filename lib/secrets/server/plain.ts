// GET /api/secrets/plain-credentials: every cluster and job this identity can see, their Spark environment variables
// and Spark config (shared job clusters and tasks' own new clusters included), run through the detector. Values are
// looked at here and never leave; a source that cannot be read is said so, never reported as clean.
import 'server-only';
import { listAllClusters, type ClusterInfo } from '@/lib/databricks/api/clusters';
import type { ClusterSpec } from '@/lib/databricks/api/compute-settings';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { clustersOfJob, type JobInfo } from '@/lib/databricks/api/jobs';
import { upstreamReason } from '@/lib/databricks/upstream';
import { loadJobs } from '@/lib/jobs/server/load';
import { cachedRead } from '@/lib/read-cache';
import type { PlainCredentialsResponse } from '@/lib/secrets/contract';
import { detectPlainCredentials, type CredentialSource } from '@/lib/secrets/rules/plain-credentials';
import { loadActor } from './actor';
import { PLAIN_READ } from './cache';

const ENV = 'Environment variables';
const CONF = 'Spark config';

function specSources(
  base: Pick<CredentialSource, 'objectType' | 'objectId' | 'objectName'>,
  spec: ClusterSpec,
  where: string | null,
): CredentialSource[] {
  const at = (what: string) => (where ? `${where} · ${what}` : what);
  return [
    { ...base, location: at(ENV), entries: spec.spark_env_vars },
    { ...base, location: at(CONF), entries: spec.spark_conf },
  ];
}

export function clusterSources(clusters: readonly ClusterInfo[]): CredentialSource[] {
  return clusters.flatMap((c) => specSources({ objectType: 'cluster', objectId: c.clusterId, objectName: c.name }, c, null));
}

export function jobSources(jobs: readonly JobInfo[]): CredentialSource[] {
  return jobs.flatMap((j) => {
    const base = { objectType: 'job' as const, objectId: j.jobId, objectName: j.name };
    return [
      ...j.jobClusters.flatMap((c) => specSources(base, c.cluster, `Job cluster ${c.key}`)),
      ...j.tasks.flatMap((t) => specSources(base, t.cluster, `Task ${t.key}`)),
    ];
  });
}

async function settle<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    return { ok: false, reason: upstreamReason(e) };
  }
}

async function readPlainCredentials(ws: Workspace): Promise<PlainCredentialsResponse> {
  const [clusters, jobs, actor] = await Promise.all([
    settle(listAllClusters(ws.rest)),
    settle(loadJobs(ws).then((jobs) => jobs.map(clustersOfJob))),
    loadActor(ws),
  ]);
  const notices: PlainCredentialsResponse['notices'] = [];
  if (actor.workspaceAdmin !== true)
    notices.push({
      code: 'partial_view',
      message: `Only the clusters and jobs Databricks shows ${actor.name}${actor.workspaceAdmin === false ? ' (not a workspace admin)' : ''} were checked; others may hold credentials too.`,
    });
  const truncated = jobs.ok ? jobs.value.filter((j) => j.truncated).length : 0;
  if (truncated)
    notices.push({
      code: 'jobs_truncated',
      message: `${truncated === 1 ? 'One job has' : `${truncated} jobs have`} more than 100 tasks or job clusters; only the first 100 were checked.`,
    });
  const sources = [...(clusters.ok ? clusterSources(clusters.value) : []), ...(jobs.ok ? jobSources(jobs.value) : [])];
  return {
    readAt: Date.now(),
    sources: {
      clusters: clusters.ok ? { checked: clusters.value.length, reason: null } : { checked: null, reason: clusters.reason },
      jobs: jobs.ok ? { checked: jobs.value.length, reason: null } : { checked: null, reason: jobs.reason },
    },
    notices,
    findings: detectPlainCredentials(sources),
  };
}

export function loadPlainCredentials(ws: Workspace): Promise<PlainCredentialsResponse> {
  return cachedRead(ws, 'secrets.plain', PLAIN_READ, () => readPlainCredentials(ws));
}
