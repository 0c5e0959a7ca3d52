import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { activeKeysWithSecrets, anyActiveKey, hashSecret } from '../access/index.ts'
import { type Database, openConfiguredDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { type DemoSummary, demoKeys, hasData, type ProgressListener } from '../demo/demo-keys.ts'
import { loadDemoSnapshot, type SnapshotOutcome } from '../demo/snapshot.ts'
import { defaultWebRoot } from '../http/http-app.ts'
import { assertDemoKeysNotExposed, demoWanted } from '../http/start-policy.ts'
import type { JobLog } from '../jobs/job.ts'
import { startJobs } from '../jobs/runner.ts'
import {
  type FakeStripe,
  paymentProvider,
  setPaymentProvider,
  startFakeStripe,
  stripeProvider,
} from '../payments/index.ts'
import type { Config } from '../shared/config.ts'
import { AppError } from '../shared/errors.ts'
import { type App, buildApp } from './app.ts'
import { watchCachedReferences } from './caches.ts'
import { seedDemoInChild } from './demo-loader.ts'
import { capabilityJobs } from './jobs.ts'

const demoSecrets = demoKeys.map((k) => k.secret)

export interface StartOptions {
  /** Progress of the demo load (the CLI draws bars on stderr). */
  onProgress?: ProgressListener
  /**
   * Load the demo retailer when the database is empty: by default into the embedded database only;
   * true loads it into an empty PostgreSQL database too (`--demo`), false never (`--no-demo`).
   */
  demo?: boolean
  /** The demo snapshot a new embedded database starts from (default: the one made at install). */
  demoSnapshot?: string
  /** Fewer till sales than the demo's 8,000 when it is generated (tests that need a demo, not all of it). */
  demoTillSales?: number
  /**
   * The moment the generated demo's history runs up to (default: now). The demo is drawn relative to it:
   * a fixed moment loads the same figures whatever the day (tests that check them).
   */
  demoDrawnAt?: Date
  /** Stop cleanly on SIGINT / SIGTERM and exit (default true; tests manage the server themselves). */
  handleSignals?: boolean
  /** Where the start-up summary goes (default stdout). */
  print?: (line: string) => void
  /**
   * Run the background jobs (the event relay, draft expiry…) in this process (default true). API
   * processes started with `--no-jobs` leave them to a `passerelle worker` sharing the database.
   */
  jobs?: boolean
}

export interface RunningServer {
  url: string
  app: App
  database: Database
  /** Stops the sweeper, the HTTP server and the database, and releases the data directory. */
  stop(): Promise<void>
}

/**
 * Opens and migrates the database, loads the demo retailer into an empty one, serves the API and
 * runs the draft-expiry sweeper. Throws (after closing what it opened) when anything fails,
 * e.g. `data_dir_locked` when another process uses the same embedded database.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`))
  const startedAt = Date.now()
  const fresh = !config.databaseUrl && !existsSync(join(resolve(config.dataDir), 'pgdata', 'PG_VERSION'))
  // A new embedded database starts from the demo made at install time when it fits (about a second).
  const fromSnapshot = fresh && options.demo !== false
  // Refused before the demo lands in the data directory: its keys would make this address unsafe.
  if (fromSnapshot) assertDemoKeysNotExposed(config.host, demoSecrets, true)
  const snapshot: SnapshotOutcome | undefined = fromSnapshot
    ? await loadDemoSnapshot(resolve(config.dataDir), options.demoSnapshot)
    : undefined
  /**
   * Loads the demo from a child process (src/app/demo-loader.ts). On PostgreSQL, two servers starting
   * on one empty database may both try: the second finds it loaded and goes on without a demo.
   */
  const loadDemoInChild = (why: string) => {
    // Refused before the load rather than after it: the demo's keys would make this address unsafe.
    assertDemoKeysNotExposed(config.host, demoSecrets, true)
    process.stderr.write(`Empty database: loading the demo retailer Maison Passerelle${why}…\n`)
    return seedDemoInChild(
      {
        ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: resolve(config.dataDir) }),
        tillSales: options.demoTillSales,
        now: options.demoDrawnAt?.toISOString(),
      },
      options.onProgress,
    ).catch((err) => {
      if (err instanceof AppError && err.code === 'database_not_empty') return undefined
      throw err
    })
  }
  // A new embedded database the snapshot did not fill: the loader creates it (the engine's initdb, the
  // migrations) and loads the demo in its own process, and this one opens it once, loaded. Created here,
  // it was opened twice more (closed for the loader, reopened after): the start took about 4 s and 6
  // CPU-s more, and this process peaked at 940 MB instead of 390 (BENCHMARKS.md, "Twelfth session").
  const createdByLoader = snapshot !== undefined && 'skipped' in snapshot
  let demo: DemoSummary | undefined =
    snapshot && 'summary' in snapshot
      ? snapshot.summary
      : createdByLoader
        ? await loadDemoInChild(` (not from the snapshot: ${snapshot.skipped})`)
        : undefined
  let database = await openConfiguredDatabase(config)
  let open = true
  let app: App | undefined
  let sweeper: { stop(): Promise<void> } | undefined
  let changes: { close(): Promise<void> } | undefined
  let fakeStripe: FakeStripe | undefined
  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      await sweeper?.stop()
      await changes?.close()
      await app?.close()
      if (fakeStripe) {
        setPaymentProvider(undefined)
        await fakeStripe.close()
      }
      if (open) await database.close()
    })()
    return stopping
  }

  try {
    await migrate(database)
    const loadDemo =
      !createdByLoader && demoWanted(database.kind, options.demo) && !(await hasData(database.db))
    if (loadDemo) {
      // The loader opens the embedded data directory itself; it is reopened afterwards.
      if (database.kind === 'pglite') {
        open = false
        await database.close()
      }
      demo = await loadDemoInChild('')
    }
    // Creating an embedded database grows its WebAssembly memory to ~650 MB for good, while reopened it
    // needs about 400 MB: one created here (no snapshot, no demo) is reopened.
    if (!open || (fresh && !createdByLoader && !demo?.madeAt && database.kind === 'pglite')) {
      if (open) await database.close()
      open = false
      database = await openConfiguredDatabase(config)
      open = true
    }
    const keys = await activeDemoKeys(database)
    assertDemoKeysNotExposed(
      config.host,
      keys.map((k) => k.secret),
    )
    const noKey = !(await anyActiveKey(database.db))
    fakeStripe = await embeddedPaymentProvider(database)
    app = await buildApp({
      database,
      logger: { level: config.logLevel },
      rateLimit: { anonymousPerMinute: config.rateLimit, failedAuthPerMinute: config.authFailureLimit },
      trustProxy: config.trustProxy,
    })
    changes = watchCachedReferences(database)
    await app.listen({ host: config.host, port: config.port })
    if (options.jobs !== false) {
      sweeper = startJobs(database, capabilityJobs, { defaultIntervalS: config.sweepIntervalS, log: app.log })
    }

    const url = publicUrl(config.host, (app.server.address() as AddressInfo).port)
    for (const line of banner(url, database, keys, noKey, demo, Date.now() - startedAt, fakeStripe))
      print(line)
    if (options.handleSignals !== false) stopOnSignals(stop)
    return { url, app, database, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/**
 * The embedded database's default payment provider: with no STRIPE_SECRET_KEY, the local fake of
 * Stripe's API in this process (it moves no money), so the demo's web orders are captured and refunded
 * as they would be at Stripe. A PostgreSQL deployment gets no fake: it is configured, or refunds wait.
 */
async function embeddedPaymentProvider(database: Database): Promise<FakeStripe | undefined> {
  if (database.kind !== 'pglite' || paymentProvider()) return undefined
  const fake = await startFakeStripe()
  setPaymentProvider(
    stripeProvider({ apiBase: fake.url, secretKey: fake.secretKey, webhookSecret: fake.webhookSecret }),
  )
  return fake
}

function stopOnSignals(stop: () => Promise<void>) {
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: stopping Passerelle…\n`)
    // A second Ctrl-C does not wait for the graceful stop.
    process.once('SIGINT', () => process.exit(130))
    stop().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(
          `passerelle: error while stopping: ${err instanceof Error ? err.message : err}\n`,
        )
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
}

function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return `http://${shown}:${port}`
}

/** The demo keys still valid in this database (none once revoked, or in a real deployment). */
async function activeDemoKeys(database: Database) {
  const active = await activeKeysWithSecrets(database.db, demoSecrets)
  const hashes = new Set(active.map((k) => k.secretHash))
  return demoKeys.filter((k) => hashes.has(hashSecret(k.secret)))
}

function banner(
  url: string,
  database: Database,
  keys: typeof demoKeys,
  noKey: boolean,
  demo: DemoSummary | undefined,
  elapsedMs: number,
  fakeStripe?: FakeStripe,
): string[] {
  const lines = [
    '',
    `Passerelle is ready (${(elapsedMs / 1000).toFixed(1)} s)`,
    `  API        ${url}/api/v1`,
    `  API docs   ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    ...(existsSync(join(defaultWebRoot, 'index.html')) ? [`  Workspace  ${url}/   (staff workspace)`] : []),
  ]
  if (database.kind === 'pglite') {
    lines.push(
      `  Database   embedded PGlite in ${database.location}`,
      '  ⚠ The embedded database is for trying Passerelle, demos and a single small store; ' +
        'in production set DATABASE_URL to a PostgreSQL server.',
    )
  } else {
    lines.push(`  Database   PostgreSQL ${database.location}`)
  }
  if (fakeStripe) {
    lines.push(
      `  Payments   LOCAL FAKE of Stripe's API at ${fakeStripe.url} (moves no money; set STRIPE_SECRET_KEY for a real account)`,
    )
  }
  if (demo) {
    lines.push(
      `  Demo       Maison Passerelle loaded${demo.madeAt ? ` from its snapshot of ${demo.madeAt.slice(0, 10)}` : ''}: ` +
        `${demo.locations} locations, ${demo.products} products ` +
        `(${demo.variants} variants), ${demo.customers} customers, ${demo.orders} past orders`,
    )
  }
  if (keys.length > 0) {
    lines.push('  Demo API keys (fixed and public: for trying only, revoke them before real use):')
    for (const k of keys) {
      const scope = k.locationCode
        ? `store ${k.locationCode}`
        : k.channelCode
          ? `channel ${k.channelCode}`
          : k.franchiseeCode
            ? `franchisee ${k.franchiseeCode}`
            : 'everything'
      lines.push(`    ${k.secret.padEnd(20)} ${k.role.padEnd(12)} ${scope}`)
    }
    const admin = keys.find((k) => k.role === 'admin')
    if (admin)
      lines.push(`  Try        curl -H 'Authorization: Bearer ${admin.secret}' ${url}/api/v1/api-keys`)
  }
  if (noKey) {
    lines.push(
      '  No API key yet: create the first admin key with ' +
        '`passerelle keys create --role admin --name "Back office"`' +
        (database.kind === 'pglite'
          ? ' (with the server stopped: the embedded database admits one process at a time).'
          : ' (same DATABASE_URL); it prints the secret once.'),
    )
  }
  lines.push('  Stop with Ctrl-C.', '')
  return lines
}

export interface RunningWorker {
  database: Database
  stop(): Promise<void>
}

/**
 * A process that runs the background jobs only (the event relay, webhooks, NATS, draft expiry,
 * scheduled prices, analytics) beside API processes started with `serve --no-jobs` on the same
 * PostgreSQL database. Each job runs in one process at a time (an advisory lock per job), so several
 * workers are safe. The database is migrated first, as `serve` does.
 */
export async function startWorker(
  config: Config,
  options: Pick<StartOptions, 'handleSignals' | 'print'> & { log: JobLog },
): Promise<RunningWorker> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`))
  const database = await openConfiguredDatabase(config)
  let jobs: { stop(): Promise<void> } | undefined
  let changes: { close(): Promise<void> } | undefined
  const stop = async () => {
    await jobs?.stop()
    await changes?.close()
    await database.close()
  }
  try {
    await migrate(database)
    changes = watchCachedReferences(database)
    jobs = startJobs(database, capabilityJobs, { defaultIntervalS: config.sweepIntervalS, log: options.log })
    print(`Passerelle worker running ${capabilityJobs.length} background jobs on ${database.location}.`)
    if (options.handleSignals !== false) stopOnSignals(stop)
    return { database, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
