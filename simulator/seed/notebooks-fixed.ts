// The part of the workspace whose paths do not depend on who the seeded people are: /Shared team folders, the
// data-platform Git folders the jobs run from, the personas' planted notebooks and, at large scale, project
// folders. A pure function of (scale, seed), so notebook-secrets.ts can describe every planted credential
// without a database.
import type { Scale } from '../core/contract';
import type { ObjectType, RepoInfo } from '../store/workspace-objects';
import { specOf } from './notebook-content';
import { DOMAIN, JOB_SUBJECTS } from './names';
import { Rng } from './random';

export interface FixedObject {
  path: string;
  type: ObjectType;
  /** Notebook content spec. */
  spec?: string;
  /** File name whose content fileContent() gives. */
  file?: string;
  repo?: RepoInfo;
  /** Who created it: a persona's userName, or a team whose members may have. */
  owner: { user: string } | { team: string };
}

export interface FixedAcl {
  objectType: 'directories' | 'notebooks' | 'repos';
  path: string;
  principalKind: 'user' | 'group';
  principalName: string;
  level: 'CAN_READ' | 'CAN_RUN' | 'CAN_EDIT' | 'CAN_MANAGE';
}

export const PERSONA = {
  admin: `alex.morgan@${DOMAIN}`,
  analyst: `priya.shah@${DOMAIN}`,
  noRole: `sam.rivera@${DOMAIN}`,
  platformAdmin: `jordan.lee@${DOMAIN}`,
};

export const PIPELINES_REPO = '/Repos/data-platform/pipelines';
export const HUGE_NOTEBOOK = '/Shared/legacy/rating_factors_inline_2019';

const TRANSFORM_SQL = new Set(['broker-commissions', 'gl-reconciliation', 'reserve-calc', 'billing-export', 'agent-performance']);

/** Fixed planted notebooks: [path, template]. */
const PLANTED: Array<[string, string, FixedObject['owner']]> = [
  [`/Users/${PERSONA.noRole}/scratch/claims_api_backfill`, 'p-dapi-string', { user: PERSONA.noRole }],
  [`${PIPELINES_REPO}/telematics-ingest/extract`, 'p-aws-keypair', { team: 'data-engineering' }],
  ['/Shared/finance/month_end/gl_snapshot_loader', 'p-azure-key-conf', { team: 'finance-analysts' }],
  [`/Users/${PERSONA.platformAdmin}/legacy/policy_admin_sync`, 'p-jdbc-password', { user: PERSONA.platformAdmin }],
  ['/Repos/data-platform/integrations/broker_sftp_pull', 'p-private-key', { team: 'data-engineering' }],
  ['/Shared/alerts/claims_anomaly_slack_alert', 'p-slack-webhook', { team: 'claims-analytics' }],
  [`/Users/${PERSONA.noRole}/old/token_rotation_test`, 'p-commented-dapi', { user: PERSONA.noRole }],
  [`${PIPELINES_REPO}/broker-commissions/transform`, 'p-sql-commented-jdbc', { team: 'data-engineering' }],
  ['/Shared/data-science/churn/churn_feature_pipeline', 'p-magic-sh-dapi', { team: 'data-science' }],
  ['/Shared/actuarial/reserving/loss_triangles_sqlserver', 'p-r-odbc-password', { team: 'actuarial' }],
  [`${PIPELINES_REPO}/claims-ingest/extract`, 'n-secrets-get', { team: 'data-engineering' }],
  ['/Shared/platform/deploy_job_clusters', 'n-secret-reference', { team: 'platform-ops' }],
  [`/Users/${PERSONA.admin}/onboarding/connect_from_laptop`, 'n-placeholders', { user: PERSONA.admin }],
  [`${PIPELINES_REPO}/tests/fixtures/fake_credentials`, 'n-test-fixtures', { team: 'data-engineering' }],
  ['/Shared/training/s3_access_patterns', 'n-documented-example', { team: 'platform-ops' }],
  [`/Users/${PERSONA.analyst}/investigations/snowflake_login_check`, 'n-runtime-lookup', { user: PERSONA.analyst }],
  ['/Shared/finance/month_end/revenue_rollup', 'n-jdbc-secret', { team: 'finance-analysts' }],
  [`${PIPELINES_REPO}/gl-reconciliation/transform`, 'n-sql-secret-function', { team: 'data-engineering' }],
  ['/Repos/data-platform/integrations/vendor_file_checks', 'n-checksums', { team: 'data-engineering' }],
];

