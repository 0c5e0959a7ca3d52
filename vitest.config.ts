import { configDefaults, defineConfig } from 'vitest/config'
import { browserFound, browserTestsPlan, inCi, missingBrowser } from './web/e2e/browser.ts'

const integration = ['src/**/*.api.test.ts']
// The staff workspace in a real browser: Chromium drives the app served by a server with the demo data.
const browser = ['web/e2e/**/*.e2e.test.ts']
const onPostgres = Boolean(process.env.DATABASE_URL)
// The HTTP layer's own tests (security headers and server timeouts, the OpenAPI document and the
// validation it describes, the workspace's files, the sweep of 10,000 hostile requests over every
// route): what they check is decided before a statement reaches a database, the same on both. With
// PostgreSQL set they run once, on it; else on PGlite. What each engine and its driver do with a value
// that does get through (a NUL character, a number no column holds) is bad-input.api.test.ts's, run on both.
const engineFree = [
  'src/http/hostile-input.api.test.ts',
  'src/http/openapi.api.test.ts',
  'src/http/security-headers.api.test.ts',
  'src/http/workspace.api.test.ts',
]
// Database set-up only for the projects that use a database: the unit project answers in seconds.
const databaseSetup = ['src/testing/global-setup.ts']
// Test files of a database project share their worker's loaded modules instead of importing the
// whole app again per file (about 2 s a file here); each file still opens its own database.
const shared = { globalSetup: databaseSetup, isolate: false }

// Without Chromium, a developer's `npm test` skips the browser tests (saying so once) and runs the rest;
// in CI they stay in and fail on the missing browser.
const browserTests = browserTestsPlan(browserFound(), inCi())
if (browserTests === 'skip' && !process.env.PASSERELLE_BROWSER_NOTICE) {
  process.env.PASSERELLE_BROWSER_NOTICE = 'shown'
  process.stderr.write(`\n⚠ Browser tests SKIPPED. ${missingBrowser}; CI=true makes them required.\n\n`)
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    experimental: { fsModuleCache: true },
    hookTimeout: 120_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/e2e/**/*.test.ts'],
          exclude: [...integration, ...browser],
          // Rules hold no state between files: one module cache per worker halves the run.
          isolate: false,
        },
      },
      {
        extends: true as const,
        test: {
          // The workspace's own rules and its API types. Projects run in the order of their names, the
          // files of each largest (or, once a run is cached, longest) first: this one, short but with a
          // 3-second file, goes first rather than last, where it ran alone while the other CPU waited.
          name: 'client',
          include: ['web/src/**/*.test.ts', 'web/scripts/**/*.test.ts'],
          ...shared,
          env: { PASSERELLE_TEST_DB: 'pglite' },
        },
      },
      ...(browserTests === 'skip'
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'e2e',
                include: browser,
                globalSetup: ['web/e2e/global-setup.ts'],
                testTimeout: 120_000,
                // A screen answers within a second at rest, not always on two busy CPUs (the server, the
                // browser and PostgreSQL share them): expect.poll waits up to 10 s before it fails.
                expect: { poll: { timeout: 10_000 } },
                // The files of a worker share the loaded app modules and one Chromium (web/e2e/harness.ts);
                // each still has its own server and database.
                isolate: false,
              },
            },
          ]),
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: integration,
          exclude: [...configDefaults.exclude, ...(onPostgres ? engineFree : [])],
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
