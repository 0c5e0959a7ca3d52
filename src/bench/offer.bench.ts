import pg from 'pg'
import { openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { findViolations, priceBook, resolvePrices, wholeReport } from '../offer/index.ts'
import { scratchPostgres } from './scratch-postgres.ts'
import { summarise } from './stats.ts'
import { prng } from './workload.ts'

const log = (msg: string) => process.stderr.write(`${msg}\n`)
const PRODUCTS = 50_000
const CHANNELS = ['STORES', 'WEB', 'MOBILE', 'CALL-CENTRE', 'CATALOGUE', 'PARTNERS']

/**
 * The coherent offer at scale, in-process on a database of its own on the PostgreSQL server:
 * 50,000 products × 6 channels (one SKU each, every channel with its own list, 300,000 prices, a cost
 * per SKU, competitor prices on the web for a fifth of them, a price history), 1 % of them breaking
 * the policy. Measures the whole coherence report (check pass + a suggestion solved for every
 * violation) and the resolution of a 10-line basket's prices in force (one prepared statement).
 */
export async function offerSection(databaseUrl: string) {
  const scratch = await scratchPostgres(databaseUrl, `passerelle_bench_offer_${process.pid}`)
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 })
  try {
    await migrate(database)
    log(
      `bench: writing ${PRODUCTS.toLocaleString('en')} products × ${CHANNELS.length} channels with prices, costs and competitors…`,
    )
    const client = new pg.Client({ connectionString: scratch.url })
    await client.connect()
    try {
      await generate(client)
    } finally {
      await client.end()
    }
    const db = database.db

    log('bench: coherence report over every product (check pass, then an exact search per violation)…')
    const t0 = performance.now()
    const { checked, findings } = await findViolations(db)
    const checkS = (performance.now() - t0) / 1000
    let solved = 0
    let infeasible = 0
    const t1 = performance.now()
    for await (const f of wholeReport(db)) {
      solved++
      if (!f.suggestion.feasible) infeasible++
    }
    const reportS = (performance.now() - t1) / 1000

    log('bench: prices in force of 10-line baskets for one channel (prepared statement)…')
    const rand = prng(11)
    const webList = 'prl_bench_2'
    const latencies: number[] = []
    for (let i = 0; i < 2200; i++) {
      const skus = Array.from({ length: 10 }, () => `BENCH-${1 + Math.floor(rand() * PRODUCTS)}`)
      const at = new Date()
      const s = performance.now()
      const found = await resolvePrices(db, skus, at, webList)
      if (i >= 200) latencies.push(performance.now() - s)
      if (found.length !== new Set(skus).size)
        throw new Error(`resolved ${found.length} of ${skus.length} prices`)
    }
    const s = summarise(latencies)

    log('bench: loading the in-memory price book (every list, price and change)…')
    const heapBefore = process.memoryUsage().heapUsed
    const t2 = performance.now()
    let book = await priceBook(db)
    const loadS = (performance.now() - t2) / 1000
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
    log(
      `bench: ${book.size.toLocaleString('en')} list × SKU entries in ${loadS.toFixed(2)} s; pricing 20,000 baskets…`,
    )
    const inProcess: number[] = []
    for (let i = 0; i < 22_000; i++) {
      const skus = Array.from({ length: 10 }, () => `BENCH-${1 + Math.floor(rand() * PRODUCTS)}`)
      const start = performance.now()
      // What POST /offer/prices/resolve does: the book (fresh within a second), then the basket.
      book = await priceBook(db)
      const found = book.resolve(webList, [...new Set(skus)], new Date())
      if (i >= 2_000) inProcess.push(performance.now() - start)
      if (found.length !== new Set(skus).size)
        throw new Error(`book resolved ${found.length} of ${skus.length}`)
    }
    const mem = summarise(inProcess)
    return {
      coherence_products: checked,
      coherence_violations: findings.length,
      coherence_solved: solved,
      coherence_infeasible: infeasible,
      coherence_check_s: Math.round(checkS * 100) / 100,
      // The whole report as its CSV export makes it: read and check every product, solve every violation.
      coherence_report_s: Math.round(reportS * 100) / 100,
      // A basket priced in-process from the price book held in memory (what the resolve route does).
      price_resolve_p50_ms: mem.p50_ms,
      price_resolve_p99_ms: mem.p99_ms,
      price_book_load_s: Math.round(loadS * 100) / 100,
      price_book_heap_mb: Math.round(heapMb),
      // The same basket through one prepared statement on the database, for comparison.
      price_resolve_sql_p50_ms: s.p50_ms,
      price_resolve_sql_p99_ms: s.p99_ms,
    }
  } finally {
    await database.close()
    await scratch.drop()
  }
}

