// `tsx bench/load.bench.ts [--state-dir /tmp/pages-bench-demo] [--clients 50] [--seconds 60] [--cpu-profile x.cpuprofile]`: the cached read APIs
// under 50 concurrent signed-in clients (each its own session; analysts, admins and managers in turn, each asking
// the routes its role may read, one request after another) for 60 s, against the demo-scale simulator answering
// after the run's latency. Reports throughput, p50/p99 latency and errors as the clients saw them; the server's own
// time per request (durationMs minus upstreamMs, from the app's http.request log lines); and the app process's RSS
// and heap before, right after, and 10 s after the run with a garbage collection asked for (through the inspector,
// which the app is started with on a local port).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { Pool, WebSocket } from 'undici';
import { benchArg, benchLatencyMs, pct, recordMetrics, runBench, spreadOf } from '../scripts/lib/bench-metrics';
import { ensureBuild } from '../scripts/lib/build';
import { startTestSimulator } from '../testing/simulator';
import { ensureTestCa } from '../testing/test-ca';
import { freePort, startApp } from '../testing/app-server';
import { signInByApi } from '../e2e/support/sign-in';
import { personFor, type Persona } from '../e2e/support/fixtures';

const STATE_DIR = benchArg('state-dir', '/tmp/pages-bench-demo');
const CLIENTS = Number(benchArg('clients', '50'));
const SECONDS = Number(benchArg('seconds', '60'));
const SETTLE_SECONDS = 10;
const SOLO_REQUESTS = 240;
const LATENCY_MS = benchLatencyMs();
const DIST_DIR = process.env.BRICKWATCH_DIST_DIR || '.next-bench';
const ROOT = join(__dirname, '..');
const LOG = join(ROOT, 'test-results', 'bench-load-app.log');
const OWN_P50_TARGET_MS = 5;
/** Memory "settles" when, after the load and a GC, the heap is back within this much of where it started. */
const SETTLED_HEAP_TARGET_MB = 20;

const ANALYST_READS = [
  '/api/tokens',
  '/api/tokens?risk=high&sort=expiry&dir=asc',
  '/api/secrets/scopes',
  '/api/secrets/plain-credentials',
  '/api/grants/matrix',
  '/api/grants/findings',
  '/api/data-protection/columns',
  '/api/audit/timeline?range=7d',
  '/api/audit/failed-auth?range=7d',
  '/api/activity',
];
const MANAGER_READS = ['/api/posture', '/api/reports'];
const READS: Record<Exclude<Persona, 'none'>, string[]> = {
  analyst: ANALYST_READS,
  admin: [...ANALYST_READS, ...MANAGER_READS],
  manager: MANAGER_READS,
};
const TURN: Exclude<Persona, 'none'>[] = ['analyst', 'admin', 'manager'];

/** A session on the app process's inspector (Chrome DevTools Protocol over a WebSocket). */
async function openInspector(port: number) {
  const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(list[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
  let id = 0;
  const send = <T = unknown>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const mine = ++id;
      ws.addEventListener('message', function on(ev) {
        const msg = JSON.parse(String(ev.data)) as { id?: number; result: T };
        if (msg.id !== mine) return;
        ws.removeEventListener('message', on);
        resolve(msg.result);
      });
      ws.send(JSON.stringify({ id: mine, method, params }));
    });
  return { send, close: () => ws.close() };
}

