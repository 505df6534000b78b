const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { PHASE_PRODUCTION_BUILD } = require('next/constants');

// Security headers that do not depend on the request live here; the per-request CSP nonce and HSTS are set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/**
 * zod/mini for the browser, bundled by esbuild with only the functions our code calls. Turbopack keeps zod's core
 * modules whole (every kind of schema and check, every regex); esbuild drops what nothing reaches, about 8 kB gzip on
 * every page. The names come from the sources (`z.object`, `import { safeParse } from 'zod/mini'`) at each production
 * build; `next dev` uses the package as it is. The server keeps the package too.
 */
function zodForBrowser() {
  const used = new Set();
  const scan = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) scan(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const source = readFileSync(path, 'utf8');
        for (const [statement, what] of source.matchAll(/(?:import|export)\s+([^;]*?)\s*from\s*['"]zod\/mini['"]/g)) {
          const namespace = /^\* as (\w+)$/.exec(what);
          const named = /^{([^}]*)}$/.exec(what);
          if (namespace) for (const [, name] of source.matchAll(new RegExp(`\\b${namespace[1]}\\.(\\w+)`, 'g'))) used.add(name);
          else if (named) for (const name of named[1].split(',')) used.add(name.trim().split(/\s+as\s+/)[0]);
          else if (!/^type\s/.test(what)) throw new Error(`${path}: \`${statement}\` is not a form next.config.js reads`);
        }
        if (/import\(\s*['"]zod\/mini['"]/.test(source)) throw new Error(`${path}: import('zod/mini') is not a form next.config.js reads`);
      }
    }
  };
  for (const dir of ['app', 'components', 'lib']) scan(join(__dirname, dir));
  // Type names (`type core`, `z.infer`) are not exports at run time. `z.input<…>` and `z.output<…>` are types in our
  // code, but zod also has functions by those names, which would bring its util namespace.
  const exported = new Set(Object.keys(require('zod/mini')));
  const names = [...used].filter((name) => exported.has(name) && name !== 'input' && name !== 'output').sort();
  const [out] = require('esbuild').buildSync({
    stdin: { contents: `export { ${names.join(', ')} } from 'zod/mini';`, resolveDir: __dirname },
    bundle: true,
    // Left for Turbopack to minify with the rest: a minified file is small enough that its chunking merges it into
    // every page's own chunk, and each page would then download zod again.
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  }).outputFiles;
  // Named by its content and written whole, then renamed into place: builds of other sources, or into other dist
  // dirs, may run at the same time.
  const hash = createHash('sha256').update(out.contents).digest('hex').slice(0, 16);
  const file = join('node_modules', '.cache', 'brickwatch', `zod-mini.${hash}.browser.mjs`);
  if (!existsSync(join(__dirname, file))) {
    mkdirSync(dirname(join(__dirname, file)), { recursive: true });
    writeFileSync(join(__dirname, `${file}.${process.pid}`), out.contents);
    renameSync(join(__dirname, `${file}.${process.pid}`), join(__dirname, file));
  }
  return `./${file}`;
}

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => ({
  // BRICKWATCH_DIST_DIR lets a test run build into its own folder (e.g. .next-e2e-tokens) without touching .next.
  distDir: process.env.BRICKWATCH_DIST_DIR || '.next',
  // Native addons (DuckDB in the simulator, the Databricks driver's kernel and lz4, SQLite) cannot be bundled.
  serverExternalPackages: ['@duckdb/node-api', '@databricks/sql', 'better-sqlite3'],
  poweredByHeader: false,
  // Only in a production build: `next start` loads this file too and bundles nothing, and `next dev` would keep the
  // names it found at start-up while the sources change.
  ...(phase === PHASE_PRODUCTION_BUILD && {
    turbopack: { resolveAlias: { 'zod/mini': { browser: zodForBrowser() } } },
  }),
  reactStrictMode: true,
  experimental: {
    // forbidden() / unauthorized() from next/navigation render app/forbidden.tsx with a 403.
    authInterrupts: true,
    // Route types are referenced from next-env.d.ts instead of being added to tsconfig.json's include, so a build
    // into another BRICKWATCH_DIST_DIR does not rewrite the shared tsconfig.json.
    strictRouteTypes: true,
    // Next buffers the body of every request proxy.ts sees. Nothing there reads a body and no route accepts more than
    // 256 KB (lib/api/json-body.ts), so buffer no more than that (the default is 10 MB).
    proxyClientMaxBodySize: 256 * 1024,
  },
  // A production build type-checks. Only a build made right after `npm run typecheck` (the e2e build in `npm test`)
  // may skip it, by setting BRICKWATCH_BUILD_SKIP_TYPECHECK=1.
  typescript: { ignoreBuildErrors: process.env.BRICKWATCH_BUILD_SKIP_TYPECHECK === '1' },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // JSON never needs to run anything.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
});