/** Clean shared notebooks: [path, template, team]. */
const SHARED: Array<[string, string, string]> = [
  ['/Shared/finance/month_end/accruals_review', 'sql-report', 'finance-analysts'],
  ['/Shared/finance/month_end/fx_revaluation', 'py-analysis', 'finance-analysts'],
  ['/Shared/finance/budget_vs_actuals', 'sql-report', 'finance-analysts'],
  ['/Shared/alerts/pipeline_failure_digest', 'py-platform', 'platform-ops'],
  ['/Shared/data-science/churn/churn_model_training', 'py-ml', 'data-science'],
  ['/Shared/data-science/churn/churn_eda', 'py-analysis', 'data-science'],
  ['/Shared/data-science/customer_segments', 'py-ml', 'data-science'],
  ['/Shared/actuarial/reserving/ibnr_chain_ladder', 'r-actuarial', 'actuarial'],
  ['/Shared/actuarial/reserving/reserve_adequacy', 'r-actuarial', 'actuarial'],
  ['/Shared/actuarial/pricing/auto_rate_review', 'py-analysis', 'actuarial'],
  ['/Shared/claims/fraud_referrals_review', 'sql-report', 'claims-analytics'],
  ['/Shared/claims/large_loss_watchlist', 'sql-report', 'claims-analytics'],
  ['/Shared/claims/subrogation_recoveries', 'py-analysis', 'claims-analytics'],
  ['/Shared/bi/dashboard_kpis', 'sql-report', 'bi-developers'],
  ['/Shared/bi/powerbi_extract_prep', 'sql-report', 'bi-developers'],
  ['/Shared/platform/cluster_cost_report', 'py-platform', 'platform-ops'],
  ['/Shared/platform/table_sizes', 'sql-adhoc', 'platform-ops'],
  ['/Shared/training/delta_lake_101', 'py-scratch', 'platform-ops'],
  ['/Shared/training/sql_basics', 'sql-adhoc', 'platform-ops'],
  ['/Shared/training/Getting started with Databricks', 'py-scratch', 'platform-ops'],
  ['/Shared/legacy/old_claims_etl', 'py-etl', 'data-engineering'],
  [HUGE_NOTEBOOK, 'py-huge-inline', 'actuarial'],
  ['/Repos/data-platform/integrations/salesforce_sync', 'py-etl', 'data-engineering'],
  [`/Repos/${PERSONA.admin}/security-notebooks/audit_log_queries`, 'sql-adhoc', PERSONA.admin],
  [`/Repos/${PERSONA.admin}/security-notebooks/grant_review`, 'sql-report', PERSONA.admin],
  [`/Repos/${PERSONA.noRole}/claims-experiments/experiments`, 'py-analysis', PERSONA.noRole],
  [`/Repos/${PERSONA.noRole}/claims-experiments/autoloader_test`, 'py-autoloader', PERSONA.noRole],
  [`${PIPELINES_REPO}/common/utils`, 'py-utils', 'data-engineering'],
  [`${PIPELINES_REPO}/tests/test_transforms`, 'py-quality', 'data-engineering'],
];

const PROJECT_TOPICS = ['exploration', 'feature_prep', 'model_eval', 'report', 'data_pull', 'qa_checks', 'backfill', 'summary'];
const PROJECT_TEMPLATES = ['py-analysis', 'sql-report', 'py-etl', 'sql-adhoc', 'py-ml', 'py-quality', 'scala-batch', 'sql-merge'];
const POSITIVE_KINDS = Object.freeze([
  'p-dapi-string',
  'p-aws-keypair',
  'p-azure-key-conf',
  'p-jdbc-password',
  'p-private-key',
  'p-slack-webhook',
  'p-commented-dapi',
  'p-sql-commented-jdbc',
  'p-magic-sh-dapi',
  'p-r-odbc-password',
]);

const gitHub = (rng: Rng, name: string): RepoInfo => ({
  url: `https://github.com/harborpine/${name}.git`,
  provider: 'gitHub',
  branch: 'main',
  headCommitId: rng.hex(40),
});

