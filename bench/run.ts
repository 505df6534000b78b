// `npm run bench [-- <name filter> [--flag value…]]`: runs every bench/*.bench.ts (each in its own process, one after another, with
// the test CA trusted) and writes bench/reports/<timestamp>.md: each figure with its target and ratio. A ratio ≤ 1
// meets the target. Benches report figures with recordMetrics() from scripts/lib/bench-metrics.ts; the runner does
// not judge anything else. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratio, type BenchMetric } from '../scripts/lib/bench-metrics';
import { ensureTestCa, TEST_CA_PEM } from '../testing/test-ca';

const ROOT = join(__dirname, '..');
const filter = process.argv[2];
/** `npm run bench -- <filter> --flag value`: flags after the filter go to the bench. */
const benchFlags = process.argv.slice(3);

interface Outcome {
  bench: string;
  exitCode: number | null;
  seconds: number;
  metrics: BenchMetric[];
}

function runOne(file: string): Outcome {
  const bench = file.replace(/\.bench\.ts$/, '');
  const resultFile = join(tmpdir(), `brickwatch-bench-${process.pid}-${bench}.jsonl`);
  rmSync(resultFile, { force: true });
  process.stdout.write(`\n▶ ${bench}\n`);
  const started = Date.now();
  // react-server: a bench may call the app's server modules directly (their `server-only` guard then resolves empty).
  const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', join(ROOT, 'bench', file), ...benchFlags], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: TEST_CA_PEM, BENCH_RESULT_FILE: resultFile, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const metrics = existsSync(resultFile)
    ? readFileSync(resultFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as BenchMetric)
    : [];
  rmSync(resultFile, { force: true });
  return { bench, exitCode: run.status, seconds: (Date.now() - started) / 1000, metrics };
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

function report(outcomes: Outcome[]): string {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).stdout?.toString().trim() || 'unknown';
  const lines = [
    `# Brickwatch bench report — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Commit \`${commit}\` · Node ${process.version} · ${cpus().length} cores · load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
    '',
    'Ratio = value ÷ target (target ÷ value where higher is better): ≤ 1 meets the target.',
  ];
  for (const o of outcomes) {
    lines.push(
      '',
      `## ${o.bench}`,
      '',
      `${o.exitCode === 0 ? 'Completed' : `**Failed (exit ${o.exitCode})**`} in ${o.seconds.toFixed(0)} s.`,
      '',
    );
    if (o.metrics.length === 0) {
      lines.push('_No figures recorded (the bench does not call recordMetrics() from scripts/lib/bench-metrics.ts)._');
      continue;
    }
    lines.push('| figure | value | target | ratio | |', '|---|---:|---:|---:|---|');
    for (const m of o.metrics) {
      const r = ratio(m);
      lines.push(
        `| ${m.label} | ${fmt(m.value)} ${m.unit} | ${m.target === undefined ? '—' : `${fmt(m.target)} ${m.unit}`} | ${r === null ? '—' : fmt(r)} | ${r === null ? '' : r <= 1 ? '✓' : '✗'} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  await ensureTestCa();
  const files = readdirSync(join(ROOT, 'bench'))
    .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
    .sort();
  if (files.length === 0) {
    process.stdout.write(`No benches${filter ? ` matching "${filter}"` : ''} in bench/.\n`);
    return 1;
  }
  const outcomes = files.map(runOne);
  const dir = join(ROOT, 'bench', 'reports');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.md`);
  writeFileSync(file, report(outcomes));
  process.stdout.write(`\nReport: ${file}\n`);
  return outcomes.every((o) => o.exitCode === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
