import { defineConfig } from 'vitest/config';

// Unit and API tests. Database tests run on PGlite always and, when
// TEST_DATABASE_URL is set, a second time against that PostgreSQL server.
// Component tests (src/web/**/*.test.tsx) run in a simulated browser.
const databaseTests = ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
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
                include: databaseTests,
                env: { PEERCITIES_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
