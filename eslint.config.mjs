import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';

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
);
