// The parts of a cluster spec that can hold credentials: its Spark environment variables and Spark configuration.
// Shared by the clusters and jobs bindings; values are kept as strings (Databricks sends strings; a number or boolean
// from an odd client is written back as text rather than dropped).
import 'server-only';
import { z } from 'zod';

const settings = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((m): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(m ?? {})) if (v !== null && v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    return out;
  });

export const clusterSpec = z.object({ spark_env_vars: settings, spark_conf: settings });
export type ClusterSpec = z.output<typeof clusterSpec>;
