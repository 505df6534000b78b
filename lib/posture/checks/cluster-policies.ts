// Check 9: cluster policies restrict node types and enforce auto-termination (judged as API reference §6.3 says, in
// lib/posture/rules/cluster-policy.ts), and every all-purpose cluster uses a policy.
import 'server-only';
import { listAllPurposeClusters, listClusterPolicies, type ClusterInfo, type ClusterPolicy } from '@/lib/databricks/api/compute';
import { cachedRead } from '@/lib/read-cache';
import { judgePolicy } from '@/lib/posture/rules/cluster-policy';
import type { CheckMeta, Evidence, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { defineCheck, evidence, workspaceUrl, type CheckContext, type JudgeEnv } from './define';
import { visibilityGap, type IdentityScope } from './shared';

export interface ClusterPoliciesInput {
  policies: ClusterPolicy[];
  clusters: ClusterInfo[];
  scope: IdentityScope;
}

export const clusterPoliciesMeta: CheckMeta = {
  id: 'cluster-policies',
  number: 9,
  title: 'Cluster policies restrict node types and enforce auto-termination',
  category: 'Compute',
  severity: 'low',
  reads: [
    {
      what: 'Every cluster policy and its definition (/api/2.0/policies/clusters/list)',
      permission: 'Workspace admin (others see only the policies they may use)',
    },
    { what: 'Every all-purpose cluster (/api/2.1/clusters/list)', permission: 'Workspace admin, or a permission on every cluster' },
  ],
  judges:
    'Fails for each policy that leaves node types open (no fixed, allowlist or regex rule) or lets clusters run without auto-termination (a fixed value above 0, or a range from 1 minute with a maximum), and for each all-purpose cluster created without a policy. Job-only policies are not asked for auto-termination.',
  fix: {
    text: 'Edit the policies to fix or allowlist node types and to fix or bound auto-termination above 0, move clusters onto a policy, and take the unrestricted cluster-creation entitlement away from people who do not need it.',
    label: 'Open cluster policies in Databricks',
    href: '/compute/policies',
    external: true,
  },
};

export const COMPUTE_READS = {
  policies: { key: 'posture.cluster-policies', ttlMs: 120_000 },
  clusters: { key: 'posture.clusters', ttlMs: 120_000 },
};

export async function clusterPoliciesInput(ctx: CheckContext): Promise<ClusterPoliciesInput> {
  const { ws } = ctx;
  const [policies, clusters, scope] = await Promise.all([
    cachedRead(ws, COMPUTE_READS.policies.key, COMPUTE_READS.policies, () => listClusterPolicies(ws.rest)),
    cachedRead(ws, COMPUTE_READS.clusters.key, COMPUTE_READS.clusters, () => listAllPurposeClusters(ws.rest)),
    ctx.shared.scope(),
  ]);
  return { policies, clusters, scope };
}

export function judgeClusterPolicies(input: ClusterPoliciesInput, { host }: JudgeEnv) {
  const policyItems: Evidence[] = [];
  const gaps: Gap[] = [];
  const known = new Set(input.policies.map((p) => p.policy_id));
  for (const p of [...input.policies].sort((a, b) => a.name.localeCompare(b.name))) {
    const j = judgePolicy({
      policyId: p.policy_id,
      name: p.name,
      definition: p.definition ?? null,
      overrides: p.policy_family_definition_overrides ?? null,
      isDefault: p.is_default === true,
    });
    if (!j.readable) {
      gaps.push({ text: `The definition of policy "${p.name}" could not be read as JSON`, needs: null });
      continue;
    }
    if (j.problems.length === 0) continue;
    policyItems.push(
      evidence(
        `policy:${p.policy_id}`,
        `${p.name}${p.is_default ? ' (Databricks default)' : ''}`,
        `${j.problems.join('; ').replace(/^./, (c) => c.toUpperCase())}`,
        workspaceUrl(host, `/compute/policies/${encodeURIComponent(p.policy_id)}`),
      ),
    );
  }
  const clusterItems: Evidence[] = input.clusters
    .filter((c) => !c.policy_id)
    .sort((a, b) => (a.cluster_name ?? '').localeCompare(b.cluster_name ?? ''))
    .map((c) =>
      evidence(
        `cluster:${c.cluster_id}`,
        c.cluster_name ?? c.cluster_id,
        `All-purpose cluster without a policy${c.creator_user_name ? `, created by ${c.creator_user_name}` : ''}${c.autotermination_minutes === 0 ? '; never terminates' : ''}`,
        workspaceUrl(host, `/compute/clusters/${encodeURIComponent(c.cluster_id)}`),
      ),
    );
  // A cluster naming a policy this identity cannot see was judged only for having one.
  const unseen = input.clusters.filter((c) => c.policy_id && !known.has(c.policy_id)).length;
  const hidden = visibilityGap(
    input.scope,
    'cluster policies and clusters',
    'cluster policy and cluster',
    input.policies.length + input.clusters.length,
  );
  if (hidden) gaps.push(hidden);
  else if (unseen) gaps.push({ text: `${plural(unseen, 'cluster')} use a policy that is not listed`, needs: null });
  return verdictFrom({
    evidence: [...policyItems, ...clusterItems],
    gaps,
    passReason: `All ${plural(input.policies.length, 'policy', 'policies')} restrict node types and enforce auto-termination, and all ${plural(input.clusters.length, 'all-purpose cluster')} use one.`,
    failReason: () =>
      [
        policyItems.length ? `${plural(policyItems.length, 'policy', 'policies')} of ${input.policies.length} fall short` : null,
        clusterItems.length
          ? `${plural(clusterItems.length, 'all-purpose cluster')} of ${input.clusters.length} ${clusterItems.length === 1 ? 'has' : 'have'} no policy`
          : null,
      ]
        .filter(Boolean)
        .join('; ') + '.',
  });
}

export const clusterPoliciesCheck = defineCheck(clusterPoliciesMeta, clusterPoliciesInput, judgeClusterPolicies);
