// `tsx scripts/bundle-size.ts [distDir]`: client JavaScript each route loads first, uncompressed and gzipped.
// Next 16 no longer prints "First Load JS"; its diagnostics list the chunks, and this gzips them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

const ROOT = join(__dirname, '..');
const distDir = process.argv[2] ?? process.env.BRICKWATCH_DIST_DIR ?? '.next';
const stats = JSON.parse(readFileSync(join(ROOT, distDir, 'diagnostics', 'route-bundle-stats.json'), 'utf8')) as RouteStats[];
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

const rows = stats
  .map((r) => {
    const chunks = r.firstLoadChunkPaths.map((p) => readFileSync(join(ROOT, p)));
    return {
      route: r.route,
      raw: chunks.reduce((s, c) => s + c.length, 0),
      gzip: chunks.reduce((s, c) => s + gzipSync(c, { level: 9 }).length, 0),
    };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

process.stdout.write('| route | first-load JS | gzipped |\n|---|---:|---:|\n');
for (const r of rows) process.stdout.write(`| \`${r.route}\` | ${kb(r.raw)} | ${kb(r.gzip)} |\n`);
