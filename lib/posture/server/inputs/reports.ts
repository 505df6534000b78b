// Posture's inputs from the Reports area (issue 16): the weekly reports of the review window and who opened them (check 11).
// Until that area lands each throws "area not built", so its check says "not collected", never "pass". Wiring the
// area is this one file: return its findings in the shape the check module declares.
import 'server-only';
import type { WeeklyReviewInput } from '@/lib/posture/checks/weekly-review';
import { areaNotBuilt, type CheckContext } from '@/lib/posture/checks/define';

/** Seam for the Reports area (issue 16): the weekly reports of the window. */
export async function weeklyReviewInput(_ctx: CheckContext): Promise<WeeklyReviewInput> {
  return areaNotBuilt('Reports');
}
