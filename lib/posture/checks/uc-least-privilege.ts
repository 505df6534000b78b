// Check 5: Unity Catalog grants follow least privilege: the Grants area's least-privilege findings (issue 13), and no
// legacy USAGE (privilege model 0.1; Unity Catalog 1.0 uses USE CATALOG / USE SCHEMA), handed over by
// lib/posture/server/inputs/grants.ts, each with a stable key. Each item links to the Grants findings of its kind,
// where the change that fixes it is offered.
import 'server-only';
import type { CheckMeta, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { ucLeastPrivilegeInput } from '@/lib/posture/server/inputs/grants';
import { defineCheck, evidence } from './define';

export interface GrantFinding {
  /** One per grant, stable across evaluations, e.g. 'grant:main.finance:analysts:ALL PRIVILEGES'. */
  key: string;
  /** The Grants area's code of the grant's most severe finding, e.g. 'privileged_non_admin' (its Findings tab filters by it). */
  code: string;
  securable: string;
  principal: string;
  privilege: string;
  /** The Grants area's words, e.g. 'ALL PRIVILEGES on a catalog to a group of 240 people'. */
  reason: string;
}

export interface UcLeastPrivilegeInput {
  findings: GrantFinding[];
  /** Grants of the legacy USAGE privilege. */
  legacyUsage: Array<{ securable: string; principal: string }>;
  gaps: Gap[];
}

export const ucLeastPrivilegeMeta: CheckMeta = {
  id: 'uc-least-privilege',
  number: 5,
  title: 'Unity Catalog grants follow least privilege',
  category: 'Data governance',
  severity: 'medium',
  reads: [
    {
      what: 'Grants on every catalog, schema and table (Grants area: system.information_schema)',
      permission: 'Metastore admin, or ownership of the securables',
    },
  ],
  judges:
    'Fails for every high- or medium-level finding of the Grants area (broad, admin-level or curated-layer write grants, grants to people who left, drift from the grants policy), and for every grant of the legacy USAGE privilege.',
  fix: {
    text: 'Revoke or narrow each grant the Grants area flags, and replace USAGE with USE CATALOG / USE SCHEMA.',
    label: 'Open Grants',
    href: '/grants',
    external: false,
  },
};

export function judgeUcLeastPrivilege(input: UcLeastPrivilegeInput) {
  const grants = (code: string) => `/grants/findings?code=${encodeURIComponent(code)}`;
  const items = [
    ...input.findings.map((f) => evidence(f.key, `${f.privilege} on ${f.securable}`, f.reason, grants(f.code))),
    ...input.legacyUsage.map((u) =>
      evidence(
        `usage:${u.securable}:${u.principal}`,
        `USAGE on ${u.securable}`,
        `${u.principal} holds the legacy USAGE privilege`,
        grants('legacy_usage'),
      ),
    ),
  ];
  return verdictFrom({
    evidence: items,
    gaps: input.gaps,
    passReason: 'No least-privilege findings and no legacy USAGE grants.',
    failReason: () =>
      [
        input.findings.length ? `${plural(input.findings.length, 'grant')} beyond least privilege` : null,
        input.legacyUsage.length ? plural(input.legacyUsage.length, 'legacy USAGE grant') : null,
      ]
        .filter(Boolean)
        .join(' and ') + '.',
  });
}

export const ucLeastPrivilegeCheck = defineCheck(ucLeastPrivilegeMeta, ucLeastPrivilegeInput, judgeUcLeastPrivilege);
