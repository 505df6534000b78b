// Reading a cluster policy's definition the way API reference §6.3 says a dashboard should:
// - node types are restricted when `node_type_id` is `fixed`, `allowlist` or `regex` (or the workers come from a fixed
//   instance pool, which decides the node type); a `blocklist` only keeps some out, `unlimited` or absent restricts
//   nothing;
// - auto-termination is enforced when `autotermination_minutes` is `fixed` above 0, a `range` whose minValue is at
//   least 1 and that has a maxValue, or an `allowlist` of values all above 0. A range that allows 0 (never terminate)
//   or an `unlimited` rule with only a default enforces nothing: the person creating the cluster can change it.
// - a policy fixing `cluster_type` to `job` or `dlt` only makes clusters that end with their run, so auto-termination
//   does not apply to it.
// The definition is JSON text; family-based policies merge `policy_family_definition_overrides` over it.

export interface PolicyInput {
  policyId: string;
  name: string;
  definition: string | null;
  overrides: string | null;
  isDefault: boolean;
}

export interface PolicyJudgement {
  /** false when the definition could not be parsed (then nothing else is claimed). */
  readable: boolean;
  nodeTypeRestricted: boolean;
  /** null: not applicable (a policy for job or pipeline clusters only). */
  autoTerminationEnforced: boolean | null;
  /** Why, in words, for the evidence. */
  problems: string[];
}

type Rule = { type?: unknown; value?: unknown; values?: unknown; minValue?: unknown; maxValue?: unknown };

function parse(text: string | null): Record<string, Rule> | null {
  if (text === null || text.trim() === '') return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Rule>) : null;
  } catch {
    return null;
  }
}

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;

function restricts(rule: Rule | undefined): boolean {
  return rule !== undefined && (rule.type === 'fixed' || rule.type === 'allowlist' || rule.type === 'regex');
}

function enforcesTermination(rule: Rule | undefined): boolean {
  if (!rule) return false;
  if (rule.type === 'fixed') return (num(rule.value) ?? 0) > 0;
  if (rule.type === 'range') return num(rule.maxValue) !== null && (num(rule.minValue) ?? 0) >= 1;
  if (rule.type === 'allowlist') {
    const values = Array.isArray(rule.values) ? rule.values.map(num) : [];
    return values.length > 0 && values.every((v) => v !== null && v > 0);
  }
  return false;
}

function terminationProblem(rule: Rule | undefined): string {
  if (!rule) return 'does not set auto-termination';
  if (rule.type === 'fixed') return 'fixes auto-termination at 0 (never terminate)';
  if (rule.type === 'range')
    return num(rule.maxValue) === null ? 'sets no upper limit on auto-termination' : 'allows auto-termination of 0 (never terminate)';
  if (rule.type === 'unlimited') return 'only suggests an auto-termination default that anyone can change';
  return 'does not enforce auto-termination';
}

export function judgePolicy(p: PolicyInput): PolicyJudgement {
  const base = parse(p.definition);
  const overrides = parse(p.overrides);
  if (base === null || overrides === null) {
    return { readable: false, nodeTypeRestricted: false, autoTerminationEnforced: null, problems: ['its definition is not valid JSON'] };
  }
  const def = { ...base, ...overrides };
  const clusterType = def.cluster_type;
  const jobOnly =
    clusterType?.type === 'fixed'
      ? clusterType.value === 'job' || clusterType.value === 'dlt'
      : clusterType?.type === 'allowlist' &&
        Array.isArray(clusterType.values) &&
        clusterType.values.every((v) => v === 'job' || v === 'dlt');
  const pool = def.instance_pool_id;
  const nodeTypeRestricted = restricts(def.node_type_id) || (pool?.type === 'fixed' && typeof pool.value === 'string');
  const autoTerminationEnforced = jobOnly ? null : enforcesTermination(def.autotermination_minutes);
  const problems: string[] = [];
  if (!nodeTypeRestricted)
    problems.push(def.node_type_id?.type === 'blocklist' ? 'only blocks some node types' : 'does not restrict node types');
  if (autoTerminationEnforced === false) problems.push(terminationProblem(def.autotermination_minutes));
  return { readable: true, nodeTypeRestricted, autoTerminationEnforced, problems };
}
