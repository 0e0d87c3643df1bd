import { defineConfig } from 'vitest/config';

// Browser tests: one real server (fresh data dir) for the whole run, one Chromium per file.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    // As long as a locator waits (support/browser.ts): a loaded machine answers in seconds, not in the default 1 s.
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 120_000,
    // Two files at a time: each has its own Chromium and its own users' data on the one server.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
});
