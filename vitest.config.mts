import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure, colocated *.test.ts) and `integration` (*.int.test.ts, against a started simulator).
export default defineConfig({
  // 'server-only' throws outside a React server bundle; tests run lib/ code directly in Node, which is the server.
  resolve: {
    tsconfigPaths: true,
    alias: { 'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)) },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,simulator,components,app,bench,scripts}/**/*.test.{ts,tsx}', '*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // Some unit suites seed an in-memory estate; a loaded 2-core machine must not turn that into a timeout.
          testTimeout: 20_000,
          // One Postgres server per run for the store suite, which runs on every engine (testing/store-engines.ts).
          globalSetup: ['testing/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{lib,simulator,app,bench,scripts}/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
