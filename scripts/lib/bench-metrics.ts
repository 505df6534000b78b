// The contract between a bench (bench/<name>.bench.ts) and the runner (bench/run.ts): a bench calls recordMetrics()
// with its figures and their targets; the runner puts them in the markdown report with their ratio to the target.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { TEST_CA_PEM, trustsTestCa } from '../../testing/test-ca';

export interface BenchMetric {
  /** What was measured, e.g. "GET /api/tokens p95 (server-side)". */
  label: string;
  value: number;
  unit: string;
  /** The goal, in the same unit; omitted for figures that are only informative. */
  target?: number;
  /** Default true: latency, bytes. False for throughput-like figures. */
  lowerIsBetter?: boolean;
  /** How much the figure varied, in words ("p50 12 · p95 30 · max 41 ms, 30 runs"). */
  spread?: string;
}

/** The simulator's per-request latency for this run: --latency-ms on the bench's or the runner's command line, 20 ms by default. */
export function benchLatencyMs(): number {
  return Number(benchArg('latency-ms', process.env.BENCH_LATENCY_MS ?? '20'));
}

/** The p-th percentile (0–100) of samples, nearest rank; NaN for none. */
export function pct(samples: readonly number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
}

/** "p50 12 · p95 30 · max 41 ms (n = 30)" for a set of samples. */
export function spreadOf(samples: readonly number[], unit = 'ms'): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  return s.length ? `min ${f(s[0]!)} · p50 ${f(at(0.5))} · p95 ${f(at(0.95))} · max ${f(s[s.length - 1]!)} ${unit} (n = ${s.length})` : '';
}

/** The value of `--name <value>` on the bench's command line, or the fallback. */
export function benchArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** Records metrics for the runner (no-op when the bench is run on its own, without the runner). */
export function recordMetrics(bench: string, metrics: BenchMetric[]): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (!file) return;
  for (const m of metrics) appendFileSync(file, `${JSON.stringify({ bench, ...m })}\n`);
}

/** value/target when lower is better (≤ 1 meets the target), target/value otherwise; same reading either way. */
export function ratio(m: BenchMetric): number | null {
  if (m.target === undefined || m.target === 0 || m.value === 0) return null;
  return (m.lowerIsBetter ?? true) ? m.value / m.target : m.target / m.value;
}

/**
 * Runs a bench's main(). The simulator's certificate must be trusted before Node starts, so when it is not, the
 * bench file re-runs itself with the run's CA; errors end the process with their stack and a non-zero status.
 */
export function runBench(file: string, main: () => Promise<void>): void {
  if (!trustsTestCa()) {
    const res = spawnSync(process.execPath, [...process.execArgv, file, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, NODE_EXTRA_CA_CERTS: TEST_CA_PEM },
    });
    process.exit(res.status ?? 1);
  }
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
