import { defineConfig } from 'vitest/config'

const integration = ['src/**/*.api.test.ts']
// The staff workspace in a real browser: Chromium drives the app served by a server with the demo data.
const browser = ['web/e2e/**/*.e2e.test.ts']
const onPostgres = Boolean(process.env.DATABASE_URL)
// Database set-up only for the projects that use a database: the unit project answers in seconds.
const databaseSetup = ['src/testing/global-setup.ts']
// Test files of a database project share their worker's loaded modules instead of importing the
// whole app again per file (about 2 s a file here); each file still opens its own database.
const shared = { globalSetup: databaseSetup, isolate: false }

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    projects: [
      { extends: true as const, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: integration } },
      {
        extends: true as const,
        test: {
          name: 'web',
          include: ['web/src/**/*.test.ts'],
          ...shared,
          env: { PASSERELLE_TEST_DB: 'pglite' },
        },
      },
      { extends: true as const, test: { name: 'e2e', include: browser, testTimeout: 120_000 } },
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: integration,
          ...shared,
          env: { PASSERELLE_TEST_DB: 'pglite' },
        },
      },
      ...(onPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: integration,
                ...shared,
                env: { PASSERELLE_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
})
