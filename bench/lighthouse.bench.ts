// `tsx bench/lighthouse.bench.ts [--state-dir /tmp/pages-bench-demo] [--only /tokens] [--runs 3]`: Lighthouse 12.2.3
// (desktop preset) on every page, one at a time, as a person of the lowest role that may open it (a manager for the
// posture and reports, an analyst elsewhere, nobody on /login), against the demo-scale simulator answering after the
// run's latency. Chromium is the system's (/usr/bin/chromium, `--headless=new`, started here with a debugging port);
// the session cookie goes with every request through Lighthouse's extraHeaders. Per page, the median of --runs:
// performance (target 95) and accessibility (target 100), with the failing audits printed and each median report kept
// in test-results/lighthouse/ to read why.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { benchArg, benchLatencyMs, recordMetrics, runBench } from '../scripts/lib/bench-metrics';
import { ensureChromium } from '../scripts/lib/browser';
import { ensureBuild } from '../scripts/lib/build';
import { startTestSimulator } from '../testing/simulator';
import { ensureTestCa } from '../testing/test-ca';
import { freePort, startApp } from '../testing/app-server';
import { signInByApi } from '../e2e/support/sign-in';
import { personFor, type Persona } from '../e2e/support/fixtures';
import { ACCESS } from '../e2e/support/access-matrix';

const STATE_DIR = benchArg('state-dir', '/tmp/pages-bench-demo');
const ONLY = benchArg('only', '');
const RUNS = Number(benchArg('runs', '3'));
const LATENCY_MS = benchLatencyMs();
const DIST_DIR = process.env.BRICKWATCH_DIST_DIR || '.next-bench';
const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'test-results', 'lighthouse');
const PERFORMANCE_TARGET = 95;
const ACCESSIBILITY_TARGET = 100;

interface LhAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
}
interface LhResult {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhAudit & { numericValue?: number }>;
  runtimeError?: { code: string; message: string };
}

/** The pages under app/ (from the access matrix, so a new page is measured without editing this list). */
function pages(scope: string): { path: string; persona: Persona }[] {
  return Object.entries(ACCESS)
    .filter(([k]) => k.startsWith('PAGE '))
    .map(([k, access]) => ({
      path: k.slice(5).replace('[scope]', encodeURIComponent(scope)),
      persona: (access === 'public' ? 'none' : access) as Persona,
    }))
    .filter((p) => !ONLY || p.path === ONLY);
}

