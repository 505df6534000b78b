// Check 11: the weekly audit review is happening: a weekly report was generated in the last 7 days and someone opened
// it. Reports are issue 16; until that area lands, its input (lib/posture/server/inputs/reports.ts) throws "area not built". Wiring it: the reports
// generated in the window, each with when it was first opened and by whom.
import 'server-only';
import type { CheckMeta } from '@/lib/posture/rules/types';
import { verdictFrom } from '@/lib/posture/rules/verdict';
import { weeklyReviewInput } from '@/lib/posture/server/inputs/reports';
import { defineCheck, evidence, type JudgeEnv } from './define';

export const REVIEW_WINDOW_DAYS = 7;

export interface WeeklyReport {
  id: string;
  generatedAt: number;
  /** First time a person opened it; null when nobody has. */
  openedAt: number | null;
  openedBy: string | null;
}

export interface WeeklyReviewInput {
  reports: WeeklyReport[];
}

export const weeklyReviewMeta: CheckMeta = {
  id: 'weekly-review',
  number: 11,
  title: 'The weekly audit review is happening',
  category: 'Monitoring',
  severity: 'low',
  reads: [{ what: 'Weekly reports and who opened them (Reports area, Brickwatch’s own store)', permission: 'None in Databricks' }],
  judges: `Fails when no weekly report was generated in the last ${REVIEW_WINDOW_DAYS} days, or when none generated then was opened.`,
  fix: {
    text: 'Schedule the weekly report and make opening it part of someone’s week.',
    label: 'Open Reports',
    href: '/reports',
    external: false,
  },
};

export function judgeWeeklyReview(input: WeeklyReviewInput, { now }: JudgeEnv) {
  const since = now - REVIEW_WINDOW_DAYS * 86_400_000;
  const recent = input.reports.filter((r) => r.generatedAt >= since && r.generatedAt <= now);
  const opened = recent.filter((r) => r.openedAt !== null);
  const items =
    recent.length === 0
      ? [evidence('reports:generated', 'Weekly report', `None generated in the last ${REVIEW_WINDOW_DAYS} days`, '/reports')]
      : opened.length === 0
        ? [evidence('reports:opened', 'Weekly report', `Generated but not opened by anyone`, '/reports')]
        : [];
  const last = opened.sort((a, b) => b.openedAt! - a.openedAt!)[0];
  return verdictFrom({
    evidence: items,
    passReason: last ? `Last opened ${new Date(last.openedAt!).toISOString().slice(0, 10)} by ${last.openedBy ?? 'someone'}.` : '',
    failReason: (e) => (e[0]?.key === 'reports:generated' ? 'No weekly report this week.' : 'This week’s report was not opened.'),
  });
}

export const weeklyReviewCheck = defineCheck(weeklyReviewMeta, weeklyReviewInput, judgeWeeklyReview);