/** The app process's memory (Runtime.evaluate in it), optionally after a full garbage collection. */
async function memoryOf(inspectorPort: number, gc: boolean): Promise<{ rssMb: number; heapMb: number }> {
  const inspector = await openInspector(inspectorPort);
  try {
    if (gc) await inspector.send('HeapProfiler.collectGarbage');
    const res = await inspector.send<{ result: { value: string } }>('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    const usage = JSON.parse(res.result.value) as NodeJS.MemoryUsage;
    return { rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 };
  } finally {
    inspector.close();
  }
}

interface HttpLine {
  msg: string;
  path: string;
  method: string;
  status: number;
  durationMs: number;
  upstreamMs?: number;
  upstreamCalls?: number;
  time: string;
}

async function main() {
  await ensureTestCa();
  await ensureBuild(DIST_DIR);
  const sim = await startTestSimulator({ stateDir: STATE_DIR, latencyMs: LATENCY_MS });
  const inspectorPort = await freePort();
  const app = await startApp({
    workspace: sim.workspace,
    mode: 'service',
    logFile: LOG,
    extraEnv: { BRICKWATCH_DIST_DIR: DIST_DIR, NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}` },
  });
  const pool = new Pool(app.url, { connections: CLIENTS });
  try {
    const sessions: { persona: Exclude<Persona, 'none'>; cookie: string }[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const persona = TURN[i % TURN.length]!;
      const api = await playwrightRequest.newContext({ baseURL: app.url });
      await signInByApi(api, personFor(persona, sim.workspace).userName);
      const { cookies } = await api.storageState();
      sessions.push({ persona, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') });
      await api.dispose();
    }
    const get = async (path: string, cookie: string) => {
      const started = performance.now();
      const res = await pool.request({ method: 'GET', path, headers: { cookie, 'accept-encoding': 'gzip' } });
      await res.body.arrayBuffer();
      return { status: res.statusCode, ms: performance.now() - started };
    };
    // Warm every read once per persona (the first read of each fills the cache: not what this bench measures).
    for (const persona of TURN) {
      const { cookie } = sessions.find((s) => s.persona === persona)!;
      for (const path of READS[persona]) {
        const { status, ms } = await get(path, cookie);
        if (status !== 200) throw new Error(`warm-up GET ${path} as ${persona}: HTTP ${status}`);
        process.stdout.write(`warm ${persona} ${path}: ${ms.toFixed(0)} ms\n`);
      }
    }
    // The same reads from one client, one at a time: the server's own time when no other request shares its thread.
    const soloFrom = readFileSync(LOG).length;
    const admin = sessions.find((s) => s.persona === 'admin')!;
    for (let n = 0; n < SOLO_REQUESTS; n++) await get(READS.admin[n % READS.admin.length]!, admin.cookie);
    await new Promise((r) => setTimeout(r, 2_000));
    const before = await memoryOf(inspectorPort, true);
    const logOffset = readFileSync(LOG).length;

    // --cpu-profile <file>: the app's CPU profile over the load, to open in Chrome's DevTools (where the time goes).
    const profileTo = benchArg('cpu-profile', '');
    const profiler = profileTo ? await openInspector(inspectorPort) : null;
    await profiler?.send('Profiler.enable');
    await profiler?.send('Profiler.start');
    const latencies: number[] = [];
    let errors = 0;
    const errorKinds = new Map<string, number>();
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(
      sessions.map(async ({ persona, cookie }, i) => {
        const reads = READS[persona];
        for (let n = i; performance.now() < until; n++) {
          const path = reads[n % reads.length]!;
          try {
            const { status, ms } = await get(path, cookie);
            latencies.push(ms);
            if (status !== 200) {
              errors++;
              errorKinds.set(`${path} ${status}`, (errorKinds.get(`${path} ${status}`) ?? 0) + 1);
            }
          } catch (e) {
            errors++;
            errorKinds.set(`${path} ${(e as Error).message}`, (errorKinds.get(`${path} ${(e as Error).message}`) ?? 0) + 1);
          }
        }
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    if (profiler) {
      writeFileSync(profileTo, JSON.stringify((await profiler.send<{ profile: unknown }>('Profiler.stop')).profile));
      profiler.close();
    }
    const after = await memoryOf(inspectorPort, false);
    await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
    const settled = await memoryOf(inspectorPort, true);

    const logged = (from: number, to?: number) =>
      readFileSync(LOG)
        .subarray(from, to)
        .toString()
        .split('\n')
        .filter((l) => l.includes('"msg":"http.request"'))
        .map((l) => JSON.parse(l) as HttpLine);
    const lines = logged(logOffset);
    const own = lines.map((l) => l.durationMs - (l.upstreamMs ?? 0));
    const soloOwn = logged(soloFrom, logOffset).map((l) => l.durationMs - (l.upstreamMs ?? 0));
    const waited = lines.filter((l) => (l.upstreamCalls ?? 0) > 0);
    const perRoute = new Map<string, number[]>();
    for (const l of lines) perRoute.set(l.path, [...(perRoute.get(l.path) ?? []), l.durationMs - (l.upstreamMs ?? 0)]);
    const requests = latencies.length;
    const summary = {
      clients: CLIENTS,
      seconds: elapsedS,
      requests,
      rps: requests / elapsedS,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      errors,
      errorKinds: Object.fromEntries(errorKinds),
      loggedLines: lines.length,
      waitedOnUpstream: waited.length,
      ownP50: pct(own, 50),
      ownP99: pct(own, 99),
      soloOwnP50: pct(soloOwn, 50),
      ownByRoute: Object.fromEntries([...perRoute].map(([p, xs]) => [p, { n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99) }])),
      memory: { before, after, settled },
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    const mb = (m: { rssMb: number; heapMb: number }) => `RSS ${m.rssMb.toFixed(0)} MB, heap ${m.heapMb.toFixed(0)} MB`;
    recordMetrics('load', [
      {
        label: `Throughput, ${CLIENTS} signed-in clients (${TURN.join(', ')} sessions in turn) on ${new Set(Object.values(READS).flat()).size} cached read routes for ${SECONDS} s`,
        value: summary.rps,
        unit: 'req/s',
        spread: `${requests} requests in ${elapsedS.toFixed(1)} s`,
      },
      { label: 'Latency seen by the clients, p50', value: summary.p50, unit: 'ms', spread: spreadOf(latencies) },
      { label: 'Latency seen by the clients, p99', value: summary.p99, unit: 'ms' },
      {
        label: 'Errors (non-200 answers and failed requests)',
        value: errors,
        unit: 'requests',
        target: 0,
        spread: [...errorKinds].map(([k, n]) => `${k} × ${n}`).join('; '),
      },
      {
        label: "Server's own time per request (durationMs − upstreamMs from its log), p50",
        value: summary.ownP50,
        unit: 'ms',
        target: OWN_P50_TARGET_MS,
        spread: `${spreadOf(own)}; ${waited.length} of ${lines.length} requests waited on Databricks`,
      },
      { label: "Server's own time per request, p99", value: summary.ownP99, unit: 'ms' },
      {
        label: `Comparison: server's own time with one client asking the same reads one at a time, p50`,
        value: summary.soloOwnP50,
        unit: 'ms',
        target: OWN_P50_TARGET_MS,
        spread: spreadOf(soloOwn),
      },
      ...[...perRoute].map(([path, xs]) => ({
        label: `\`${path}\` server's own time, p50 (informative)`,
        value: pct(xs, 50),
        unit: 'ms',
        spread: spreadOf(xs),
      })),
      { label: 'App memory before the load (after a GC): RSS', value: before.rssMb, unit: 'MB', spread: mb(before) },
      { label: 'App memory right after the load: RSS', value: after.rssMb, unit: 'MB', spread: mb(after) },
      {
        label: `App heap ${SETTLE_SECONDS} s after the load, after a GC (target: back within ${SETTLED_HEAP_TARGET_MB} MB of before)`,
        value: settled.heapMb,
        unit: 'MB',
        target: before.heapMb + SETTLED_HEAP_TARGET_MB,
        spread: `${mb(settled)}; before ${mb(before)}`,
      },
    ]);
  } finally {
    await pool.close();
    await app.stop();
    await sim.stop();
  }
}

runBench(__filename, main);
