import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';

// The shape's boundaries (README "Adding an area"), one rule each, so a wrong import fails `npm run lint`:
// what ships to the browser, what is pure, what only tests and scripts may reach, and where configuration is read.
const SERVER_ONLY = {
  regex:
    '^(server-only$|@/lib/(databricks|store|auth)/|@/lib/[a-z-]+/server/|(\\.\\.?/)+server/|@/lib/(api/(route|errors)|log|startup|singleton|query/server|read-cache)$)',
  message:
    'Browser code (components, client pages, contracts, queries, rules) never imports a server module or the store: import the area contract instead.',
};
const CONFIG = {
  regex: '^@/lib/config$',
  allowTypeImports: true,
  message: 'lib/config.ts reads the environment: browser code may only import its types.',
};
const IO = {
  regex:
    '^(node:|fs$|path$|os$|child_process$|net$|http$|https$|crypto$|next(/|$)|react(-dom)?(/|$)|@tanstack/|better-sqlite3$|pg$|@databricks/|@/lib/query/|@/lib/use-url-state$)',
  message: 'Pure rules take plain data and return findings: no I/O, no framework, nothing that needs a network or a browser.',
};
const TEST_ONLY = {
  regex: '(^|/)(simulator|testing)(/|$)',
  message:
    'Only tests, scripts, e2e and the bench may reach the simulator or the test harnesses: production code must not know it talks to one.',
};

const BROWSER = [
  'components/**/*.{ts,tsx}',
  'app/**/client.tsx',
  'lib/*/contract.ts',
  'lib/*/queries.ts',
  'lib/*/rules/**/*.ts',
  'lib/query/{api-error,client,fetch}.ts',
  'lib/{use-url-state,url-state,url-state-writes,roles,nav,errors,csv}.ts',
];
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

export default tseslint.config(
  // Build output of every dist dir (.next, .next-e2e, BRICKWATCH_DIST_DIR=...) is generated code, never linted.
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'next-env.d.ts',
      '.simulator/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'blob-report/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Rule 1: browser code never imports server modules or the store.
  {
    files: BROWSER,
    ignores: TESTS,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [SERVER_ONLY, CONFIG, TEST_ONLY] }] },
  },
  // Rule 2: pure rules import nothing with I/O (this block repeats rule 1's patterns: a later block replaces, not merges).
  {
    files: ['lib/*/rules/**/*.ts'],
    ignores: TESTS,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [SERVER_ONLY, CONFIG, TEST_ONLY, IO] }] },
  },
  // Rule 3: nothing outside tests and scripts imports simulator/ (or the harnesses in testing/).
  {
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts', 'proxy.ts', 'instrumentation.ts'],
    ignores: [...TESTS, ...BROWSER],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [TEST_ONLY] }] },
  },
  // Rule 4: process.env only in lib/config.ts.
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.ts', 'proxy.ts'],
    ignores: [...TESTS, 'lib/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Configuration is read and validated in lib/config.ts only.' },
      ],
    },
  },
  // Rule 5: e2e specs take `test` from e2e/support/test.ts, which fails a test on any unexpected console or page error.
  {
    files: ['e2e/**/*.ts'],
    ignores: ['e2e/support/test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message: 'Import { test, expect } from e2e/support/test: it fails the test on console errors and page errors.',
            },
          ],
        },
      ],
    },
  },
  // Next loads next.config.js as CommonJS.
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
