// All-purpose clusters, job clusters and jobs. Some carry plain credentials in spark_env_vars / spark_conf next to
// ones that use {{secrets/scope/key}} references (in a shared job cluster, or in each task's own new_cluster); some
// run as people, some as service principals.
import type { Scale } from '../core/contract';
import type { PrincipalRecord } from '../identity/store';
import type { Roster } from './lifecycle';
import { JOB_SUBJECTS, NODE_TYPES, SPARK_VERSIONS } from './names';
import type { PolicySeedRow } from './policies';
import { DAY_MS, type Rng } from './random';

export interface ClusterSeedRow {
  clusterId: string;
  name: string;
  creator: string;
  doc: Record<string, unknown>;
}
export interface JobSeedRow {
  jobId: number;
  name: string;
  createdTime: number;
  creator: PrincipalRecord;
  owner: PrincipalRecord;
  paused: boolean;
  doc: Record<string, unknown>;
}

const PLAIN_ENV: Array<[string, (r: Rng) => string]> = [
  ['SNOWFLAKE_PASSWORD', (r) => `Sn0w${r.int(100, 999)}!prod`],
  ['AWS_SECRET_ACCESS_KEY', (r) => Buffer.from(r.hex(30), 'hex').toString('base64').slice(0, 40)],
  ['SALESFORCE_TOKEN', (r) => `00D${r.hex(12)}!AQ${r.hex(20)}`],
  ['POSTGRES_PASSWORD', (r) => `claims_${r.hex(10)}`],
];
const SECRET_ENV: Array<[string, string]> = [
  ['SNOWFLAKE_PASSWORD', '{{secrets/prod-etl/snowflake-password}}'],
  ['KAFKA_SASL_PASSWORD', '{{secrets/kafka-ingest/sasl-password}}'],
  ['HF_TOKEN', '{{secrets/ml-platform/huggingface-token}}'],
  ['POSTGRES_PASSWORD', '{{secrets/etl-orchestrator/postgres-password}}'],
];
const STORAGE = 'harborpinedatalake';

/** `plain`: which PLAIN_ENV entry a plain-credential cluster carries (random unless the story fixes it). */
function sparkSettings(rng: Rng, mode: 'plain' | 'secret' | 'mixed' | 'none', plain?: number) {
  const env: Record<string, string> = { PYSPARK_PYTHON: '/databricks/python3/bin/python3' };
  const conf: Record<string, string> = { 'spark.sql.shuffle.partitions': 'auto' };
  if (mode === 'plain' || mode === 'mixed') {
    const [k, v] = plain === undefined ? rng.pick(PLAIN_ENV) : (PLAIN_ENV[plain] as (typeof PLAIN_ENV)[number]);
    env[k] = v(rng);
    if (rng.chance(0.5)) conf[`fs.azure.account.key.${STORAGE}.dfs.core.windows.net`] = Buffer.from(rng.hex(64), 'hex').toString('base64');
  }
  if (mode === 'secret' || mode === 'mixed') {
    const [k, v] = rng.pick(SECRET_ENV);
    env[k] = v;
    conf[`fs.azure.account.key.${STORAGE}.dfs.core.windows.net`] ??= '{{secrets/akv-prod-keys/storage-account-key}}';
  }
  return { spark_env_vars: env, spark_conf: conf };
}

const credentialMode = (rng: Rng) => rng.pick(['plain', 'secret', 'mixed', 'none', 'none', 'secret'] as const);

/** `people`: who may create clusters; a cluster's creator had joined before it last started. */
export function seedClusters(rng: Rng, scale: Scale, now: number, people: Roster, policies: PolicySeedRow[]): ClusterSeedRow[] {
  const count = scale === 'large' ? 500 : 14;
  const named = [
    'claims-etl-shared',
    'ds-gpu-training',
    'analyst-sql-small',
    'finance-month-end',
    'adhoc-exploration',
    'telematics-streaming',
    'fraud-model-dev',
    'bi-extracts',
  ];
  const rows: ClusterSeedRow[] = [];
  for (let i = 0; i < count; i++) {
    const start = now - rng.int(0, 40) * DAY_MS - rng.int(7, 16) * 3_600_000;
    const lastActivity = start + rng.int(1, 5) * 3_600_000;
    const creator = (people.pick(rng, start - 7 * DAY_MS) ?? people.earliest()).name;
    const policy = i % 3 === 2 ? null : rng.pick(policies.filter((p) => !p.isDefault || p.name === 'Personal Compute'));
    const name = named[i] ?? `${creator.split('@')[0]}'s cluster ${i}`;
    const clusterId = `${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}-${String(rng.int(0, 235959)).padStart(6, '0')}-${rng.hex(8)}`;
    const mode = (['plain', 'secret', 'mixed', 'plain'] as const)[i] ?? credentialMode(rng);
    const running = rng.chance(0.35);
    const securityMode = rng.pick(['SINGLE_USER', 'USER_ISOLATION', 'USER_ISOLATION', 'NONE', 'LEGACY_SINGLE_USER']);
    rows.push({
      clusterId,
      name,
      creator,
      doc: {
        cluster_id: clusterId,
        cluster_name: name,
        creator_user_name: creator,
        spark_version: rng.pick(SPARK_VERSIONS),
        node_type_id: rng.pick(NODE_TYPES),
        driver_node_type_id: rng.pick(NODE_TYPES),
        ...(rng.chance(0.6) ? { autoscale: { min_workers: 1, max_workers: rng.int(2, 12) } } : { num_workers: rng.int(0, 8) }),
        autotermination_minutes: i % 4 === 1 ? 0 : rng.pick([10, 30, 60, 120, 4320]),
        // The shared claims ETL cluster holds the Snowflake password in plain text: the headline finding.
        ...sparkSettings(rng, mode, i === 0 ? 0 : undefined),
        data_security_mode: securityMode,
        ...(securityMode === 'SINGLE_USER' ? { single_user_name: creator } : {}),
        ...(policy ? { policy_id: policy.policyId } : {}),
        azure_attributes: {
          availability: rng.pick(['ON_DEMAND_AZURE', 'SPOT_WITH_FALLBACK_AZURE']),
          first_on_demand: 1,
          spot_bid_max_price: -1,
        },
        enable_elastic_disk: true,
        enable_local_disk_encryption: rng.chance(0.3),
        custom_tags: { Team: rng.pick(['claims', 'pricing', 'data-platform', 'finance', 'marketing']) },
        default_tags: { Vendor: 'Databricks', Creator: creator, ClusterName: name, ClusterId: clusterId },
        cluster_source: rng.pick(['UI', 'UI', 'API']),
        state: running ? 'RUNNING' : 'TERMINATED',
        ...(running
          ? {}
          : {
              state_message: 'Inactive cluster terminated (inactive for 60 minutes).',
              // Terminated an hour after its last activity, as the message says.
              terminated_time: lastActivity + 3_600_000,
            }),
        start_time: start,
        last_state_loss_time: start,
        last_activity_time: lastActivity,
        cluster_memory_mb: 28672 * rng.int(1, 8),
        cluster_cores: 4 * rng.int(1, 8),
      },
    });
  }
  return rows;
}

