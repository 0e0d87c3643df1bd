// Lint: type-aware rules plus the import boundaries of ARCHITECTURE.md, enforced here, not in prose.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const banned = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', 'packages/db/migrations/**', 'eslint.config.js', 'scripts/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Fastify plugins are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // domain is pure: it imports nothing of ours and no I/O, and never reads the clock.
    files: ['packages/domain/**/*.ts'],
    rules: {
      ...banned(['@kehu/*', 'drizzle-orm*', 'fastify*', 'pg', 'node:fs*', 'fs', 'node:http*', 'react*', '../../apps/*', '**/packages/db/**'],
        'packages/domain is pure: no I/O, no other workspace'),
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Pass the clock in; domain code never reads it.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in; domain code is deterministic.' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Domain code never reads the environment.' }],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: banned(['@kehu/db', '@kehu/server', '@kehu/cli', '@kehu/web', 'drizzle-orm*', 'fastify*'], 'contracts may import only @kehu/domain'),
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: banned(['@kehu/*'], 'packages/db imports only Drizzle and drivers'),
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: banned(['@kehu/db', '@kehu/server', '@kehu/cli', 'drizzle-orm*', 'pg', 'fastify*', 'node:*'], 'web talks to the server over HTTP only'),
  },
  {
    // Inside the server one module reaches another only through its service.
    files: ['apps/server/src/modules/**/*.ts'],
    rules: banned(['../*/*.repository*', '../*/*.routes*'], 'reach another module through its service only'),
  },
  {
    files: ['apps/server/src/**/*.ts', 'packages/contracts/**/*.ts', 'packages/db/**/*.ts'],
    ignores: ['apps/server/src/config/env.ts', 'packages/db/src/testing.ts', '**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment in apps/server/src/config/env.ts only.' }],
    },
  },
);
