import { defineConfig } from 'vitest/config';

// End-to-end tests: a real browser (Debian's Chromium through playwright-core)
// against the whole platform started in-process on an in-memory database.
// One file at a time: each starts its own platform and browser, and Chromium
// is the slow part.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    fileParallelism: false,
    // One worker runs every file in turn: keep its imports between files
    // (the server and the harness, ~5 s a file) instead of loading them again.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['verbose'],
    // The demo database every platform starts from (built once per run).
    globalSetup: ['src/server/test-support/global-setup.ts'],
  },
});
