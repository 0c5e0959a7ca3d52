import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyticsSection } from './analytics.bench.ts'
import { customersSection } from './customers.bench.ts'
import { eventsSection } from './events.bench.ts'
import { fiscalSection } from './fiscal.bench.ts'
import { notificationsSection, type SmtpReceiver, startSmtpReceiver } from './notifications.bench.ts'
import { offerSection } from './offer.bench.ts'
import { orderLoad } from './order-load.ts'
import { pgbenchTpcb } from './pgbench.ts'
import { refusalsSection } from './refusals.bench.ts'
import { routingSection } from './routing.bench.ts'
import { scaleSection } from './scale.bench.ts'
import { scratchPostgres } from './scratch-postgres.ts'
import type { BenchSection } from './sections.ts'
import {
  type ServerProcess,
  startServerProcess,
  startWorkerProcess,
  type WorkerProcess,
} from './server-process.ts'
import { startupSection } from './startup.bench.ts'
import { summarise } from './stats.ts'
import { supplySection } from './supply.bench.ts'
import { type BenchCatalog, chooseBenchSkus, Http, prng } from './workload.ts'

export interface BenchOptions {
  durationS: number
  concurrency: number
  only?: BenchSection[]
  json: boolean
  databaseUrl?: string
  /**
   * API processes serving the load: 1 is `serve` with its jobs, as one machine runs it; more are
   * `serve --no-jobs` processes plus one `passerelle worker` (PostgreSQL only), the clients spread evenly.
   */
  apiProcesses?: number
}

const DEMO_ADMIN = 'pk_demo_admin'
const log = (msg: string) => process.stderr.write(`${msg}\n`)

/**
 * Starts a real server on a scratch database (a new database on the PostgreSQL server of
 * DATABASE_URL, or a temporary embedded one), loads the demo retailer, and measures it over HTTP.
 */
