import { describe, expect, it } from 'vitest';
import { detectSpikes } from './spikes';

const flat = (hours: number, value = 0) => new Array<number>(hours).fill(value);
// Deterministic "noise": a background of 1–3 failures an hour, like mistyped passwords.
const background = (hours: number) => Array.from({ length: hours }, (_, i) => 1 + ((i * 7) % 3));

describe('detectSpikes', () => {
  it('flags a burst over a quiet history and explains it with the numbers', () => {
    const counts = [...background(48), 60, ...background(5)];
    const markers = detectSpikes(counts);
    expect(markers.map((m) => m.index)).toEqual([48]);
    expect(markers[0]).toMatchObject({ count: 60, baseline: 2 });
    expect(markers[0]!.threshold).toBeGreaterThan(2);
    expect(markers[0]!.threshold).toBeLessThanOrEqual(60);
    expect(markers[0]!.explanation).toContain('60 failures');
    expect(markers[0]!.explanation).toContain('typical 2 per hour');
  });

  it('does not flag ordinary variation in a busy baseline', () => {
    const busy = Array.from({ length: 72 }, (_, i) => 20 + ((i * 5) % 11) - 5);
    expect(detectSpikes([...busy, 30])).toEqual([]);
    expect(detectSpikes([...busy, 120]).map((m) => m.index)).toEqual([72]);
  });

  it('never flags fewer than minExcess failures above baseline, even over an all-zero history', () => {
    expect(detectSpikes([...flat(48), 9])).toEqual([]);
    expect(detectSpikes([...flat(48), 10]).map((m) => m.count)).toEqual([10]);
    expect(detectSpikes([...flat(48), 9], { minExcess: 5 }).map((m) => m.count)).toEqual([9]);
  });

  it('does not judge hours without enough history', () => {
    expect(detectSpikes([...flat(10), 500])).toEqual([]);
    expect(detectSpikes([...flat(10), 500], { minHistoryHours: 10 }).map((m) => m.index)).toEqual([10]);
  });

  it('keeps seeing later bursts after an earlier one (the median ignores outliers)', () => {
    const counts = [...background(30), 80, 90, ...background(24), 70];
    expect(detectSpikes(counts).map((m) => m.index)).toEqual([30, 31, 56]);
  });

  it('adapts once a higher level has become the norm', () => {
    const counts = [...flat(48), ...flat(200, 50)];
    const flagged = detectSpikes(counts).map((m) => m.index);
    expect(flagged).toContain(48);
    // After more than half the trailing week at the new level, the median has moved up to it.
    expect(flagged.some((i) => i > 48 + 84)).toBe(false);
  });

  it('judges only from firstIndex on, using earlier hours as baseline', () => {
    const counts = [...background(30), 80, ...background(30), 90];
    expect(detectSpikes(counts, {}, 40).map((m) => m.index)).toEqual([61]);
  });

  it('handles empty and short series', () => {
    expect(detectSpikes([])).toEqual([]);
    expect(detectSpikes([100])).toEqual([]);
  });

  it('rejects counts that are not non-negative numbers and inconsistent options', () => {
    expect(() => detectSpikes([1, -1])).toThrow(RangeError);
    expect(() => detectSpikes([1, Number.NaN])).toThrow(RangeError);
    expect(() => detectSpikes([1], { baselineHours: 5, minHistoryHours: 10 })).toThrow(RangeError);
  });
});
