// `npm run bench [-- <name filter>] [--latency-ms 20] [--flag value…]`: runs every bench/*.bench.ts (each in its own
// process, one after another, with the test CA trusted) against a simulator that answers each request after
// --latency-ms (default 20 ms, what a real workspace's round trip costs; 0 shows the app's own time), and writes
// bench/REPORT.md: each figure with its target and ratio, the machine and its load. A run of some benches replaces
// their sections and keeps the others', each section saying when and under what load it was measured. Benches report
// figures with recordMetrics() from scripts/lib/bench-metrics.ts; the runner does not judge anything else. Not part
// of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ratio, type BenchMetric } from '../scripts/lib/bench-metrics';
import { ensureTestCa, TEST_CA_PEM } from '../testing/test-ca';

const ROOT = join(__dirname, '..');
const REPORT = join(ROOT, 'bench', 'REPORT.md');
const args = process.argv.slice(2);
const filter = args[0] !== undefined && !args[0].startsWith('--') ? args[0] : undefined;
const latencyAt = args.indexOf('--latency-ms');
const latencyMs = latencyAt >= 0 ? Number(args[latencyAt + 1]) : 20;
if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency-ms takes a number of milliseconds');
/** Flags go to every bench (the latency also through BENCH_LATENCY_MS, so a bench needs no flag parsing for it). */
const benchFlags = args.slice(filter === undefined ? 0 : 1);
/** `--note "…"`: a sentence for the report's header (why some benches are absent, what the host was doing). */
const noteAt = args.indexOf('--note');
const note = noteAt >= 0 ? args[noteAt + 1] : undefined;
const NOTE = /^<!-- note -->\n(.*)$/m;

interface Outcome {
  bench: string;
  exitCode: number | null;
  seconds: number;
  metrics: BenchMetric[];
  startedAt: Date;
  loadBefore: number[];
  loadAfter: number[];
}

function runOne(file: string): Outcome {
  const bench = file.replace(/\.bench\.ts$/, '');
  const resultFile = join(tmpdir(), `brickwatch-bench-${process.pid}-${bench}.jsonl`);
  rmSync(resultFile, { force: true });
  process.stdout.write(`\n▶ ${bench}\n`);
  const started = Date.now();
  const loadBefore = loadavg();
  // react-server: a bench may call the app's server modules directly (their `server-only` guard then resolves empty).
  const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', join(ROOT, 'bench', file), ...benchFlags], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: TEST_CA_PEM,
      BENCH_RESULT_FILE: resultFile,
      BENCH_LATENCY_MS: String(latencyMs),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const metrics = existsSync(resultFile)
    ? readFileSync(resultFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as BenchMetric)
    : [];
  rmSync(resultFile, { force: true });
  return {
    bench,
    exitCode: run.status,
    seconds: (Date.now() - started) / 1000,
    metrics,
    startedAt: new Date(started),
    loadBefore,
    loadAfter: loadavg(),
  };
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const MARK = /^<!-- bench:([\w-]+) -->$/m;

/** One bench's section: when, under what load, and its figures. Starts with a marker so a later run can replace it. */
function section(o: Outcome, commit: string): string {
  const lines = [
    `<!-- bench:${o.bench} -->`,
    `## ${o.bench}`,
    '',
    `${o.exitCode === 0 ? 'Completed' : `**Failed (exit ${o.exitCode})**`} in ${o.seconds.toFixed(0)} s, ${o.startedAt
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ')} UTC, commit \`${commit}\`, simulator latency ${latencyMs} ms a request. Load average (1 / 5 / 15 min) ${load(
      o.loadBefore,
    )} before, ${load(o.loadAfter)} after.`,
    '',
  ];
  if (o.metrics.length === 0) {
    lines.push('_No figures recorded (the bench does not call recordMetrics() from scripts/lib/bench-metrics.ts)._');
    return lines.join('\n');
  }
  lines.push('| figure | value | target | ratio | | spread |', '|---|---:|---:|---:|---|---|');
  for (const m of o.metrics) {
    const r = ratio(m);
    lines.push(
      `| ${m.label} | ${fmt(m.value)} ${m.unit} | ${m.target === undefined ? '—' : `${fmt(m.target)} ${m.unit}`} | ${r === null ? '—' : fmt(r)} | ${r === null ? '' : r <= 1 ? '✓' : '✗'} | ${m.spread ?? ''} |`,
    );
  }
  return lines.join('\n');
}

/** Sections of the report as it stands, by bench. */
function previousSections(): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(REPORT)) return out;
  for (const part of readFileSync(REPORT, 'utf8')
    .split(/(?=^<!-- bench:)/m)
    .slice(1)) {
    const name = MARK.exec(part)?.[1];
    if (name) out.set(name, part.trimEnd());
  }
  return out;
}

function report(outcomes: Outcome[], all: string[]): string {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).stdout?.toString().trim() || 'unknown';
  const sections = previousSections();
  for (const o of outcomes) sections.set(o.bench, section(o, commit));
  const missing = all.filter((b) => !sections.has(b));
  const lines = [
    '# Brickwatch bench report',
    '',
    `Written by \`npm run bench\` (bench/run.ts) ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${
      cpus()[0]?.model.trim() ?? 'unknown CPU'
    }, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}. Each section below is one bench's run, with its own time,`,
    'commit and load: a machine shared with other work shows it there. Comparisons inside a section were measured in that',
    'same run.',
    '',
    'Ratio = value ÷ target (target ÷ value where higher is better): ≤ 1 meets the target.',
    '',
    missing.length
      ? `Not measured in this report: ${missing.join(', ')} (\`npm run bench -- <name>\` adds a bench's section).`
      : 'Every bench is in this report.',
  ];
  const kept = note ?? (existsSync(REPORT) ? NOTE.exec(readFileSync(REPORT, 'utf8'))?.[1] : undefined);
  if (kept) lines.push('', '<!-- note -->', kept);
  for (const name of all) if (sections.has(name)) lines.push('', sections.get(name)!);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  await ensureTestCa();
  const every = readdirSync(join(ROOT, 'bench'))
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const files = every.filter((f) => !filter || f.includes(filter));
  if (files.length === 0) {
    process.stdout.write(`No benches${filter ? ` matching "${filter}"` : ''} in bench/.\n`);
    return 1;
  }
  const outcomes = files.map(runOne);
  writeFileSync(
    REPORT,
    report(
      outcomes,
      every.map((f) => f.replace(/\.bench\.ts$/, '')),
    ),
  );
  process.stdout.write(`\nReport: ${REPORT}\n`);
  return outcomes.every((o) => o.exitCode === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
