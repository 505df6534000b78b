// What a page cost upstream, from the simulator's request log: how many calls, and how many had to wait for one
// another (the critical path's depth: 1 means every call went out in one parallel round).

export interface LoggedRequest {
  /** When the simulator answered (ISO). */
  time: string;
  durationMs: number;
  method: string;
  path: string;
}

/** Calls that started within this long of another's end count as waiting for it (the log's clock is in ms). */
const SLACK_MS = 2;

/** The longest chain of calls where each started after the previous one ended. */
export function criticalPathDepth(requests: readonly LoggedRequest[]): number {
  const spans = requests
    .map((r) => {
      const end = Date.parse(r.time);
      return { start: end - r.durationMs, end };
    })
    .sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  let deepest = 0;
  for (let i = 0; i < spans.length; i++) {
    let before = 0;
    for (let j = 0; j < i; j++) if (spans[j]!.end <= spans[i]!.start + SLACK_MS) before = Math.max(before, depth[j]!);
    depth.push(before + 1);
    deepest = Math.max(deepest, before + 1);
  }
  return deepest;
}

export function upstreamCost(requests: readonly LoggedRequest[]) {
  return { calls: requests.length, depth: criticalPathDepth(requests) };
}
