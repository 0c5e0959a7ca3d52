import { loadavg } from 'node:os'
import pg from 'pg'
import { scratchPostgres } from './scratch-postgres.ts'
import { startServerProcess } from './server-process.ts'
import { summarise } from './stats.ts'
import { type BenchCatalog, chooseBenchSkus, Http, prng, randomOrder } from './workload.ts'

const log = (msg: string) => process.stderr.write(`${msg}\n`)
const DEMO_ADMIN = 'pk_demo_admin'

/** The demo (2,000 variants, 20 stores) as it loads, then its catalogue copied 10 and 100 times over 200 stores. */
const SIZES = [
  { name: '1x', factor: 1, stores: 0 },
  { name: '10x', factor: 10, stores: 200 },
  { name: '100x', factor: 100, stores: 200 },
] as const

/**
 * How cost grows with the retailer, on PostgreSQL. The demo loads once into a scratch database; each
 * size is a copy of it (CREATE DATABASE … TEMPLATE) grown in bulk by set-based SQL: every product,
 * variant, listing, price and stock row of the demo copied `factor − 1` times under new SKUs, and stores
 * copied from the demo's (each with its source store's stock of the demo range) up to 200. A real server
 * then serves each size in turn, and the same load measures it: orders/s, availability of 50 SKUs at 8
 * concurrent requests (p99, and the bytes of one answer), and routing (a delivery quote routes the order
 * without writing it; p99 from one client).
 */
export async function scaleSection(databaseUrl: string, opts: { concurrency: number; windowS?: number }) {
  const windowS = opts.windowS ?? 10
  const result: Record<string, number> = {}
  const base = await scratchPostgres(databaseUrl, `passerelle_scale_${process.pid}`)
  try {
    log('bench: scale: loading the demo retailer into the template database…')
    let t0 = performance.now()
    const seeding = await startServerProcess({ databaseUrl: base.url }, (line) => {
      if (/error/i.test(line)) log(`  server: ${line.slice(0, 200)}`)
    })
    await seeding.stop()
    result.scale_demo_load_s = seconds(t0)
    for (const size of SIZES) {
      const scratch = await scratchPostgres(databaseUrl, `passerelle_scale_${process.pid}_${size.name}`, {
        template: `passerelle_scale_${process.pid}`,
      })
      try {
        log(
          `bench: scale ${size.name}: growing the catalogue ×${size.factor}, stores to ${size.stores || 'as is'}…`,
        )
        t0 = performance.now()
        const counts = await grow(scratch.url, size.factor, size.stores)
        result[`scale_load_s_${size.name}`] = seconds(t0)
        result[`scale_variants_${size.name}`] = counts.variants
        result[`scale_locations_${size.name}`] = counts.locations
        result[`scale_stock_rows_${size.name}`] = counts.stockRows
        log(
          `bench: scale ${size.name}: ${counts.variants} variants, ${counts.locations} locations, ` +
            `${counts.stockRows} stock rows, ${counts.prices} prices in ${result[`scale_load_s_${size.name}`]} s`,
        )
        Object.assign(result, await measure(scratch.url, size.name, opts.concurrency, windowS))
      } finally {
        await scratch.drop()
      }
    }
  } finally {
    await base.drop()
  }
  return result
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10

/** Grows the demo in place: `factor` times its catalogue, `stores` stores (0: as they are). */
async function grow(url: string, factor: number, stores: number) {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    // A bulk load: losing its last commits to a crash would only mean loading again.
    await db.query('SET synchronous_commit = off')
    if (stores > 0) await growStores(db, stores)
    if (factor > 1) await growCatalogue(db, factor)
    await db.query('VACUUM (ANALYZE) product, variant, assortment, price, sku_cost, location, stock_level')
    const { rows } = await db.query<{ variants: number; locations: number; stock: number; prices: number }>(
      `SELECT (SELECT count(*) FROM variant)::int AS variants, (SELECT count(*) FROM location)::int AS locations,
              (SELECT count(*) FROM stock_level)::int AS stock, (SELECT count(*) FROM price)::int AS prices`,
    )
    const r = rows[0]!
    return { variants: r.variants, locations: r.locations, stockRows: r.stock, prices: r.prices }
  } finally {
    await db.end()
  }
}

/**
 * New owned stores, each a copy of one of the demo's stores (in turn) moved by up to half a degree,
 * with that store's stock. Copied before the catalogue grows, so they hold the demo's range only: a
 * store carries part of a large range, and the SKUs the load sells get stock everywhere afterwards.
 */
