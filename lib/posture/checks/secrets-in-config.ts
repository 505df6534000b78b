// Check 3: secrets live in secret scopes, not as plain values in cluster or job environment variables or Spark conf.
// The finding is the Secrets area's (issue 12), handed over by lib/posture/server/inputs/secrets.ts: a
// `{{secrets/scope/key}}` reference is not a finding; the area decides what is a credential.
import 'server-only';
import type { CheckMeta, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { secretsInConfigInput } from '@/lib/posture/server/inputs/secrets';
import { defineCheck, evidence, workspaceUrl, type JudgeEnv } from './define';

export interface PlainCredentialFinding {
  objectKind: 'cluster' | 'job';
  objectId: string;
  objectName: string;
  /** Where the setting sits, in the Secrets area's words: 'Environment variables', 'Job cluster main · Spark config'. */
  location: string;
  /** The setting's name, e.g. 'SNOWFLAKE_PASSWORD' or 'spark.hadoop.fs.azure.account.key.harborpine.dfs.core.windows.net'. */
  name: string;
}

export interface SecretsInConfigInput {
  findings: PlainCredentialFinding[];
  /** What the area could not read (a cluster or job list that failed, objects it may not see). */
  gaps: Gap[];
}

export const secretsInConfigMeta: CheckMeta = {
  id: 'secrets-in-config',
  number: 3,
  title: 'Credentials live in secret scopes, not in cluster or job configuration',
  category: 'Secrets',
  severity: 'high',
  reads: [
    {
      what: 'Cluster and job configuration: environment variables and Spark conf (Secrets area)',
      permission: 'Workspace admin, or CAN_VIEW on every cluster and job',
    },
  ],
  judges:
    'Fails for every plain credential in a cluster’s or job cluster’s spark_env_vars or spark_conf; {{secrets/scope/key}} references pass.',
  fix: {
    text: 'Move each value into a secret scope and reference it as {{secrets/<scope>/<key>}}, then rotate the credential: it has been readable by everyone who could view the configuration.',
    label: 'Open Secrets',
    // The page's "Credentials outside scopes" panel, where each value is moved into a scope.
    href: '/secrets#plain-credentials',
    external: false,
  },
};

export function judgeSecretsInConfig(input: SecretsInConfigInput, { host }: JudgeEnv) {
  const items = input.findings.map((f) =>
    evidence(
      `${f.objectKind}:${f.objectId}:${f.location}:${f.name}`,
      f.objectName,
      `${f.name} holds a plain credential (${f.location})`,
      workspaceUrl(
        host,
        f.objectKind === 'cluster' ? `/compute/clusters/${encodeURIComponent(f.objectId)}` : `/jobs/${encodeURIComponent(f.objectId)}`,
      ),
    ),
  );
  const objects = new Set(input.findings.map((f) => `${f.objectKind}:${f.objectId}`)).size;
  return verdictFrom({
    evidence: items,
    gaps: input.gaps,
    passReason: 'No cluster or job configuration holds a plain credential.',
    failReason: () => `${plural(items.length, 'plain credential')} in ${plural(objects, 'cluster or job', 'clusters and jobs')}.`,
  });
}

export const secretsInConfigCheck = defineCheck(secretsInConfigMeta, secretsInConfigInput, judgeSecretsInConfig);
