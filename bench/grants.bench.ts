// `tsx bench/grants.bench.ts [--state-dir /tmp/grants-bench-large] [--runs 5] [--catalog project_007]`: the grant
// matrix and the data-protection page at `large` scale (5,000 tables), with 20 ms of simulator latency on every
// request. Starts a large simulator (kept in --state-dir so later runs skip the seed) and the production build in
// service mode, signs an admin in, then measures:
//  - GET /api/grants/matrix for one catalog (10 schemas, 100 tables) and for the whole-metastore summary: server-side
//    time from the app's own http.request log, SQL statements (the answer says how many) and warehouse HTTP requests
//    (the simulator's request log), each sample uncached (a no-op REVOKE through the app between samples starts a new
//    cache generation, as any change made through Brickwatch does);
//  - the same grants fetched one securable at a time through the REST permissions API on the same simulator, as a
//    client without information_schema would (listing the securables, then GET /permissions/{type}/{name} each):
//    wall time and requests;
//  - GET /api/data-protection/columns for the whole estate: server-side time and statements.
// Targets: each matrix view < 1 s server-side, ≤ 3 statements, ≥ 20× faster and ≥ 50× fewer requests than per
// securable; data protection < 1.5 s server-side in a fixed number of statements.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { benchArg, benchLatencyMs, recordMetrics, runBench } from '../scripts/lib/bench-metrics';
import { ensureBuild } from '../scripts/lib/build';
import { startTestSimulator, type TestSimulator } from '../testing/simulator';
import { ensureTestCa } from '../testing/test-ca';
import { startApp } from '../testing/app-server';
import { signInByApi } from '../e2e/support/sign-in';

