// The seam between weekly reports and posture snapshots (issue 15, built in parallel). The report asks for the
// posture of the week and the week before; until posture exists the answer is "not collected", which the report
// shows as such — never as a score of zero. Wired to the posture snapshot store when posture lands.
import 'server-only';

export interface PostureWeek {
  score: number;
  /** Percent of checks that could be evaluated. */
  coverage: number;
  newFindings: number;
  resolvedFindings: number;
}

export type PostureInput =
  { status: 'collected'; current: PostureWeek; previous: PostureWeek | null } | { status: 'not_collected'; reason: string };

export async function loadPostureInput(_window: { from: Date; to: Date }, _previous: { from: Date; to: Date }): Promise<PostureInput> {
  return { status: 'not_collected', reason: 'posture not built yet' };
}
