import { defineConfig } from 'vitest/config'

const integration = ['src/**/*.api.test.ts']
// The staff workspace in a real browser: Chromium drives the app served by a server with the demo data.
const browser = ['web/e2e/**/*.e2e.test.ts']
const onPostgres = Boolean(process.env.DATABASE_URL)

export default defineConfig({
  test: {
    globalSetup: ['src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    projects: [
      { extends: true as const, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: integration } },
      {
        extends: true as const,
        test: { name: 'web', include: ['web/src/**/*.test.ts'], env: { PASSERELLE_TEST_DB: 'pglite' } },
      },
      { extends: true as const, test: { name: 'e2e', include: browser, testTimeout: 120_000 } },
      {
        extends: true as const,
        test: { name: 'pglite', include: integration, env: { PASSERELLE_TEST_DB: 'pglite' } },
      },
      ...(onPostgres
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: integration, env: { PASSERELLE_TEST_DB: 'postgres' } },
            },
          ]
        : []),
    ],
  },
})
