// Cluster policies: defaults, ones that restrict node types and enforce auto-termination, and ones that do not.
import type { Rng } from './random';
import { DAY_MS } from './random';

export interface PolicySeedRow {
  policyId: string;
  name: string;
  definition: string;
  description: string | null;
  creator: string | null;
  createdAt: number;
  isDefault: boolean;
  maxClustersPerUser: number | null;
  familyId: string | null;
  /** Groups that get CAN_USE. */
  users: string[];
}

const DEFS: Array<Omit<PolicySeedRow, 'policyId' | 'createdAt' | 'creator'> & { byAdmin: boolean }> = [
  {
    name: 'Personal Compute',
    isDefault: true,
    familyId: 'personal-vm',
    maxClustersPerUser: 1,
    byAdmin: false,
    users: ['users'],
    description: 'Use with small-to-medium data or libraries like pandas and scikit-learn. Spark runs in local mode.',
    definition: {
      'spark_conf.spark.databricks.cluster.profile': { type: 'fixed', value: 'singleNode', hidden: true },
      num_workers: { type: 'fixed', value: 0, hidden: true },
      autotermination_minutes: { type: 'unlimited', defaultValue: 4320, isOptional: true },
    },
  },
  {
    name: 'Job Compute',
    isDefault: true,
    familyId: 'job-cluster',
    maxClustersPerUser: null,
    byAdmin: false,
    users: ['users'],
    description: 'Use for jobs.',
    definition: { cluster_type: { type: 'fixed', value: 'job' } },
  },
  {
    name: 'Data Engineering – Standard',
    isDefault: false,
    familyId: null,
    maxClustersPerUser: 3,
    byAdmin: true,
    users: ['data-engineering', 'data-platform'],
    description: 'Approved node types, 60 minute auto-termination, Unity Catalog single-user mode.',
    definition: {
      node_type_id: {
        type: 'allowlist',
        values: ['Standard_D8ds_v5', 'Standard_E8ds_v5', 'Standard_D16ds_v5'],
        defaultValue: 'Standard_D8ds_v5',
      },
      driver_node_type_id: { type: 'allowlist', values: ['Standard_D8ds_v5', 'Standard_E8ds_v5'] },
      autotermination_minutes: { type: 'fixed', value: 60 },
      data_security_mode: { type: 'fixed', value: 'SINGLE_USER' },
      'custom_tags.CostCenter': { type: 'fixed', value: 'DE-1042' },
    },
  },
  {
    name: 'Data Science – GPU',
    isDefault: false,
    familyId: null,
    maxClustersPerUser: 1,
    byAdmin: true,
    users: ['data-science', 'ml-engineering'],
    description: 'GPU nodes for model training; terminates after 10–120 idle minutes.',
    definition: {
      node_type_id: { type: 'regex', pattern: 'Standard_NC[0-9]+s_v3' },
      autotermination_minutes: { type: 'range', minValue: 10, maxValue: 120, defaultValue: 60 },
      spark_version: { type: 'regex', pattern: '1[45]\\.[0-9]+\\.x-gpu-ml-scala2\\.12' },
    },
  },
  {
    name: 'Analysts – Small',
    isDefault: false,
    familyId: null,
    maxClustersPerUser: 2,
    byAdmin: true,
    users: ['analytics', 'bi-developers', 'finance-analysts'],
    description: 'Small shared clusters for SQL and notebooks.',
    definition: {
      node_type_id: { type: 'fixed', value: 'Standard_DS3_v2' },
      autotermination_minutes: { type: 'unlimited', defaultValue: 30 },
      'autoscale.max_workers': { type: 'range', maxValue: 4 },
    },
  },
  {
    name: 'Cost Guardrail',
    isDefault: false,
    familyId: null,
    maxClustersPerUser: null,
    byAdmin: true,
    users: ['claims-analytics', 'actuarial'],
    description: 'Caps DBUs; blocks the largest nodes.',
    definition: {
      dbus_per_hour: { type: 'range', maxValue: 20 },
      node_type_id: { type: 'blocklist', values: ['Standard_E64ds_v5', 'Standard_NC24s_v3'] },
      autotermination_minutes: { type: 'range', minValue: 0, maxValue: 240, defaultValue: 120 },
    },
  },
  {
    name: 'Legacy – Unrestricted',
    isDefault: false,
    familyId: null,
    maxClustersPerUser: null,
    byAdmin: false,
    users: ['contractors', 'data-engineering'],
    description: 'Created during the Hive metastore migration. TODO: retire.',
    definition: { spark_version: { type: 'unlimited', defaultValue: '12.2.x-scala2.12' } },
  },
].map((d) => ({ ...d, definition: JSON.stringify(d.definition) }));

/** `creatorAt` names someone (an admin, or anyone) who was in the workspace at the given time, with when they joined. */
export function seedPolicies(
  rng: Rng,
  now: number,
  creatorAt: (byAdmin: boolean, at: number) => { name: string; joined: number },
): PolicySeedRow[] {
  return DEFS.map(({ byAdmin, ...d }) => {
    const wanted = now - rng.int(60, 900) * DAY_MS;
    if (d.isDefault) return { ...d, policyId: rng.hex(16).toUpperCase(), createdAt: wanted, creator: null };
    const who = creatorAt(byAdmin, wanted);
    return { ...d, policyId: rng.hex(16).toUpperCase(), createdAt: Math.max(wanted, who.joined + DAY_MS), creator: who.name };
  });
}
