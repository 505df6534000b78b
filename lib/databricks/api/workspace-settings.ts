// Workspace-wide security settings (API reference §4 and §5): workspace-conf keys and the IP access lists. Both are
// workspace-admin reads; workspace-conf answers every value as a string, and an unset key as null or not at all.
import 'server-only';
import { z } from 'zod';
import type { RestClient } from '@/lib/databricks/rest-client';
import { listOf } from '@/lib/databricks/schemas';

/** The raw values of `keys` (null when unset). */
export async function getWorkspaceConf<K extends string>(
  rest: RestClient,
  keys: readonly K[],
  signal?: AbortSignal,
): Promise<Record<K, string | null>> {
  const res = await rest.get('/api/2.0/workspace-conf', z.record(z.string(), z.string().nullish()), {
    query: { keys: keys.join(',') },
    signal,
  });
  return Object.fromEntries(keys.map((k) => [k, res[k] ?? null])) as Record<K, string | null>;
}

const ipAccessList = z.object({
  list_id: z.string(),
  label: z.string().nullish(),
  list_type: z.string(),
  enabled: z.boolean().nullish(),
  address_count: z.number().nullish(),
  ip_addresses: listOf(z.string()),
});
export type IpAccessList = z.output<typeof ipAccessList>;

export async function listIpAccessLists(rest: RestClient, signal?: AbortSignal): Promise<IpAccessList[]> {
  return (await rest.get('/api/2.0/ip-access-lists', z.object({ ip_access_lists: listOf(ipAccessList) }), { signal })).ip_access_lists;
}
