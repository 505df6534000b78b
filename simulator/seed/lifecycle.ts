// Who was around when: the seed picks the people and service principals of each story among those who had joined
// (and not yet left) at the story's time, so that nothing is created, used or changed by someone outside their life.
import type { PrincipalRecord } from '../identity/store';
import { DAY_MS, type Rng } from './random';

export const HOUR_MS = 3_600_000;

/** The first instant of the day after the one containing `t` (UTC): a use from then on has last_used_day ≥ t. */
export const nextDay = (t: number) => (Math.floor(t / DAY_MS) + 1) * DAY_MS;

/** A pool of principals, sorted by when they joined, for picks of "someone who was here at time t". */
export class Roster {
  private readonly sorted: PrincipalRecord[];
  private readonly anyLeft: boolean;

  constructor(
    members: readonly PrincipalRecord[],
    private readonly leftAt: ReadonlyMap<string, number>,
  ) {
    this.sorted = [...members].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    this.anyLeft = this.sorted.some((p) => leftAt.has(p.id));
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Members who joined before `t` and had not left by `until` (default `t`). */
  aliveAt(t: number, until = t): PrincipalRecord[] {
    const out: PrincipalRecord[] = [];
    for (const p of this.sorted) {
      if (p.createdAt >= t) break;
      if ((this.leftAt.get(p.id) ?? Infinity) > until) out.push(p);
    }
    return out;
  }

  /** Someone who was here from `t` to `until`; null when nobody was. */
  pick(rng: Rng, t: number, until = t): PrincipalRecord | null {
    if (!this.anyLeft) {
      // Tens of thousands of picks at large scale: a binary search instead of a scan.
      const hi = this.joinedBefore(t);
      return hi === 0 ? null : (this.sorted[rng.int(0, hi - 1)] as PrincipalRecord);
    }
    const alive = this.aliveAt(t, until);
    return alive.length ? rng.pick(alive) : null;
  }

  /** The one who joined first (the fallback when nobody had joined yet). */
  earliest(): PrincipalRecord {
    return this.sorted[0] as PrincipalRecord;
  }

  private joinedBefore(t: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as PrincipalRecord).createdAt < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** `desired`, moved inside [from, to] (a few hours inside an edge it crossed); null when the interval is empty. */
export function within(rng: Rng, desired: number, from: number, to: number): number | null {
  if (from > to) return null;
  if (desired < from) return Math.floor(Math.min(to, from + rng.int(1, 10) * HOUR_MS));
  if (desired > to) return Math.floor(Math.max(from, to - rng.int(1, 10) * HOUR_MS));
  return Math.floor(desired);
}

export const days = (n: number) => n * DAY_MS;
