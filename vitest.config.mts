import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure, colocated *.test.ts) and `integration` (*.int.test.ts, against a started simulator).
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{lib,simulator,components,app,bench,scripts}/**/*.test.{ts,tsx}'], exclude: ['**/*.int.test.ts', 'node_modules/**'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['{lib,simulator,app,bench,scripts}/**/*.int.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
