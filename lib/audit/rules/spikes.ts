// Spike detection for hourly failed-authentication counts. An hour is a spike when its count stands far above
// the trailing baseline, measured with robust statistics so that earlier bursts do not hide later ones:
//   baseline = median of the previous `baselineHours` hours (zeros included)
//   spread   = max(1.4826 × MAD, √max(baseline, 1))  — the MAD scaled to a standard deviation, floored by the
//              Poisson noise of a count, so a quiet history (MAD = 0) does not turn 3 failures into a spike
//   spike   ⇔ count ≥ baseline + zThreshold × spread  and  count − baseline ≥ minExcess
// Hours with less than `minHistoryHours` of history before them are not judged at all (no baseline, no verdict).

export interface SpikeOptions {
  baselineHours: number;
  minHistoryHours: number;
  zThreshold: number;
  minExcess: number;
}

export const DEFAULT_SPIKE_OPTIONS: SpikeOptions = {
  baselineHours: 24 * 7,
  minHistoryHours: 24,
  zThreshold: 5,
  minExcess: 10,
};

export interface SpikeMarker {
  /** Index into the series passed in. */
  index: number;
  count: number;
  baseline: number;
  /** The smallest count that would have been flagged. */
  threshold: number;
  /** (count − baseline) / spread. */
  score: number;
  explanation: string;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ascending = (a: number, b: number): number => a - b;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Flags spike hours in `counts` (consecutive hours, oldest first). Only indices ≥ `firstIndex` are judged, so a
 * caller can prepend history that serves as baseline without being marked itself.
 */
export function detectSpikes(counts: readonly number[], options: Partial<SpikeOptions> = {}, firstIndex = 0): SpikeMarker[] {
  const opts = { ...DEFAULT_SPIKE_OPTIONS, ...options };
  if (opts.minHistoryHours < 1 || opts.baselineHours < opts.minHistoryHours) {
    throw new RangeError('baselineHours must be at least minHistoryHours, which must be at least 1');
  }
  for (const c of counts) {
    if (!Number.isFinite(c) || c < 0) throw new RangeError(`counts must be finite and non-negative, got ${c}`);
  }
  const markers: SpikeMarker[] = [];
  for (let i = Math.max(firstIndex, opts.minHistoryHours); i < counts.length; i++) {
    const count = counts[i]!;
    // Cheap exit before sorting: nothing below minExcess can be a spike, whatever the baseline.
    if (count < opts.minExcess) continue;
    const window = counts.slice(Math.max(0, i - opts.baselineHours), i).sort(ascending);
    const baseline = median(window);
    const mad = median(window.map((c) => Math.abs(c - baseline)).sort(ascending));
    const spread = Math.max(1.4826 * mad, Math.sqrt(Math.max(baseline, 1)));
    const threshold = Math.ceil(Math.max(baseline + opts.zThreshold * spread, baseline + opts.minExcess));
    if (count < threshold) continue;
    const score = (count - baseline) / spread;
    markers.push({
      index: i,
      count,
      baseline,
      threshold,
      score: round1(score),
      explanation: `${count} failures in one hour against a typical ${round1(baseline)} per hour over the previous ${window.length} hours; an hour is flagged from ${threshold}.`,
    });
  }
  return markers;
}