async function growStores(db: pg.Client, target: number) {
  const columns = await columnsOf(db, 'location')
  const set: Record<string, string> = {
    id: `s.id || '.c' || g`,
    code: `s.code || '-C' || g`,
    name: `s.name || ' ' || g`,
    ownership: `'owned'`,
    ship_from_store_opt_in: 'false',
    lat: `s.lat + ((g * 37) % 101 - 50) / 100.0`,
    lon: `s.lon + ((g * 53) % 101 - 50) / 100.0`,
    created_at: 'now()',
    updated_at: 'now()',
  }
  await db.query(
    `WITH src AS (SELECT l.*, row_number() OVER (ORDER BY l.id) - 1 AS rn, count(*) OVER () AS n
                  FROM location l WHERE l.kind = 'store')
     INSERT INTO location (${columns.map(quote).join(', ')})
     SELECT ${columns.map((c) => set[c] ?? `s.${quote(c)}`).join(', ')}
     FROM generate_series(1, $1::int - (SELECT count(*) FROM src)::int) g
     JOIN src s ON s.rn = (g - 1) % s.n`,
    [target],
  )
  await db.query(
    `INSERT INTO stock_level (location_id, sku, on_hand, reserved, safety_stock, in_transit, quarantined)
     SELECT l.id, sl.sku, sl.on_hand, 0, sl.safety_stock, 0, 0
     FROM location l JOIN stock_level sl ON sl.location_id = split_part(l.id, '.', 1)
     WHERE position('.' in l.id) > 0`,
  )
}

/*
 * Copies are marked by a dot, which the demo's ids and SKUs never hold: `<id>.c<n>` for ids,
 * `<SKU>.C<n>` for SKUs (a character SKUs may hold), `<code>-C<n>` for codes.
 */

/**
 * `factor − 1` copies of every demo product, variant (new SKU and EAN-13), listing, price, cost and
 * stock row (at the demo's own locations), one INSERT … SELECT over generate_series per table.
 */
async function growCatalogue(db: pg.Client, factor: number) {
  const copies = `generate_series(1, ${factor - 1}) g`
  const demoSku = `position('.' in s.sku) = 0`
  await copy(db, 'product', `product s CROSS JOIN ${copies}`, {
    id: `s.id || '.c' || g`,
    code: `s.code || '-C' || g`,
  })
  // EAN-13s in the 2xx range (numbers a retailer assigns itself), with their check digit.
  await copy(
    db,
    'variant',
    `(SELECT v.*, row_number() OVER (ORDER BY v.id) AS rn FROM variant v) s CROSS JOIN ${copies}
     CROSS JOIN LATERAL (SELECT '2' || lpad((g * 1000000 + s.rn)::text, 11, '0') AS body) e`,
    {
      id: `s.id || '.c' || g`,
      product_id: `s.product_id || '.c' || g`,
      sku: `s.sku || '.C' || g`,
      ean: `e.body || ((10 - (SELECT sum(substr(e.body, i, 1)::int * (1 + 2 * (1 - i % 2))) FROM generate_series(1, 12) i) % 10) % 10)::text`,
    },
  )
  await copy(db, 'assortment', `assortment s CROSS JOIN ${copies}`, {
    product_id: `s.product_id || '.c' || g`,
  })
  await copy(db, 'price', `price s CROSS JOIN ${copies} WHERE ${demoSku}`, { sku: `s.sku || '.C' || g` })
  await copy(db, 'sku_cost', `sku_cost s CROSS JOIN ${copies} WHERE ${demoSku}`, {
    sku: `s.sku || '.C' || g`,
  })
  await copy(
    db,
    'stock_level',
    `stock_level s CROSS JOIN ${copies} WHERE position('.' in s.location_id) = 0`,
    {
      sku: `s.sku || '.C' || g`,
      reserved: '0',
      in_transit: '0',
      quarantined: '0',
    },
  )
}