const STATE_DIR = benchArg('state-dir', '/tmp/grants-bench-large');
const RUNS = Number(benchArg('runs', '5'));
const CATALOG = benchArg('catalog', 'project_007');
const LATENCY_MS = benchLatencyMs();
const DIST_DIR = process.env.BRICKWATCH_DIST_DIR || '.next-bench';
const ROOT = join(__dirname, '..');
const LOG = join(ROOT, 'test-results', 'bench-grants-app.log');
const TARGET_MS = 1_000;
const TARGET_PROTECTION_MS = 1_500;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function serverDurations(path: string): number[] {
  return readFileSync(LOG, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"msg":"http.request"') && l.includes(`"path":"${path}"`))
    .map((l) => (JSON.parse(l) as { durationMs: number }).durationMs);
}

async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  if (!res.ok()) throw new Error(`GET ${path}: HTTP ${res.status()} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

async function warehouseRequests<T>(sim: TestSimulator, run: () => Promise<T>): Promise<{ value: T; requests: number }> {
  await sim.control('DELETE', '/requests');
  const value = await run();
  const log = await sim.control<{ requests: Array<{ path: string }> }>('GET', '/requests?limit=10000');
  return { value, requests: log.requests.filter((r) => r.path.startsWith('/sql/')).length };
}

/** A change made through Brickwatch that changes nothing (REVOKE of a grant nobody holds): every cached read is dropped. */
async function newCacheGeneration(request: APIRequestContext, origin: string) {
  const res = await request.post('/api/grants/apply', {
    data: { action: 'REVOKE', privileges: ['MODIFY'], securableType: 'CATALOG', securable: CATALOG, principal: 'security-managers' },
    headers: { Origin: origin },
  });
  if (!res.ok()) throw new Error(`no-op REVOKE: HTTP ${res.status()} ${await res.text()}`);
}

/** The app's view, sampled uncached RUNS times: server-side ms, statements and warehouse requests of each sample. */
async function measureView(sim: TestSimulator, request: APIRequestContext, origin: string, path: string, query: string) {
  const samples: Array<{ ms: number; statements: number; requests: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    await newCacheGeneration(request, origin);
    const before = serverDurations(path).length;
    const { value, requests } = await warehouseRequests(sim, () => getJson<{ statements: number }>(request, `${path}${query}`));
    samples.push({ ms: serverDurations(path)[before]!, statements: value.statements, requests });
  }
  return { samples, medianMs: median(samples.map((s) => s.ms)), maxMs: Math.max(...samples.map((s) => s.ms)) };
}

/** The same grants one securable at a time through REST, as a client without information_schema would fetch them. */
async function perSecurable(sim: TestSimulator, catalogs: string[] | null) {
  const host = sim.workspace.host;
  let requests = 0;
  const get = async <T>(path: string): Promise<T> => {
    requests++;
    const res = await fetch(`${host}${path}`, { headers: { Authorization: `Bearer ${sim.workspace.adminToken}` } });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  const list = async <T>(path: string, field: string): Promise<T[]> => {
    const out: T[] = [];
    let token: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await get<Record<string, unknown>>(
        `${path}${sep}max_results=0${token ? `&page_token=${encodeURIComponent(token)}` : ''}`,
      );
      out.push(...((page[field] as T[] | undefined) ?? []));
      token = page.next_page_token as string | undefined;
    } while (token);
    return out;
  };
  const started = Date.now();
  const names = catalogs ?? (await list<{ name: string }>('/api/2.1/unity-catalog/catalogs', 'catalogs')).map((c) => c.name);
  let grants = 0;
  const permissions = async (type: string, name: string) => {
    const r = await get<{ privilege_assignments?: unknown[] }>(`/api/2.1/unity-catalog/permissions/${type}/${encodeURIComponent(name)}`);
    grants += r.privilege_assignments?.length ?? 0;
  };
  for (const catalog of names) {
    await permissions('catalog', catalog);
    const schemas = await list<{ name: string }>(`/api/2.1/unity-catalog/schemas?catalog_name=${catalog}`, 'schemas');
    for (const s of schemas) {
      if (s.name === 'information_schema') continue;
      await permissions('schema', `${catalog}.${s.name}`);
      const q = `catalog_name=${catalog}&schema_name=${s.name}`;
      for (const [kind, path, field] of [
        ['table', 'tables', 'tables'],
        ['volume', 'volumes', 'volumes'],
        ['function', 'functions', 'functions'],
      ] as const) {
        for (const o of await list<{ name: string }>(`/api/2.1/unity-catalog/${path}?${q}`, field))
          await permissions(kind, `${catalog}.${s.name}.${o.name}`);
      }
    }
  }
  return { ms: Date.now() - started, requests, assignments: grants };
}

async function main() {
  await ensureTestCa();
  const startedSim = Date.now();
  const sim = await startTestSimulator({ scale: 'large', stateDir: STATE_DIR, latencyMs: LATENCY_MS });
  const simReadyS = (Date.now() - startedSim) / 1000;
  await ensureBuild(DIST_DIR);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const app = await startApp({ workspace: sim.workspace, mode: 'service', logFile: LOG, extraEnv: { BRICKWATCH_DIST_DIR: DIST_DIR } });
  const request = await playwrightRequest.newContext({ baseURL: app.url });
  try {
    const admin = sim.workspace.people.find((p) => p.groups.includes('admins'))!;
    await signInByApi(request, admin.userName);

    const catalogView = await measureView(sim, request, app.url, '/api/grants/matrix', `?catalog=${CATALOG}`);
    const summaryView = await measureView(sim, request, app.url, '/api/grants/matrix', '');
    const protection = await measureView(sim, request, app.url, '/api/data-protection/columns', '');
    const restCatalog = await perSecurable(sim, [CATALOG]);
    const restSummary = await perSecurable(sim, null);

    const ratios = (view: typeof catalogView, rest: typeof restCatalog) => ({
      speedup: rest.ms / view.medianMs,
      fewerRequests: rest.requests / Math.max(...view.samples.map((s) => s.requests)),
    });
    const catalogRatios = ratios(catalogView, restCatalog);
    const summaryRatios = ratios(summaryView, restSummary);
    const report = {
      date: new Date().toISOString(),
      scale: 'large',
      latencyMs: LATENCY_MS,
      simulatorReadySeconds: simReadyS,
      catalog: CATALOG,
      catalogView,
      summaryView,
      dataProtection: protection,
      restPerSecurable: { catalog: restCatalog, summary: restSummary },
      catalogRatios,
      summaryRatios,
    };
    const view = (label: string, v: typeof catalogView, r: typeof catalogRatios, rest: typeof restCatalog) => [
      { label: `${label}: server-side, median of ${RUNS} uncached`, value: v.medianMs, unit: 'ms', target: TARGET_MS },
      { label: `${label}: server-side, slowest uncached`, value: v.maxMs, unit: 'ms', target: TARGET_MS },
      { label: `${label}: SQL statements`, value: Math.max(...v.samples.map((s) => s.statements)), unit: 'statements', target: 3 },
      { label: `${label}: warehouse HTTP requests`, value: Math.max(...v.samples.map((s) => s.requests)), unit: 'requests' },
      { label: `${label}: per securable over REST, wall time`, value: rest.ms, unit: 'ms' },
      { label: `${label}: per securable over REST, requests`, value: rest.requests, unit: 'requests' },
      { label: `${label}: faster than per securable`, value: r.speedup, unit: '×', target: 20, lowerIsBetter: false },
      { label: `${label}: fewer requests than per securable`, value: r.fewerRequests, unit: '×', target: 50, lowerIsBetter: false },
    ];
    recordMetrics('grants', [
      ...view(`matrix, catalog ${CATALOG}`, catalogView, catalogRatios, restCatalog),
      ...view('matrix, whole-metastore summary', summaryView, summaryRatios, restSummary),
      {
        label: 'data protection columns: server-side, median uncached',
        value: protection.medianMs,
        unit: 'ms',
        target: TARGET_PROTECTION_MS,
      },
      {
        label: 'data protection columns: server-side, slowest uncached',
        value: protection.maxMs,
        unit: 'ms',
        target: TARGET_PROTECTION_MS,
      },
      {
        label: 'data protection columns: SQL statements (fixed)',
        value: Math.max(...protection.samples.map((s) => s.statements)),
        unit: 'statements',
        target: 5,
      },
    ]);
    mkdirSync(join(ROOT, 'bench', 'reports'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'reports', 'grants.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await request.dispose();
    await app.stop();
    await sim.stop();
  }
}

runBench(__filename, main);
