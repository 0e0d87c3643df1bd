import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure helpers (no DOM): tree building, diffs, form checks, query strings.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '../../test-results/web-unit.json' }]],
  },
});
