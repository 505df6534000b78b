// The score and its coverage. Coverage is measured checks ÷ all checks, where measured = pass, fail or accepted. The
// score is passes ÷ (passes + fails), each weighted by severity, as a whole percentage: a check that was not measured
// is never counted as a pass, and an accepted one is left out of both numerator and denominator (it is counted beside
// the score instead). No pass or fail at all → no score (null), never 100.
import { SEVERITY_WEIGHT, type CheckStatus, type Severity } from './types';

export interface PostureScore {
  score: number | null;
  coverage: { measured: number; total: number };
  accepted: number;
  counts: Record<CheckStatus, number>;
}

export function scorePosture(checks: ReadonlyArray<{ severity: Severity; status: CheckStatus }>): PostureScore {
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, not_collected: 0, accepted: 0 };
  let passed = 0;
  let judged = 0;
  for (const c of checks) {
    counts[c.status]++;
    const w = SEVERITY_WEIGHT[c.severity];
    if (c.status === 'pass') passed += w;
    if (c.status === 'pass' || c.status === 'fail') judged += w;
  }
  return {
    score: judged === 0 ? null : Math.round((100 * passed) / judged),
    coverage: { measured: counts.pass + counts.fail + counts.accepted, total: checks.length },
    accepted: counts.accepted,
    counts,
  };
}
