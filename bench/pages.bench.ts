// `tsx bench/pages.bench.ts [--state-dir /tmp/pages-bench-demo] [--runs 5]`: every dashboard page opened in headless
// Chromium against a demo-scale simulator that answers each request after the run's latency (BENCH_LATENCY_MS,
// 20 ms from the runner). Each open is a reload, so the browser asks for fresh reads and the page's Databricks calls
// all happen in that open. Per page: time until the network is quiet, the upstream calls from the simulator's request
// log and how many of them waited for another (the critical path's depth: 1 is one parallel round), the server's time
// for the document (request to last byte: it streams), and what crossed the wire (the HTML, then the page's API calls).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { benchArg, benchLatencyMs, pct, recordMetrics, runBench, spreadOf } from '../scripts/lib/bench-metrics';
import { upstreamCost, type LoggedRequest } from '../scripts/lib/bench-upstream';
import { ensureChromium } from '../scripts/lib/browser';
import { ensureBuild } from '../scripts/lib/build';
import { startTestSimulator } from '../testing/simulator';
import { ensureTestCa } from '../testing/test-ca';
import { startApp } from '../testing/app-server';
import { signInByApi } from '../e2e/support/sign-in';

const STATE_DIR = benchArg('state-dir', '/tmp/pages-bench-demo');
const RUNS = Number(benchArg('runs', '5'));
const LATENCY_MS = benchLatencyMs();
const DIST_DIR = process.env.BRICKWATCH_DIST_DIR || '.next-bench';
const ROOT = join(__dirname, '..');
const PAGES = [
  '/',
  '/tokens',
  '/audit',
  '/activity',
  '/grants',
  '/grants/findings',
  '/grants/access',
  '/secrets',
  '/secrets/code',
  '/data-protection',
];
/** One parallel round of Databricks calls, plus the sign-in's own exchange when a token is refreshed. */
const TARGET_DEPTH = 1;
/** Why a page needs more than one round, where Databricks leaves no other way (the report says it beside the figure). */
const WHY_MORE_ROUNDS: Record<string, string> = {
  '/secrets':
    'Databricks has no bulk read of secret scopes: the scope list comes first, then each scope’s keys and ACL, 12 scopes at a time (more scopes, more waves)',
};

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
      const serverTimes: number[] = [];
      let api = { bytes: 0, calls: 0 };
      for (let i = 0; i < RUNS; i++) {
        await sim.control('DELETE', '/requests');
        const started = Date.now();
        await page.reload({ waitUntil: 'networkidle' });
        times.push(Date.now() - started);
        const log = (await sim.control<{ requests: LoggedRequest[] }>('GET', '/requests?limit=5000')).requests.filter(
          (r) => !r.path.startsWith('/oidc/'),
        );
        cost = upstreamCost(log);
        const wire = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) =>
            new URL(e.name).pathname.startsWith('/api/'),
          );
          // The document streams (loading.tsx's skeleton first), so its last byte is when the server finished the page.
          return {
            serverMs: nav ? nav.responseEnd - nav.requestStart : NaN,
            htmlBytes: nav?.transferSize ?? NaN,
            apiBytes: api.reduce((sum, e) => sum + e.transferSize, 0),
            apiCalls: api.length,
          };
        });
        serverTimes.push(wire.serverMs);
        htmlBytes = wire.htmlBytes;
        api = { bytes: wire.apiBytes, calls: wire.apiCalls };
      }
      results.push({ path, times, serverTimes, ...cost, htmlBytes, api });
    }
    recordMetrics(
      'pages',
      results.flatMap((r) => [
        {
          label: `\`${r.path}\` reloaded (fresh reads) until the network is quiet, p50`,
          value: pct(r.times, 50),
          unit: 'ms',
          spread: spreadOf(r.times),
        },
        {
          label: `\`${r.path}\` Databricks calls: ${r.calls}; sequential rounds on the critical path${r.depth > TARGET_DEPTH && WHY_MORE_ROUNDS[r.path] ? ` (${WHY_MORE_ROUNDS[r.path]})` : ''}`,
          value: r.depth,
          unit: 'rounds',
          target: TARGET_DEPTH,
        },
        {
          label: `\`${r.path}\` server time: the page's document, request to last byte, p50 (informative)`,
          value: pct(r.serverTimes, 50),
          unit: 'ms',
          spread: spreadOf(r.serverTimes),
        },
        { label: `\`${r.path}\` server time, p95 (informative)`, value: pct(r.serverTimes, 95), unit: 'ms' },
        { label: `\`${r.path}\` HTML document on the wire (informative)`, value: r.htmlBytes / 1024, unit: 'KB' },
        {
          label: `\`${r.path}\` its own API answers after load: ${r.api.calls} on the wire (informative)`,
          value: r.api.bytes / 1024,
          unit: 'KB',
        },
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