/** What keeps a category below 1: its audits that scored below 1, heaviest first. */
function failing(result: LhResult, category: string): string[] {
  return result.categories[category]!.auditRefs.map((ref) => ({ ref, audit: result.audits[ref.id]! }))
    .filter(({ audit }) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
    .sort((a, b) => b.ref.weight - a.ref.weight)
    .map(
      ({ ref, audit }) => `${audit.id} (weight ${ref.weight}, score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})`,
    );
}

/** Headless Chromium with a debugging port for Lighthouse, in a throwaway profile. */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'brickwatch-lighthouse-'));
  const child = spawn(
    ensureChromium(),
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      if (i > 100 || child.exitCode !== null) throw new Error('Chromium did not open its debugging port within 10 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => (rmSync(profile, { recursive: true, force: true }), resolve());
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

async function main() {
  await ensureTestCa();
  await ensureBuild(DIST_DIR);
  mkdirSync(OUT, { recursive: true });
  const sim = await startTestSimulator({ stateDir: STATE_DIR, latencyMs: LATENCY_MS });
  const app = await startApp({
    workspace: sim.workspace,
    mode: 'service',
    logFile: join(ROOT, 'test-results', 'bench-lighthouse-app.log'),
    extraEnv: { BRICKWATCH_DIST_DIR: DIST_DIR },
  });
  // Lighthouse is an ES module; it drives a Chromium we start (the system's, never a download) over its debugging port.
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chrome = await startChromium();
  const cookies = new Map<Persona, string>();
  const cookieFor = async (persona: Persona): Promise<string> => {
    if (persona === 'none') return '';
    if (!cookies.has(persona)) {
      const api = await playwrightRequest.newContext({ baseURL: app.url });
      await signInByApi(api, personFor(persona, sim.workspace).userName);
      const { cookies: jar } = await api.storageState();
      cookies.set(persona, jar.map((c) => `${c.name}=${c.value}`).join('; '));
      await api.dispose();
    }
    return cookies.get(persona)!;
  };
  try {
    const scopes = (await (await fetch(`${app.url}/api/secrets/scopes`, { headers: { Cookie: await cookieFor('analyst') } })).json()) as {
      scopes: { name: string }[];
    };
    const scope = scopes.scopes[0]?.name;
    if (!scope) throw new Error('the demo estate has no secret scope to open');
    const results = [];
    const audit = async (path: string, cookie: string): Promise<LhResult> => {
      // Lighthouse itself sometimes loses the trace (NO_NAVSTART); that page is measured again, once.
      for (let attempt = 1; ; attempt++) {
        const run = await lighthouse(
          `${app.url}${path}`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            extraHeaders: cookie ? { Cookie: cookie } : undefined,
          },
          desktopConfig,
        );
        const got = run?.lhr as unknown as LhResult | undefined;
        const problem = !got ? 'no result' : got.runtimeError ? `${got.runtimeError.code} ${got.runtimeError.message}` : null;
        if (!problem) return got!;
        if (attempt >= 2) throw new Error(`Lighthouse on ${path}: ${problem}`);
        process.stdout.write(`Lighthouse on ${path}: ${problem}; measuring it again\n`);
      }
    };
    const score = (lhr: LhResult, c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    for (const { path, persona } of pages(scope)) {
      const cookie = await cookieFor(persona);
      // One page at a time (the machine is shared, and Lighthouse's timings are the figure), RUNS times: the run with
      // the median performance score is reported, as Lighthouse's own guidance on variability suggests.
      const runs: LhResult[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(path, cookie));
      runs.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const lhr = runs[Math.floor(runs.length / 2)]!;
      // Lighthouse copies its settings into the result: the session cookie must not be written out with it.
      const saved = { ...lhr, configSettings: { ...(lhr as { configSettings?: object }).configSettings, extraHeaders: undefined } };
      writeFileSync(join(OUT, `${path === '/' ? 'home' : path.slice(1).replace(/[^\w-]+/g, '_')}.json`), JSON.stringify(saved));
      const m = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      const r = {
        path,
        persona,
        performance: score(lhr, 'performance'),
        performanceRuns: runs.map((x) => score(x, 'performance')),
        accessibility: score(lhr, 'accessibility'),
        fcpMs: m('first-contentful-paint'),
        lcpMs: m('largest-contentful-paint'),
        tbtMs: m('total-blocking-time'),
        cls: m('cumulative-layout-shift'),
        failing: { performance: failing(lhr, 'performance'), accessibility: failing(lhr, 'accessibility') },
      };
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      results.push(r);
    }
    const pageName = (path: string) => (path.includes('/secrets/') && !path.endsWith('/code') ? '/secrets/[scope]' : path);
    recordMetrics(
      'lighthouse',
      results.flatMap((r) => [
        {
          label: `\`${pageName(r.path)}\` Lighthouse performance (desktop, ${r.persona === 'none' ? 'nobody signed in' : `as ${r.persona === 'manager' ? 'a' : 'an'} ${r.persona}`}), median of ${RUNS}`,
          value: r.performance,
          unit: 'points',
          target: PERFORMANCE_TARGET,
          lowerIsBetter: false,
          spread: `runs ${r.performanceRuns.join(', ')}; median run: FCP ${r.fcpMs.toFixed(0)} · LCP ${r.lcpMs.toFixed(0)} · TBT ${r.tbtMs.toFixed(0)} ms · CLS ${r.cls.toFixed(3)}`,
        },
        {
          label: `\`${pageName(r.path)}\` Lighthouse accessibility`,
          value: r.accessibility,
          unit: 'points',
          target: ACCESSIBILITY_TARGET,
          lowerIsBetter: false,
          spread: r.failing.accessibility.map((f) => f.split(' ')[0]).join(', '),
        },
      ]),
    );
  } finally {
    await chrome.stop();
    await app.stop();
    await sim.stop();
  }
}

runBench(__filename, main);
