// Plain data shapes of the posture area: what a check is, what it found, and how an exception names a finding.
// Browser-safe (no imports with I/O): the contract, the page and the server all use these.

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How much a check weighs in the score: a high-severity pass or fail counts three times a low one. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

export const CHECK_STATUSES = ['pass', 'fail', 'not_collected', 'accepted'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CATEGORIES = ['Identity and access', 'Secrets', 'Data governance', 'Network', 'Compute', 'Monitoring'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The checklist, in the order the issue numbers it. Ids are stable: exceptions and snapshots name checks by them. */
export const CHECK_IDS = [
  'token-lifetime',
  'token-creation',
  'secrets-in-config',
  'secret-scope-acls',
  'uc-least-privilege',
  'pii-masking',
  'jobs-run-as',
  'ip-access-lists',
  'cluster-policies',
  'sp-privileges',
  'weekly-review',
  'audit-logs',
  'code-credentials',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

/** Where a failing check is fixed: a Brickwatch page where one exists, else the workspace's own settings. */
export interface Fix {
  text: string;
  label: string;
  href: string;
  /** true: a page of the Databricks workspace (opens in a new tab); false: a Brickwatch page. */
  external: boolean;
}

/** What a check reads, and the Databricks permission that read needs. */
export interface Read {
  what: string;
  permission: string;
}

export interface CheckMeta {
  id: CheckId;
  /** 1–13, the checklist's order (13: the code scan's, issue 17). */
  number: number;
  title: string;
  category: Category;
  severity: Severity;
  reads: Read[];
  /** How it judges, in one or two sentences. */
  judges: string;
  fix: Fix;
}

/** One offending object. `key` is stable across evaluations ('token:<id>', 'job:<id>', 'setting:<key>'): an exception names it. */
export interface Evidence {
  key: string;
  label: string;
  detail: string;
  href: string | null;
}

/** A part a check could not read: what was not collected, and the permission or setting that would let it. */
export interface Gap {
  text: string;
  needs: string | null;
}

export type Verdict =
  | { status: 'pass'; reason: string; notes: string[] }
  | { status: 'fail'; reason: string; evidence: Evidence[]; notes: string[] }
  | { status: 'not_collected'; reason: string; needs: string | null; notes: string[] };

/** A check's result before exceptions apply: what the cache keeps and shares between viewers of one identity. */
export type RawCheckResult = CheckMeta & Verdict & { durationMs: number };