export async function runBench(opts: BenchOptions): Promise<Record<string, unknown>> {
  const wants = (s: BenchSection) => !opts.only || opts.only.includes(s)
  const result: Record<string, unknown> = {
    database: opts.databaseUrl ? 'postgres' : 'pglite',
    duration_s: opts.durationS,
    concurrency: opts.concurrency,
  }
  if (wants('startup')) {
    log('bench: start-up, first and later start of an embedded database, idle RSS on PostgreSQL…')
    Object.assign(result, await startupSection(opts.databaseUrl))
  }
  if (wants('routing')) {
    log(
      'bench: routing engine, 1,000 locations, 5-line orders, then 500 instances against HiGHS, then the same with parcels priced by weight (100 instances)…',
    )
    Object.assign(result, await routingSection())
  }
  if (wants('offer')) {
    if (opts.databaseUrl) {
      log('bench: coherent offer, 50,000 products × 6 channels, in-process on PostgreSQL…')
      Object.assign(result, await offerSection(opts.databaseUrl))
    } else log('bench: offer section skipped: it writes its 50,000 products straight into PostgreSQL')
  }
  if (wants('supply')) {
    if (opts.databaseUrl) {
      log('bench: daily replenishment proposal, 20 stores × 2,000 SKUs, in-process on PostgreSQL…')
      Object.assign(result, await supplySection(opts.databaseUrl))
    } else log('bench: supply section skipped: it writes its network straight into PostgreSQL')
  }
  if (wants('analytics')) {
    if (opts.databaseUrl) {
      log('bench: channel analytics, 5 million order lines, in-process on PostgreSQL…')
      Object.assign(result, await analyticsSection(opts.databaseUrl))
    } else
      log('bench: analytics section skipped: it writes its 5 million order lines straight into PostgreSQL')
  }
  if (wants('fiscal')) {
    if (opts.databaseUrl) {
      log('bench: fiscal verify, 1 million chained tickets on 40 registers, in-process on PostgreSQL…')
      Object.assign(result, await fiscalSection(opts.databaseUrl))
    } else log('bench: fiscal section skipped: it writes its million tickets straight into PostgreSQL')
  }
  if (wants('scale')) {
    if (opts.databaseUrl) {
      log('bench: scale, the demo then 10× and 100× its catalogue over 200 stores, each measured over HTTP…')
      Object.assign(result, await scaleSection(opts.databaseUrl, { concurrency: opts.concurrency }))
    } else log('bench: scale section skipped: it grows its catalogues straight in PostgreSQL')
  }
  const serverSections: BenchSection[] = [
    'orders',
    'orders-refused',
    'availability',
    'oversell',
    'customers',
    'events',
    'notifications',
  ]
  // PostgreSQL's own TPC-B on the same server, last (after the orders when both are asked for).
  const withPgbench = async () => {
    if (opts.databaseUrl && wants('pgbench')) {
      log(`bench: pgbench TPC-B (-s 10, 16 clients, ${opts.durationS}s) on the same server…`)
      result.pgbench_tpcb_tps = await pgbenchTpcb(opts.databaseUrl, opts.durationS)
      if (typeof result.orders_per_s === 'number') {
        result.orders_vs_tpcb_pct =
          Math.round((result.orders_per_s / (result.pgbench_tpcb_tps as number)) * 1000) / 10
      }
    }
    return result
  }
  if (!serverSections.some(wants)) return withPgbench()
  const apiProcesses = opts.apiProcesses ?? 1
  if (apiProcesses > 1 && !opts.databaseUrl)
    throw new Error('--api-processes above 1 needs PostgreSQL: the embedded database has one process')
  // The servers inherit this process's environment: their SMTP_URL points at the section's receiver.
  let smtp: SmtpReceiver | undefined
  const smtpUrlBefore = process.env.SMTP_URL
  if (wants('notifications')) {
    smtp = await startSmtpReceiver()
    process.env.SMTP_URL = smtp.url
  }
  const scratch = await scratchDatabase(opts.databaseUrl)
  const servers: ServerProcess[] = []
  let worker: WorkerProcess | undefined
  const onLine = (line: string) => {
    if (/error|seed|demo/i.test(line)) log(`  server: ${line.slice(0, 200)}`)
  }
  try {
    if (apiProcesses === 1) {
      log(
        `bench: starting a server on a scratch ${result.database} database (the demo retailer loads first)…`,
      )
      servers.push(await startServerProcess(scratch.env, onLine))
    } else {
      result.api_processes = apiProcesses
      log(
        `bench: starting ${apiProcesses} API processes (serve --no-jobs) and a worker on a scratch database…`,
      )
      // One after the other: the first loads the demo retailer into the empty database.
      for (let i = 0; i < apiProcesses; i++)
        servers.push(await startServerProcess(scratch.env, onLine, false))
      worker = await startWorkerProcess(scratch.env.databaseUrl!, (line) =>
        log(`  worker: ${line.slice(0, 200)}`),
      )
    }
    const rssMb = () => servers.reduce((sum, s) => sum + s.rssMb(), 0) + (worker ? worker.rssMb() : 0)
    await new Promise((r) => setTimeout(r, 2000))
    const idle = rssMb()
    // The start-up section's figure, when it ran, is the one of a plain start with 5 s at rest.
    result.idle_rss_mb ??= idle
    log(`bench: ready at ${servers.map((s) => s.url).join(', ')}, idle RSS ${idle} MB`)
    const perServer = Math.max(Math.ceil(opts.concurrency / servers.length), 4)
    const https = servers.map((s) => new Http(s.url, DEMO_ADMIN, perServer))
    const http = https[0]!
    try {
      const catalog = await prepareCatalog(http)
      if (wants('orders')) Object.assign(result, await ordersSection(https, catalog, opts))
      if (wants('events')) {
        Object.assign(
          result,
          await eventsSection({
            admin: http,
            databaseUrl: scratch.env.databaseUrl,
            runLoad: () => orderLoad(https, catalog, opts, 'orders with events', 43),
          }),
        )
      }
      if (smtp) {
        Object.assign(
          result,
          await notificationsSection({
            admin: http,
            catalog,
            receiver: smtp,
            durationS: opts.durationS,
            concurrency: opts.concurrency,
            ...(scratch.env.databaseUrl ? { databaseUrl: scratch.env.databaseUrl } : {}),
          }),
        )
      }
      if (wants('orders-refused')) Object.assign(result, await refusalsSection(http, catalog, opts))
      if (wants('availability')) Object.assign(result, await availabilitySection(http, catalog))
      if (wants('oversell')) Object.assign(result, await oversellSection(http, catalog))
      if (wants('customers')) {
        if (scratch.env.databaseUrl)
          Object.assign(result, await customersSection(http, scratch.env.databaseUrl))
        else log('bench: customers section skipped: it writes its 100,000 customers straight into PostgreSQL')
      }
      result.loaded_rss_mb = rssMb()
    } finally {
      await Promise.all(https.map((h) => h.close()))
    }
  } finally {
    await worker?.stop()
    await Promise.all(servers.map((s) => s.stop()))
    await scratch.drop()
    await smtp?.close()
    if (smtp) {
      if (smtpUrlBefore === undefined) delete process.env.SMTP_URL
      else process.env.SMTP_URL = smtpUrlBefore
    }
  }
  return withPgbench()
}

