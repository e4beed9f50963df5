import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and API tests. Database tests run on PGlite always and, when
// TEST_DATABASE_URL is set, a second time against that PostgreSQL server.
// Component tests (src/web/**/*.test.tsx) run in a simulated browser.
const databaseTests = ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default leaves one core to itself (cores - 1): on the 2-core
    // machines this project runs on that is a single worker, and the test
    // databases (PGlite in the worker, PostgreSQL in its own process) wait on
    // each other. Each test file has its own database, so files run side by side.
    maxWorkers: os.availableParallelism(),
    // A worker keeps the modules it imported from one test file to the next
    // (the server, PGlite, the password list): importing them again for each
    // file took a quarter of the run. Nothing here mocks modules, and every
    // test file builds its own app and database, so nothing leaks through them.
    isolate: false,
    // Every project builds the database snapshot its test databases start from.
    globalSetup: ['src/server/test-support/global-setup.ts'],
    projects: [
      {
        // Not `extends`: the web components need no test database.
        test: {
          name: 'web',
          include: ['src/web/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/web/test-support/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'eslint/**/*.test.ts'],
          env: { PEERCITIES_TEST_DB: 'pglite' },
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                // *.postgres-test.ts: tests that need a PostgreSQL server (two app processes on one database).
                include: [...databaseTests, 'src/**/*.postgres-test.ts'],
                env: { PEERCITIES_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