async function generate(client: pg.Client) {
  await client.query(
    `INSERT INTO price_list (id, code, name) SELECT 'prl_bench_' || i, ($1::text[])[i], ($1::text[])[i] FROM generate_series(1, 6) i`,
    [CHANNELS],
  )
  await client.query(
    `INSERT INTO channel (id, code, name, kind, price_list_id, fulfilment_modes)
     SELECT 'chn_bench_' || i, ($1::text[])[i], ($1::text[])[i],
            ($2::text[])[i], 'prl_bench_' || i, ARRAY['delivery']
     FROM generate_series(1, 6) i`,
    [CHANNELS, ['store', 'web', 'mobile', 'call_centre', 'catalogue', 'partner']],
  )
  await client.query(
    `INSERT INTO product (id, code, name, category, vat_rate_bp)
     SELECT 'prd_bench_' || i, 'BP-' || i, 'Produit ' || i, 'bench', 2000 FROM generate_series(1, ${PRODUCTS}) i`,
  )
  await client.query(
    `INSERT INTO variant (id, product_id, sku, ean, name)
     SELECT 'var_bench_' || i, 'prd_bench_' || i, 'BENCH-' || i, lpad(i::text, 13, '0'), 'Variante ' || i
     FROM generate_series(1, ${PRODUCTS}) i`,
  )
  await client.query(
    `INSERT INTO assortment (channel_id, product_id)
     SELECT 'chn_bench_' || c, 'prd_bench_' || i FROM generate_series(1, ${PRODUCTS}) i, generate_series(1, 6) c`,
  )
  // Store price x.99 from 9.99 € to 208.99 €; web and app up to 8 % cheaper, partners up to 6 % dearer,
  // every 100th SKU's web price above the store price (a direction break for the report to find).
  await client.query(
    `WITH base AS (SELECT i, (10 + i % 200) * 100 - 1 AS store FROM generate_series(1, ${PRODUCTS}) i)
     INSERT INTO price (price_list_id, sku, amount_cents, created_at, updated_at)
     SELECT 'prl_bench_' || c, 'BENCH-' || i,
            CASE WHEN c = 2 AND i % 100 = 0 THEN store + 500
                 WHEN c IN (2, 3) THEN (floor(store * (0.92 + (i % 9) * 0.01) / 100) * 100 - 1)::int
                 WHEN c = 6 THEN (floor(store * (1.00 + (i % 7) * 0.01) / 100) * 100 + 99)::int
                 ELSE store END,
            now() - interval '400 days', now() - interval '400 days'
     FROM base, generate_series(1, 6) c`,
  )
  await client.query(
    `INSERT INTO sku_cost (sku, cost_cents)
     SELECT 'BENCH-' || i, ((10 + i % 200) * 100 * (0.45 + (i % 20) * 0.01))::int FROM generate_series(1, ${PRODUCTS}) i`,
  )
  await client.query(
    `INSERT INTO coherence_policy (category, max_spread_bp, direction, min_margin_bp, price_endings, competitor_max_above_bp)
     VALUES ('bench', 2000, '[{"cheaper":"chn_bench_2","dearer":"chn_bench_1"},{"cheaper":"chn_bench_3","dearer":"chn_bench_1"}]',
             1500, '[99, 95, 0]', 1000)`,
  )
  await client.query(
    `INSERT INTO competitor_price (id, competitor, sku, channel_id, price_cents, observed_at, source)
     SELECT 'cob_bench_' || i || '_' || k, 'Rival ' || k, 'BENCH-' || i, 'chn_bench_2',
            ((10 + i % 200) * 100 * (0.95 + k * 0.03))::int, now() - (k || ' days')::interval, 'bench'
     FROM generate_series(1, ${PRODUCTS}, 5) i, generate_series(1, 3) k`,
  )
  // A price history: a past change on every SKU of the web list.
  await client.query(
    `INSERT INTO price_change (id, price_list_id, sku, old_cents, new_cents, valid_from, applied_at, kind, actor)
     SELECT 'pch_bench_' || sku, price_list_id, sku, amount_cents + 100, amount_cents,
            updated_at - interval '1 day', updated_at - interval '1 day', 'manual', 'bench'
     FROM price WHERE price_list_id = 'prl_bench_2'`,
  )
  await client.query('VACUUM ANALYZE')
}
