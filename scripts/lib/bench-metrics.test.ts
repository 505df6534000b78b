import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ratio, recordMetrics } from './bench-metrics';

const file = path.join(os.tmpdir(), `bench-metrics-test-${process.pid}.jsonl`);
afterEach(() => {
  delete process.env.BENCH_RESULT_FILE;
  fs.rmSync(file, { force: true });
});

describe('bench metrics', () => {
  it('reads ratios the same way for lower- and higher-is-better figures', () => {
    expect(ratio({ label: 'p95', value: 150, unit: 'ms', target: 300 })).toBe(0.5);
    expect(ratio({ label: 'rows/s', value: 2000, unit: '/s', target: 1000, lowerIsBetter: false })).toBe(0.5);
    expect(ratio({ label: 'size', value: 10, unit: 'kB' })).toBeNull();
  });

  it('appends one JSON line per metric for the runner, and nothing without it', () => {
    recordMetrics('tokens', [{ label: 'p95', value: 1, unit: 'ms' }]);
    expect(fs.existsSync(file)).toBe(false);
    process.env.BENCH_RESULT_FILE = file;
    recordMetrics('tokens', [
      { label: 'p95', value: 120, unit: 'ms', target: 300 },
      { label: 'bytes', value: 5, unit: 'kB' },
    ]);
    expect(
      fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { bench: 'tokens', label: 'p95', value: 120, unit: 'ms', target: 300 },
      { bench: 'tokens', label: 'bytes', value: 5, unit: 'kB' },
    ]);
  });
});
