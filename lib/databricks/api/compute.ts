// Clusters and cluster policies (API reference §6): the policies with their definitions, and the clusters that use
// them (or none). `/api/2.1/clusters/list` pages by cursor; policies come in one answer.
import 'server-only';
import { z } from 'zod';
import { DatabricksError } from '@/lib/databricks/errors';
import type { RestClient } from '@/lib/databricks/rest-client';
import { listOf } from '@/lib/databricks/schemas';

const policy = z.object({
  policy_id: z.string(),
  name: z.string(),
  /** A JSON document encoded as a string. */
  definition: z.string().nullish(),
  policy_family_id: z.string().nullish(),
  policy_family_definition_overrides: z.string().nullish(),
  is_default: z.boolean().nullish(),
  creator_user_name: z.string().nullish(),
});
export type ClusterPolicy = z.output<typeof policy>;

/** Every cluster policy the caller may use (admins: all of them). */
export async function listClusterPolicies(rest: RestClient, signal?: AbortSignal): Promise<ClusterPolicy[]> {
  return (await rest.get('/api/2.0/policies/clusters/list', z.object({ policies: listOf(policy) }), { signal })).policies;
}

const cluster = z.object({
  cluster_id: z.string(),
  cluster_name: z.string().nullish(),
  creator_user_name: z.string().nullish(),
  policy_id: z.string().nullish(),
  cluster_source: z.string().nullish(),
  state: z.string().nullish(),
  autotermination_minutes: z.number().nullish(),
});
export type ClusterInfo = z.output<typeof cluster>;

const clusterPage = z.object({ clusters: listOf(cluster), next_page_token: z.string().nullish() });

/** All-purpose clusters are the ones people (UI) and scripts (API) create; job and pipeline clusters end with their run. */
export const ALL_PURPOSE_SOURCES = ['UI', 'API'] as const;

const MAX_PAGES = 200;

/** All-purpose clusters the caller may see (with cluster view ACLs on, a non-admin sees only its own). */
export async function listAllPurposeClusters(rest: RestClient, signal?: AbortSignal): Promise<ClusterInfo[]> {
  const out: ClusterInfo[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await rest.get('/api/2.1/clusters/list', clusterPage, {
      query: { page_size: 100, page_token: token, 'filter_by.cluster_sources': [...ALL_PURPOSE_SOURCES] },
      signal,
    });
    out.push(...res.clusters);
    token = res.next_page_token ?? undefined;
    if (!token) return out;
  }
  // A listing cut short would hide objects; better to say it could not be read.
  throw new DatabricksError(0, 'UNEXPECTED_RESPONSE', `clusters/list did not end within ${MAX_PAGES} pages`);
}
