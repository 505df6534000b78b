// All-purpose clusters (Clusters API 2.1 list, cursor-paged). Only what Brickwatch reads: identity and the settings
// where credentials can sit. Non-admins see the clusters they may see (cluster view ACLs).
import 'server-only';
import { z } from 'zod';
import { DatabricksError } from '@/lib/databricks/errors';
import type { RestClient } from '@/lib/databricks/rest-client';
import { listOf } from '@/lib/databricks/schemas';
import { clusterSpec, type ClusterSpec } from './compute-settings';

const PAGE = 100;
/** A runaway guard against a server that never ends the listing (100,000 clusters). */
const MAX_PAGES = 1_000;

const cluster = clusterSpec.extend({ cluster_id: z.string(), cluster_name: z.string().nullish() });
const page = z.object({ clusters: listOf(cluster), next_page_token: z.string().nullish() });

export interface ClusterInfo extends ClusterSpec {
  clusterId: string;
  name: string;
}

export async function listAllClusters(rest: RestClient, signal?: AbortSignal): Promise<ClusterInfo[]> {
  const out: ClusterInfo[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await rest.get('/api/2.1/clusters/list', page, { query: { page_size: PAGE, page_token: token }, signal });
    for (const c of res.clusters)
      out.push({
        clusterId: c.cluster_id,
        name: c.cluster_name ?? c.cluster_id,
        spark_env_vars: c.spark_env_vars,
        spark_conf: c.spark_conf,
      });
    // A page may be empty and still carry a token: stop only when there is none.
    if (!res.next_page_token) return out;
    token = res.next_page_token;
  }
  throw new DatabricksError(0, 'UNEXPECTED_RESPONSE', `clusters/list did not end within ${MAX_PAGES} pages`);
}