async function scratchDatabase(databaseUrl?: string) {
  if (!databaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'))
    return { env: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const scratch = await scratchPostgres(databaseUrl, `passerelle_bench_${process.pid}`)
  return { env: { databaseUrl: scratch.url }, drop: scratch.drop }
}

/** SKUs listed everywhere, with deep stock at every location so the load measures the order path, not stock-outs. */
async function prepareCatalog(http: Http): Promise<BenchCatalog> {
  const { catalog, locations } = await chooseBenchSkus(http)
  log(
    `bench: ${catalog.skus.length} SKUs sold in every channel; topping up stock at ${locations.length} locations…`,
  )
  for (const loc of locations) {
    const res = await http.call('POST', '/api/v1/inventory/receipts', {
      location_id: loc.id,
      lines: catalog.skus.map((s) => ({ sku: s.sku, quantity: 100_000 })),
      reference: 'bench top-up',
    })
    if (res.status !== 201) throw new Error(`top-up failed: ${JSON.stringify(res.json)}`)
  }
  return catalog
}

async function ordersSection(https: Http[], catalog: BenchCatalog, opts: BenchOptions) {
  log(`bench: placing 3-line orders with ${opts.concurrency} clients for ${opts.durationS}s…`)
  const load = await orderLoad(https, catalog, opts)
  if (load.firstError) log(`bench: first order error: ${JSON.stringify(load.firstError)}`)
  const s = summarise(load.latencies)
  return {
    orders: s.count,
    orders_per_s: Math.round(s.count / load.elapsedS),
    p50_ms: s.p50_ms,
    p95_ms: s.p95_ms,
    p99_ms: s.p99_ms,
    errors: load.errors,
  }
}

async function availabilitySection(http: Http, catalog: BenchCatalog) {
  const web = catalog.channels.find((c) => c.kind === 'web') ?? catalog.channels[0]!
  const rand = prng(7)
  const rounds = 1000
  const warmUp = 100
  log(
    `bench: ${rounds} availability checks of 50 SKUs (after ${warmUp} to warm up) (channel ${web.code}, with a shopper position)…`,
  )
  const latencies: number[] = []
  const check = (status: number, path: string) => {
    if (status !== 200) throw new Error(`availability failed with ${status}: ${path}`)
  }
  for (let i = 0; i < warmUp + rounds; i++) {
    const skus = Array.from({ length: 50 }, () => catalog.skus[Math.floor(rand() * catalog.skus.length)]!.sku)
    const path = `/api/v1/availability?channel=${web.code}&skus=${skus.join(',')}&lat=45.76&lon=4.84`
    if (i === 0) {
      // Once, the whole answer: every SKU known and listed.
      const res = await http.call('GET', path)
      check(res.status, path)
      if (res.json.items.length !== new Set(skus).size) throw new Error('availability: SKUs missing')
    }
    const t0 = performance.now()
    const res = await http.fetchBytes(path)
    if (i >= warmUp) latencies.push(performance.now() - t0)
    check(res.status, path)
  }
  const s = summarise(latencies)
  return { availability50_p50_ms: s.p50_ms, availability50_p99_ms: s.p99_ms }
}

/** 200 buyers at once for the last 50 units of a SKU: every unit sold once, none twice. */
async function oversellSection(http: Http, catalog: BenchCatalog) {
  const web = catalog.channels.find((c) => c.kind === 'web')!
  const sku = catalog.skus[0]!
  const levels = (await http.call('GET', `/api/v1/inventory/${sku.sku}`)).json.levels as Array<{
    location_id: string
    on_hand: number
    reserved: number
    safety_stock: number
  }>
  const warehouse = (await http.call('GET', '/api/v1/locations?kind=warehouse')).json.data[0]
  // Bring every warehouse row of the SKU to exactly 50 sellable units at one warehouse, none elsewhere.
  for (const l of levels) {
    const isTarget = l.location_id === warehouse.id
    const target = isTarget ? l.reserved + l.safety_stock + 50 : l.reserved
    if (target !== l.on_hand) {
      await http.call('POST', '/api/v1/inventory/adjustments', {
        location_id: l.location_id,
        sku: sku.sku,
        counted_quantity: target,
        reason: 'bench oversell race',
      })
    }
  }
  log('bench: oversell race — 200 concurrent buyers of 1 unit, 50 units in stock…')
  const price = sku.prices[web.priceList]!
  const results = await Promise.all(
    Array.from({ length: 200 }, () =>
      http.call('POST', '/api/v1/orders', {
        channel: web.code,
        lines: [{ sku: sku.sku, quantity: 1, fulfilment: 'delivery' }],
        delivery_address: { name: 'Course', line1: '1 rue', postcode: '75001', city: 'Paris', country: 'FR' },
        payments: [{ method: 'card', amount_cents: price }],
      }),
    ),
  )
  const sold = results.filter((r) => r.status === 201).length
  const refused = results.filter((r) => r.status === 409).length
  return { oversell_sold: sold, oversell_refused: refused, oversold: Math.max(0, sold - 50) }
}
