// Check 6: personal-data columns are masked: the Data protection area's coverage (issue 14) against a threshold, over
// every column the area classes as personal data and whether a column mask protects it (handed over by
// lib/posture/server/inputs/data-protection.ts). Each unmasked column links to its row on the Data protection page.
import 'server-only';
import type { CheckMeta, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { piiMaskingInput } from '@/lib/posture/server/inputs/data-protection';
import { defineCheck, evidence } from './define';

/**
 * The share of personal-data columns that must be masked. Not 100 %: detection finds some columns that are not really
 * personal (a "name" column of products); those are to be accepted one by one, and a few may wait for their owner.
 */
export const MASKING_THRESHOLD = 0.95;

export interface PersonalColumn {
  /** catalog.schema.table */
  table: string;
  column: string;
  /** e.g. 'email', 'national id', 'date of birth'. */
  category: string;
  masked: boolean;
}

export interface PiiMaskingInput {
  columns: PersonalColumn[];
  gaps: Gap[];
}

export const piiMaskingMeta: CheckMeta = {
  id: 'pii-masking',
  number: 6,
  title: 'Personal-data columns are masked',
  category: 'Data governance',
  severity: 'high',
  reads: [
    {
      what: 'Columns classed as personal data and their masks (Data protection area: system.information_schema)',
      permission: 'USE CATALOG and USE SCHEMA on the catalogs, and SELECT on system.information_schema',
    },
  ],
  judges: `Fails when fewer than ${Math.round(MASKING_THRESHOLD * 100)} % of the columns classed as personal data are masked; the unmasked ones are the evidence.`,
  fix: {
    text: 'Add a column mask to each unmasked personal-data column (or accept a column that is not really personal).',
    label: 'Open Data protection',
    href: '/data-protection',
    external: false,
  },
};

export function judgePiiMasking(input: PiiMaskingInput) {
  const total = input.columns.length;
  const unmasked = input.columns.filter((c) => !c.masked);
  const coverage = total === 0 ? 1 : (total - unmasked.length) / total;
  const pct = (v: number) => `${Math.floor(v * 1000) / 10} %`;
  const items =
    coverage >= MASKING_THRESHOLD
      ? []
      : unmasked.map((c) =>
          evidence(
            `column:${c.table}.${c.column}`,
            `${c.table}.${c.column}`,
            `Unmasked ${c.category}`,
            `/data-protection?q=${encodeURIComponent(`${c.table}.${c.column}`)}`,
          ),
        );
  return verdictFrom({
    evidence: items,
    gaps: input.gaps,
    passReason:
      total === 0
        ? 'No column is classed as personal data.'
        : `${pct(coverage)} of ${plural(total, 'personal-data column')} are masked (threshold ${pct(MASKING_THRESHOLD)}).`,
    failReason: () => `Only ${pct(coverage)} of ${plural(total, 'personal-data column')} are masked (threshold ${pct(MASKING_THRESHOLD)}).`,
  });
}

export const piiMaskingCheck = defineCheck(piiMaskingMeta, piiMaskingInput, judgePiiMasking);
