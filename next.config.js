// Security headers that do not depend on the request live here; the per-request CSP nonce and HSTS are set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/** @type {import('next').NextConfig} */
module.exports = {
  // BRICKWATCH_DIST_DIR lets a test run build into its own folder (e.g. .next-e2e-tokens) without touching .next.
  distDir: process.env.BRICKWATCH_DIST_DIR || '.next',
  // Native addons (DuckDB in the simulator, the Databricks driver's kernel and lz4, SQLite) cannot be bundled.
  serverExternalPackages: ['@duckdb/node-api', '@databricks/sql', 'better-sqlite3'],
  poweredByHeader: false,
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
};
