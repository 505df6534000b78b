import { describe, expect, it } from 'vitest';
import { criticalPathDepth, upstreamCost } from './bench-upstream';

const call = (startMs: number, durationMs: number) => ({
  time: new Date(Date.UTC(2026, 11, 4, 12) + startMs + durationMs).toISOString(),
  durationMs,
  method: 'GET',
  path: '/api/2.0/x',
});

describe('upstream critical path', () => {
  it('is one round when every call overlaps the others', () => {
    expect(upstreamCost([call(0, 30), call(1, 25), call(3, 40)])).toEqual({ calls: 3, depth: 1 });
  });

  it('counts calls that waited for an earlier one', () => {
    // A list, then two reads that needed it in parallel, then one that needed those.
    expect(criticalPathDepth([call(0, 20), call(21, 20), call(22, 30), call(60, 10)])).toBe(3);
  });

  it('is zero without calls', () => {
    expect(criticalPathDepth([])).toBe(0);
  });
});