/**
 * Jobs made by people who were here at the time, running as themselves, an active service principal, or (now and
 * then) any service principal, including one deactivated since: the job was set up while it was still active.
 */
export function seedJobs(
  rng: Rng,
  scale: Scale,
  now: number,
  people: Roster,
  sps: { active: Roster; all: Roster },
  policies: PolicySeedRow[],
): JobSeedRow[] {
  const count = scale === 'large' ? 2000 : 24;
  const rows: JobSeedRow[] = [];
  const jobPolicy = policies.find((p) => p.name === 'Job Compute');
  for (let i = 0; i < count; i++) {
    let createdTime = now - rng.int(5, 900) * DAY_MS - rng.int(1, 10) * 3_600_000;
    const creator = people.pick(rng, createdTime) ?? people.earliest();
    const pool = i % 3 === 0 ? sps.active : i % 7 === 5 ? sps.all : null;
    const runAs = (pool && pool.pick(rng, createdTime)) || creator;
    createdTime = Math.max(createdTime, creator.createdAt + DAY_MS, runAs.createdAt + DAY_MS);
    const subject = JOB_SUBJECTS[i % JOB_SUBJECTS.length] as string;
    const name = i < JOB_SUBJECTS.length ? subject : `${subject}-${Math.floor(i / JOB_SUBJECTS.length)}`;
    const jobId = 100_000_000_000 + rng.int(1, 999_999_999) * 1000 + i;
    const mode = (['plain', 'mixed', 'secret'] as const)[i] ?? credentialMode(rng);
    const cluster = {
      spark_version: rng.pick(SPARK_VERSIONS),
      node_type_id: rng.pick(NODE_TYPES),
      num_workers: rng.int(1, 10),
      ...sparkSettings(rng, mode),
      data_security_mode: 'SINGLE_USER',
      ...(jobPolicy && rng.chance(0.5) ? { policy_id: jobPolicy.policyId } : {}),
    };
    const runAsField = runAs.kind === 'service_principal' ? { service_principal_name: runAs.name } : { user_name: runAs.name };
    // One job gives each task a cluster of its own (a task's new_cluster) instead of sharing a job cluster.
    const perTask = i === 1;
    const clusterOf = perTask ? { new_cluster: cluster } : { job_cluster_key: 'main' };
    const paused = rng.chance(0.15);
    rows.push({
      jobId,
      name,
      createdTime,
      creator,
      owner: runAs,
      paused,
      doc: {
        job_id: jobId,
        creator_user_name: creator.name,
        created_time: createdTime,
        run_as_user_name: runAs.name,
        settings: {
          name,
          format: 'MULTI_TASK',
          max_concurrent_runs: 1,
          timeout_seconds: 0,
          tags: { domain: subject.split('-')[0] as string, env: 'prod' },
          email_notifications: { on_failure: [creator.name], no_alert_for_skipped_runs: false },
          schedule: {
            quartz_cron_expression: `0 ${rng.int(0, 59)} ${rng.int(0, 23)} * * ?`,
            timezone_id: 'Europe/London',
            pause_status: paused ? 'PAUSED' : 'UNPAUSED',
          },
          ...(perTask ? {} : { job_clusters: [{ job_cluster_key: 'main', new_cluster: cluster }] }),
          tasks: [
            {
              task_key: 'extract',
              ...clusterOf,
              notebook_task: { notebook_path: `/Repos/data-platform/pipelines/${subject}/extract`, source: 'WORKSPACE' },
            },
            {
              task_key: 'transform',
              depends_on: [{ task_key: 'extract' }],
              ...clusterOf,
              notebook_task: { notebook_path: `/Repos/data-platform/pipelines/${subject}/transform`, source: 'WORKSPACE' },
            },
          ],
          run_as: runAsField,
        },
      },
    });
  }
  return rows;
}
