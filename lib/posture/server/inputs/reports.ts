// Posture's input from the Reports area (issue 16): the weekly reports of the review window and who opened them first
// (check 11). Brickwatch's own store: nothing in Databricks is read, so this check is measured on every install.
import 'server-only';
import { REVIEW_WINDOW_DAYS, type WeeklyReviewInput } from '@/lib/posture/checks/weekly-review';
import type { CheckContext } from '@/lib/posture/checks/define';
import { getDb } from '@/lib/store/db';
import { reportsReadSince } from '@/lib/store/report-opens';

export async function weeklyReviewInput(ctx: CheckContext): Promise<WeeklyReviewInput> {
  return { reports: await reportsReadSince(ctx.db ?? getDb(), ctx.now - REVIEW_WINDOW_DAYS * 86_400_000) };
}
