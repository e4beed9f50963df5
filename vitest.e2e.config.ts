import { defineConfig } from 'vitest/config';

// End-to-end tests: a real browser (Debian's Chromium through playwright-core)
// against the whole platform started in-process on an in-memory database.
// Two files at a time: each starts its own platform (on its own port and
// in-memory database) and its own browser, so files share nothing. One at a
// time left a core idle while a page waited for the server or the other way
// round (decision 0035 has the figures).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    maxWorkers: 2,
    // Each worker runs its files in turn: keep its imports between files
    // (the server and the harness, ~5 s a file) instead of loading them again.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['verbose'],
    // The demo database every platform starts from (built once per run).
    globalSetup: ['src/server/test-support/global-setup.ts'],
  },
});