/** INSERT INTO table SELECT every column of `s`, some replaced, FROM `from`; new rows dated now. */
async function copy(db: pg.Client, table: string, from: string, set: Record<string, string>) {
  const columns = await columnsOf(db, table)
  const all: Record<string, string> = { created_at: 'now()', updated_at: 'now()', ...set }
  const t0 = performance.now()
  const res = await db.query(
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')})
     SELECT ${columns.map((c) => all[c] ?? `s.${quote(c)}`).join(', ')} FROM ${from}`,
  )
  log(`  ${table}: ${res.rowCount} rows in ${seconds(t0)} s`)
}

async function columnsOf(db: pg.Client, table: string): Promise<string[]> {
  const { rows } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table],
  )
  return rows.map((r) => r.column_name)
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** A server on the grown database, the bench's SKUs stocked everywhere, then the three measures. */
async function measure(url: string, size: string, concurrency: number, windowS: number) {
  const server = await startServerProcess({ databaseUrl: url }, (line) => {
    if (/error/i.test(line)) log(`  server: ${line.slice(0, 200)}`)
  })
  const http = new Http(server.url, DEMO_ADMIN, Math.max(concurrency, 8))
  try {
    const { catalog } = await chooseBenchSkus(http)
    await topUp(url, catalog)
    const out: Record<string, number> = {}
    const web = catalog.channels.find((c) => c.kind === 'web') ?? catalog.channels[0]!

    log(`bench: scale ${size}: orders, ${concurrency} clients, ${windowS} s (after 2 s to warm up)…`)
    const rand = prng(42)
    await during(2, concurrency, () => placeOrder(http, catalog, rand))
    const orders = await during(windowS, concurrency, () => placeOrder(http, catalog, rand))
    out[`scale_orders_per_s_${size}`] = Math.round(orders.count / windowS)
    out[`scale_order_p99_ms_${size}`] = orders.p99_ms

    const availabilityPath = (extra: string) => {
      const skus = Array.from(
        { length: 50 },
        () => catalog.skus[Math.floor(rand() * catalog.skus.length)]!.sku,
      )
      return `/api/v1/availability?channel=${web.code}&skus=${skus.join(',')}&lat=45.76&lon=4.84${extra}`
    }
    const answer = async (extra: string) => {
      const res = await http.fetchBytes(availabilityPath(extra))
      if (res.status !== 200) throw new Error(`availability answered ${res.status}`)
      return res.bytes
    }
    out[`scale_availability_kb_${size}`] = Math.round((await answer('')) / 100) / 10
    out[`scale_availability_all_kb_${size}`] = Math.round((await answer('&locations=all')) / 100) / 10
    log(`bench: scale ${size}: availability of 50 SKUs, 8 concurrent requests, ${windowS} s…`)
    await during(2, 8, () => answer(''))
    const availability = await during(windowS, 8, () => answer(''))
    out[`scale_availability_p99_ms_${size}`] = availability.p99_ms
    const all = await during(windowS / 2, 8, () => answer('&locations=all'))
    out[`scale_availability_all_p99_ms_${size}`] = all.p99_ms

    log(`bench: scale ${size}: routing (delivery quotes, one client), ${windowS} s…`)
    await during(1, 1, () => quoteDelivery(http, catalog, web.code, rand))
    const routing = await during(windowS, 1, () => quoteDelivery(http, catalog, web.code, rand))
    out[`scale_routing_p99_ms_${size}`] = routing.p99_ms
    // The machine's load over the last minute: on a shared machine, what the figures were measured under.
    out[`scale_machine_load_${size}`] = Math.round(loadavg()[0]! * 10) / 10
    log(`bench: scale ${size}: ${JSON.stringify(out)}`)
    return out
  } finally {
    await http.close()
    await server.stop()
  }
}

/** The SKUs the load sells, deep in stock at every location (as the bench's HTTP top-up does, in one statement). */
async function topUp(url: string, catalog: BenchCatalog) {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    await db.query(
      `INSERT INTO stock_level (location_id, sku, on_hand)
       SELECT l.id, s.sku, 100000 FROM location l CROSS JOIN unnest($1::text[]) AS s(sku)
       ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = stock_level.on_hand + 100000, updated_at = now()`,
      [catalog.skus.map((s) => s.sku)],
    )
    await db.query('ANALYZE stock_level')
  } finally {
    await db.end()
  }
}

/** Runs `task` from `clients` loops for `s` seconds; latencies of the successful ones. */
async function during(s: number, clients: number, task: () => Promise<unknown>) {
  const latencies: number[] = []
  let errors = 0
  let firstError: unknown
  const end = performance.now() + s * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now()
        try {
          await task()
          latencies.push(performance.now() - t0)
        } catch (err) {
          errors++
          firstError ??= err
        }
      }
    }),
  )
  if (firstError) log(`bench: scale: ${errors} failed, the first: ${String(firstError)}`)
  return summarise(latencies)
}

async function placeOrder(http: Http, catalog: BenchCatalog, rand: () => number) {
  const res = await http.call('POST', '/api/v1/orders', randomOrder(catalog, rand))
  if (res.status !== 201) throw new Error(`order answered ${res.status}: ${JSON.stringify(res.json)}`)
}

const destinations = ['75011', '69003', '13001', '33000', '59000', '67000', '31000', '44000']

/** A 3-line delivery for the web shop, quoted: read, priced and routed like an order, nothing written. */
async function quoteDelivery(http: Http, catalog: BenchCatalog, channel: string, rand: () => number) {
  const lines = [0, 1, 2].map(() => ({
    sku: catalog.skus[Math.floor(rand() * catalog.skus.length)]!.sku,
    quantity: 1,
    fulfilment: 'delivery',
  }))
  const postcode = destinations[Math.floor(rand() * destinations.length)]!
  const res = await http.call('POST', '/api/v1/orders/quote', {
    channel,
    lines,
    delivery_address: {
      name: 'Client Banc',
      line1: '1 rue de la Paix',
      postcode,
      city: 'Ville',
      country: 'FR',
    },
  })
  if (res.status !== 200) throw new Error(`quote answered ${res.status}: ${JSON.stringify(res.json)}`)
  const routed = (res.json.lines as Array<{ source_location_id: string | null }>).every(
    (l) => l.source_location_id,
  )
  if (!routed) throw new Error(`the quote was not routed: ${JSON.stringify(res.json)}`)
}
