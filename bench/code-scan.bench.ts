// `tsx bench/code-scan.bench.ts [--state-dir /tmp/code-scan-bench-large] [--latency-ms 20]`: credentials in code at
// `large` scale (20,000 notebooks, ~7,500 folders). Starts a large simulator with 20 ms added to every request in a
// process of its own, as Databricks is a remote service (kept in --state-dir so later runs skip the seed), and runs
// the app's scanner in this process, as the service principal, on a throwaway store. Measures a full scan (target
// < 3 min), an incremental re-scan of the unchanged workspace (target < 10 s, and zero export calls counted in the
// simulator's request log), and checks that the findings are exactly the seeded positives. Not a test: it reports
// figures against their targets through the bench runner.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchArg, benchLatencyMs, recordMetrics, runBench } from '../scripts/lib/bench-metrics';
import type { WorkspaceFile } from '../simulator/core/contract';
import { appEnv } from '../testing/simulator';
import { ensureTestCa, giveTestCa } from '../testing/test-ca';
import { plantedNotebookSecrets } from '../simulator/seed/notebook-secrets';
import { loadConfig } from '../lib/config';
import { getBackgroundWorkspace } from '../lib/databricks/get-workspace';
import { openSqlite } from '../lib/store/sqlite';
import { listFindings } from '../lib/store/code-scan';
import { getRun } from '../lib/store/code-scan-runs';
import { scanFinished, startScan } from '../lib/code-scan/server/run';
import type { ScanProgress } from '../lib/code-scan/contract';

const STATE_DIR = benchArg('state-dir', '/tmp/code-scan-bench-large');
const LATENCY_MS = benchLatencyMs();
const FULL_TARGET_S = 180;
const INCREMENTAL_TARGET_S = 10;

const say = (line: string) => process.stdout.write(`[code-scan bench] ${line}\n`);
const ROOT = join(__dirname, '..');

/** `npm run simulator` in a child process; resolves with its workspace file once it says it serves. */
async function startSimulatorProcess() {
  giveTestCa(STATE_DIR);
  const args = ['--import', 'tsx', join(ROOT, 'simulator', 'main.ts'), '--port', '0', '--state-dir', STATE_DIR, '--scale', 'large'];
  const child = spawn(process.execPath, [...args, '--latency-ms', String(LATENCY_MS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Simulator ready at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before it was ready`)));
  });
  const workspace = JSON.parse(readFileSync(join(STATE_DIR, 'workspace.json'), 'utf8')) as WorkspaceFile;
  const control = async <T>(method: string, path: string): Promise<T> => {
    const res = await fetch(`${workspace.host}/__simulator${path}`, {
      method,
      headers: { Authorization: `Bearer ${workspace.adminToken}` },
    });
    if (!res.ok) throw new Error(`simulator control ${method} ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { workspace, control, stop };
}

async function main() {
  await ensureTestCa();
  const simStarted = Date.now();
  const sim = await startSimulatorProcess();
  say(`simulator (large, +${LATENCY_MS} ms per request) ready in ${((Date.now() - simStarted) / 1000).toFixed(1)} s`);
  const dataDir = mkdtempSync(join(tmpdir(), 'code-scan-bench-'));
  try {
    const config = loadConfig({
      ...appEnv(sim.workspace, 'service', 'http://127.0.0.1:3999', dataDir),
      NEXTAUTH_SECRET: 'code-scan-bench-secret-0123456789abcdef',
      BRICKWATCH_LOG_LEVEL: 'warn',
    });
    const ws = getBackgroundWorkspace(config)!;
    const db = openSqlite(join(dataDir, 'brickwatch.db'));
    const scan = async (mode: 'full' | 'incremental') => {
      const started = Date.now();
      const run = await startScan({ ws, db, kind: 'manual', mode, startedBy: 'bench' });
      await scanFinished(run.id);
      const seconds = (Date.now() - started) / 1000;
      const done = (await getRun(db, run.id))!;
      if (done.state !== 'completed') throw new Error(`the ${mode} scan ended ${done.state}: ${done.error}`);
      const progress = JSON.parse(done.progress) as ScanProgress;
      say(`${mode} scan: ${seconds.toFixed(1)} s, ${JSON.stringify({ ...progress, failedBy: undefined })}`);
      return { seconds, progress };
    };

    const full = await scan('full');
    const { positives } = plantedNotebookSecrets('large', 42);
    const found = (await listFindings(db)).map((f) => `${f.path}:${f.line}:${f.detector}`).sort();
    const planted = positives.map((p) => `${p.path}:${p.line}:${p.kind}`).sort();
    const exact = JSON.stringify(found) === JSON.stringify(planted);
    say(`findings: ${found.length} (planted ${planted.length}) — ${exact ? 'exactly the seeded positives' : 'MISMATCH'}`);

    await sim.control('DELETE', '/requests');
    const again = await scan('incremental');
    const exports = (await sim.control<{ requests: unknown[] }>('GET', '/requests?path_prefix=/api/2.0/workspace/export')).requests.length;

    recordMetrics('code-scan', [
      { label: `full scan, large workspace (+${LATENCY_MS} ms per request)`, value: full.seconds, unit: 's', target: FULL_TARGET_S },
      { label: 'objects listed', value: full.progress.listed, unit: 'objects' },
      { label: 'export calls in the full scan', value: full.progress.exports, unit: 'calls' },
      { label: 'incremental re-scan, unchanged workspace', value: again.seconds, unit: 's', target: INCREMENTAL_TARGET_S },
      { label: 'export calls in the re-scan (simulator request log)', value: exports, unit: 'calls' },
      { label: 'findings that are not a seeded positive, or seeded positives missed', value: exact ? 0 : 1, unit: 'mismatches' },
    ]);
    await db.close();
  } finally {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBench(__filename, main);