export function fixedPlan(scale: Scale, seed: number): { objects: FixedObject[]; acls: FixedAcl[] } {
  const rng = new Rng(seed ^ 0x5eed_b00c);
  const objects: FixedObject[] = [];
  const notebook = (path: string, template: string, owner: FixedObject['owner']) =>
    objects.push({ path, type: 'NOTEBOOK', spec: specOf(template, rng.int(1, 2 ** 31)), owner });
  const team = (t: string): FixedObject['owner'] => (t.includes('@') ? { user: t } : { team: t });

  objects.push({
    path: PIPELINES_REPO,
    type: 'REPO',
    repo: {
      url: 'https://dev.azure.com/harborpine/data-platform/_git/pipelines',
      provider: 'azureDevOpsServices',
      branch: 'main',
      headCommitId: rng.hex(40),
    },
    owner: { team: 'data-engineering' },
  });
  objects.push({
    path: '/Repos/data-platform/integrations',
    type: 'REPO',
    repo: gitHub(rng, 'integrations'),
    owner: { team: 'data-engineering' },
  });
  objects.push({
    path: `/Repos/${PERSONA.admin}/security-notebooks`,
    type: 'REPO',
    repo: gitHub(rng, 'security-notebooks'),
    owner: { user: PERSONA.admin },
  });
  objects.push({
    path: `/Repos/${PERSONA.noRole}/claims-experiments`,
    type: 'REPO',
    repo: gitHub(rng, 'claims-experiments'),
    owner: { user: PERSONA.noRole },
  });

  for (const [path, template, owner] of PLANTED) notebook(path, template, owner);
  for (const subject of JOB_SUBJECTS) {
    const extract = `${PIPELINES_REPO}/${subject}/extract`;
    const transform = `${PIPELINES_REPO}/${subject}/transform`;
    if (!PLANTED.some(([p]) => p === extract))
      notebook(extract, rng.pick(['py-etl', 'py-autoloader', 'py-etl']), { team: 'data-engineering' });
    if (!PLANTED.some(([p]) => p === transform))
      notebook(transform, TRANSFORM_SQL.has(subject) ? 'sql-merge' : rng.pick(['py-etl', 'sql-merge']), { team: 'data-engineering' });
  }
  for (const [path, template, t] of SHARED) notebook(path, template, team(t));
  for (const [path, file] of [
    [`${PIPELINES_REPO}/README.md`, 'README.md'],
    [`${PIPELINES_REPO}/requirements.txt`, 'requirements.txt'],
    [`${PIPELINES_REPO}/conf/pipelines.yaml`, 'pipelines.yaml'],
    ['/Repos/data-platform/integrations/.env.example', '.env.example'],
    ['/Repos/data-platform/integrations/requirements.txt', 'requirements.txt'],
    ['/Shared/finance/month_end/account_mapping.csv', 'account_mapping.csv'],
  ] as const)
    objects.push({ path, type: 'FILE', file, owner: { team: 'data-engineering' } });
  for (const lib of ['spark-xml_2.12-0.16.0', 'snowflake-jdbc-3.13.30', 'harborpine_utils-2.3.1-py3-none-any.whl'])
    objects.push({ path: `/Shared/libraries/${lib}`, type: 'LIBRARY', owner: { team: 'platform-ops' } });

  if (scale === 'large') {
    for (let p = 1; p <= 80; p++) {
      const dir = `/Shared/projects/project-${String(p).padStart(3, '0')}`;
      const n = rng.int(10, 20);
      for (let i = 0; i < n; i++)
        notebook(
          `${dir}/${PROJECT_TOPICS[i % PROJECT_TOPICS.length]}_${Math.floor(i / PROJECT_TOPICS.length) + 1}`,
          rng.pick(PROJECT_TEMPLATES),
          {
            team: `project-${String(p).padStart(3, '0')}`,
          },
        );
    }
    // About 1 % of the large estate's notebooks hold a credential, the same seven-plus places as the demo's.
    const nearKinds = Object.keys(NEAR_TEMPLATES);
    for (let i = 0; i < 190; i++) {
      const p = String((i % 80) + 1).padStart(3, '0');
      notebook(
        `/Shared/projects/project-${p}/handover_${String(i).padStart(3, '0')}`,
        POSITIVE_KINDS[i % POSITIVE_KINDS.length] as string,
        {
          team: `project-${p}`,
        },
      );
      if (i % 2 === 0)
        notebook(`/Shared/projects/project-${p}/checks_${String(i).padStart(3, '0')}`, nearKinds[i % nearKinds.length] as string, {
          team: `project-${p}`,
        });
    }
  }

  const acls: FixedAcl[] = [
    { objectType: 'directories', path: '/Shared', principalKind: 'group', principalName: 'users', level: 'CAN_MANAGE' },
    { objectType: 'directories', path: '/Repos/data-platform', principalKind: 'group', principalName: 'data-platform', level: 'CAN_EDIT' },
    { objectType: 'directories', path: '/Repos/data-platform', principalKind: 'group', principalName: 'platform-ops', level: 'CAN_MANAGE' },
    { objectType: 'repos', path: PIPELINES_REPO, principalKind: 'group', principalName: 'analytics', level: 'CAN_READ' },
    {
      objectType: 'directories',
      path: `/Users/${PERSONA.platformAdmin}/legacy`,
      principalKind: 'group',
      principalName: 'data-engineering',
      level: 'CAN_READ',
    },
  ];
  return { objects, acls };
}

const NEAR_TEMPLATES = {
  'n-secrets-get': 1,
  'n-secret-reference': 1,
  'n-placeholders': 1,
  'n-documented-example': 1,
  'n-runtime-lookup': 1,
  'n-jdbc-secret': 1,
  'n-checksums': 1,
};
