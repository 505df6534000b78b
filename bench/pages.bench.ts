// `tsx bench/pages.bench.ts [--state-dir /tmp/pages-bench-demo] [--runs 3]`: every dashboard page opened in headless
// Chromium against a demo-scale simulator that answers each request after the run's latency (BENCH_LATENCY_MS,
// 20 ms from the runner). Each open is a reload, so the browser asks for fresh reads and the page's Databricks calls
// all happen in that open. Per page: time until the network is quiet, the upstream calls from the simulator's request
// log and how many of them waited for another (the critical path's depth: 1 is one parallel round), and the HTML size.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { benchArg, benchLatencyMs, recordMetrics, runBench, spreadOf } from '../scripts/lib/bench-metrics';
import { upstreamCost, type LoggedRequest } from '../scripts/lib/bench-upstream';
import { ensureChromium } from '../scripts/lib/browser';
import { ensureBuild } from '../scripts/lib/build';
import { startTestSimulator } from '../testing/simulator';
import { ensureTestCa } from '../testing/test-ca';
import { startApp } from '../testing/app-server';
import { signInByApi } from '../e2e/support/sign-in';

const STATE_DIR = benchArg('state-dir', '/tmp/pages-bench-demo');
const RUNS = Number(benchArg('runs', '3'));
const LATENCY_MS = benchLatencyMs();
const DIST_DIR = process.env.BRICKWATCH_DIST_DIR || '.next-bench';
const ROOT = join(__dirname, '..');
const PAGES = ['/', '/tokens', '/audit', '/activity', '/grants', '/secrets', '/secrets/code', '/data-protection'];
/** One parallel round of Databricks calls, plus the sign-in's own exchange when a token is refreshed. */
const TARGET_DEPTH = 1;

async function main() {
  await ensureTestCa();
  await ensureBuild(DIST_DIR);
  const sim = await startTestSimulator({ stateDir: STATE_DIR, latencyMs: LATENCY_MS });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const app = await startApp({
    workspace: sim.workspace,
    mode: 'service',
    logFile: join(ROOT, 'test-results', 'bench-pages-app.log'),
    extraEnv: { BRICKWATCH_DIST_DIR: DIST_DIR },
  });
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1440, height: 900 }, ignoreHTTPSErrors: true });
    const admin = sim.workspace.people.find((p) => p.groups.includes('admins'))!;
    await signInByApi(context.request, admin.userName);
    const page = await context.newPage();
    const results = [];
    for (const path of PAGES) {
      await page.goto(path, { waitUntil: 'networkidle' });
      const times: number[] = [];
      let cost = { calls: 0, depth: 0 };
      let htmlBytes = 0;
      for (let i = 0; i < RUNS; i++) {
        await sim.control('DELETE', '/requests');
        const started = Date.now();
        await page.reload({ waitUntil: 'networkidle' });
        times.push(Date.now() - started);
        const log = (await sim.control<{ requests: LoggedRequest[] }>('GET', '/requests?limit=5000')).requests.filter(
          (r) => !r.path.startsWith('/oidc/'),
        );
        cost = upstreamCost(log);
        htmlBytes = await page.evaluate(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.transferSize ?? NaN,
        );
      }
      results.push({ path, times, ...cost, htmlBytes });
    }
    recordMetrics(
      'pages',
      results.flatMap((r) => [
        {
          label: `\`${r.path}\` reloaded (fresh reads) until the network is quiet, p50`,
          value: [...r.times].sort((a, b) => a - b)[Math.floor(r.times.length / 2)]!,
          unit: 'ms',
          spread: spreadOf(r.times),
        },
        {
          label: `\`${r.path}\` Databricks calls: ${r.calls}; sequential rounds on the critical path`,
          value: r.depth,
          unit: 'rounds',
          target: TARGET_DEPTH,
        },
        { label: `\`${r.path}\` HTML document on the wire (informative)`, value: r.htmlBytes / 1024, unit: 'KB' },
      ]),
    );
    process.stdout.write(`${JSON.stringify({ latencyMs: LATENCY_MS, results }, null, 2)}\n`);
  } finally {
    await browser.close();
    await app.stop();
    await sim.stop();
  }
}

runBench(__filename, main);
