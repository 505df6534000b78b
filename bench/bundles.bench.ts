// `tsx bench/bundles.bench.ts`: each page's own first-load JavaScript, gzipped, from the production build's route
// statistics (Next 16 no longer prints "First Load JS"; scripts/bundle-size.ts prints the raw table). The framework
// baseline is what every page loads (the chunks common to all of them, /login and /_not-found included); a page's own
// JavaScript is its first load minus that baseline. Target: 40 kB gzip a page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { recordMetrics, runBench } from '../scripts/lib/bench-metrics';
import { ensureBuild } from '../scripts/lib/build';

const DIST_DIR = process.env.BRICKWATCH_DIST_DIR || '.next-bench';
const ROOT = join(__dirname, '..');
const TARGET_KB = 40;
/** What a minified chunk holds, recognised by names minifiers keep (property names, strings). */
const SIGNATURES: Array<[string, RegExp]> = [
  ['zod', /_zod\b/],
  ['TanStack Query', /HydrationBoundary|dehydrate/],
  ['TanStack Table', /getCoreRowModel/],
  ['TanStack Virtual', /getVirtualItems/],
  ['dialog', /showModal/],
  ['CSV', /text\/csv/],
];

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

async function main() {
  await ensureBuild(DIST_DIR);
  const stats = JSON.parse(readFileSync(join(ROOT, DIST_DIR, 'diagnostics', 'route-bundle-stats.json'), 'utf8')) as RouteStats[];
  const pages = stats.filter((r) => !r.route.startsWith('/api')).sort((a, b) => a.route.localeCompare(b.route));
  const sizes = new Map<string, number>();
  const gz = (path: string) => {
    let n = sizes.get(path);
    if (n === undefined) {
      n = gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length;
      sizes.set(path, n);
    }
    return n;
  };
  const kb = (paths: string[]) => paths.reduce((s, p) => s + gz(p), 0) / 1024;
  const shared = pages.map((r) => new Set(r.firstLoadChunkPaths)).reduce((a, b) => new Set([...a].filter((p) => b.has(p))));
  const baseline = kb([...shared]);
  const holds = (path: string) => SIGNATURES.filter(([, re]) => re.test(readFileSync(join(ROOT, path), 'utf8'))).map(([name]) => name);
  // Beyond the framework: what every dashboard page loads (the query client, contracts, the table) and what is the
  // page's alone.
  const dashboard = pages
    .filter((r) => r.route !== '/login' && r.route !== '/_not-found')
    .map((r) => new Set(r.firstLoadChunkPaths.filter((p) => !shared.has(p))))
    .reduce((a, b) => new Set([...a].filter((p) => b.has(p))));
  const table = pages.map((r) => {
    const own = r.firstLoadChunkPaths.filter((p) => !shared.has(p));
    return {
      route: r.route,
      firstLoadKb: baseline + kb(own),
      ownKb: kb(own),
      pageOnlyKb: kb(own.filter((p) => !dashboard.has(p))),
      chunks: own.map(
        (p) =>
          `${p.split('/').pop()} ${(gz(p) / 1024).toFixed(1)} kB${dashboard.has(p) ? ' (every dashboard page)' : ''}: ${holds(p).join(', ')}`,
      ),
    };
  });
  recordMetrics('bundles', [
    { label: 'framework baseline: first-load JS every page loads (gzip, informative)', value: baseline, unit: 'kB' },
    {
      label: `loaded by every dashboard page beyond that (gzip, informative; ${[...dashboard]
        .flatMap(holds)
        .filter((v, i, a) => a.indexOf(v) === i)
        .join(', ')})`,
      value: kb([...dashboard]),
      unit: 'kB',
    },
    ...table
      .filter((r) => r.ownKb > 0)
      .map((r) => ({
        label: `\`${r.route}\` own first-load JS (gzip; first load ${r.firstLoadKb.toFixed(1)} kB, the page's alone ${r.pageOnlyKb.toFixed(1)} kB)`,
        value: r.ownKb,
        unit: 'kB',
        target: TARGET_KB,
      })),
  ]);
  process.stdout.write(`${JSON.stringify({ baselineKb: baseline, dashboardKb: kb([...dashboard]), routes: table }, null, 2)}\n`);
}

runBench(__filename, main);
