import pg from 'pg'
import { openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { runReplenishment } from '../supply/index.ts'
import { scratchPostgres } from './scratch-postgres.ts'

const log = (msg: string) => process.stderr.write(`${msg}\n`)
const STORES = 20
const SKUS = 2_000

/**
 * The daily replenishment proposal at the scale of a regional network, in-process on a database of
 * its own on the PostgreSQL server: one warehouse feeding 20 stores, 2,000 SKUs each with a policy in
 * every store (half min/max, half days of cover), four weeks of sales behind the velocities (about
 * 450,000 sale movements), a tenth of the SKUs short at the warehouse (shared fairly), one cluster
 * unlisting a category. Measures the whole run (reads, decision, the day's proposals written), the
 * first of the day and the re-runs that replace it.
 */
export async function supplySection(databaseUrl: string) {
  const scratch = await scratchPostgres(databaseUrl, `passerelle_bench_supply_${process.pid}`)
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 })
  try {
    await migrate(database)
    log(
      `bench: writing ${STORES} stores × ${SKUS.toLocaleString('en')} SKUs with policies, stock and four weeks of sales…`,
    )
    const client = new pg.Client({ connectionString: scratch.url })
    await client.connect()
    try {
      await generate(client)
    } finally {
      await client.end()
    }
    const runs: number[] = []
    let last = { proposals: 0, lines: 0, units: 0 }
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now()
      last = await runReplenishment(database.db, { date: '2030-06-03' })
      runs.push((performance.now() - t0) / 1000)
    }
    log(
      `bench: ${last.proposals} proposals, ${last.lines.toLocaleString('en')} lines, ${last.units.toLocaleString('en')} units`,
    )
    const sorted = [...runs.slice(1)].sort((a, b) => a - b)
    return {
      supply_stores: STORES,
      supply_skus: SKUS,
      supply_proposals: last.proposals,
      supply_lines: last.lines,
      // The day's first run, then the median and worst of the re-runs that replace its drafts.
      supply_first_run_s: Math.round(runs[0]! * 100) / 100,
      supply_rerun_median_s: Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100,
      supply_rerun_max_s: Math.round(sorted[sorted.length - 1]! * 100) / 100,
    }
  } finally {
    await database.close()
    await scratch.drop()
  }
}

async function generate(client: pg.Client) {
  const hours =
    '{"mon":[["09:00","19:00"]],"tue":[["09:00","19:00"]],"wed":[["09:00","19:00"]],"thu":[["09:00","19:00"]],"fri":[["09:00","19:00"]],"sat":[["09:00","19:00"]]}'
  await client.query(
    `INSERT INTO location (id, code, name, kind, city, lat, lon, opening_hours, fulfilment_modes, cluster)
     SELECT CASE WHEN i = 0 THEN 'loc_bench_wh' ELSE 'loc_bench_' || i END,
            CASE WHEN i = 0 THEN 'WH' ELSE 'ST-' || i END, 'Lieu ' || i,
            CASE WHEN i = 0 THEN 'warehouse' ELSE 'store' END, 'Ville', 45 + i * 0.1, 2 + i * 0.1, $1::jsonb,
            ARRAY['takeaway'], CASE WHEN i % 4 = 0 AND i > 0 THEN 'city' END
     FROM generate_series(0, ${STORES}) i`,
    [hours],
  )
  await client.query(
    `INSERT INTO product (id, code, name, category, vat_rate_bp)
     SELECT 'prd_bench_' || i, 'BP-' || i, 'Produit ' || i, 'cat-' || (i % 20), 2000 FROM generate_series(1, ${SKUS}) i`,
  )
  await client.query(
    `INSERT INTO variant (id, product_id, sku, ean, name)
     SELECT 'var_bench_' || i, 'prd_bench_' || i, 'BENCH-' || i, lpad(i::text, 13, '0'), 'Variante ' || i
     FROM generate_series(1, ${SKUS}) i`,
  )
  await client.query(
    `INSERT INTO cluster_listing (cluster, target_kind, target, listed) VALUES ('city', 'category', 'cat-7', false)`,
  )
  // The warehouse: plenty of most SKUs, a tenth short of what the stores ask.
  await client.query(
    `INSERT INTO stock_level (location_id, sku, on_hand)
     SELECT 'loc_bench_wh', 'BENCH-' || i, CASE WHEN i % 10 = 0 THEN 40 ELSE 5000 END FROM generate_series(1, ${SKUS}) i`,
  )
  await client.query(
    `INSERT INTO stock_level (location_id, sku, on_hand, in_transit)
     SELECT 'loc_bench_' || s, 'BENCH-' || i, (i * 7 + s * 3) % 25, CASE WHEN (i + s) % 9 = 0 THEN 6 ELSE 0 END
     FROM generate_series(1, ${STORES}) s, generate_series(1, ${SKUS}) i`,
  )
  await client.query(
    `INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, created_at)
     SELECT 'loc_bench_' || s, 'BENCH-' || i, 'sale', -1 - (i + d) % 3, now() - (d || ' days')::interval
     FROM generate_series(1, ${STORES}) s, generate_series(1, ${SKUS}) i, generate_series(1, 28, 3) d
     WHERE (i + s + d) % 2 = 0`,
  )
  await client.query(
    `INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, created_at)
     SELECT 'loc_bench_wh', 'BENCH-' || i, 'sale', -2, now() - (d || ' days')::interval
     FROM generate_series(1, ${SKUS}) i, generate_series(1, 28, 2) d`,
  )
  await client.query(
    `INSERT INTO store_supply (location_id, warehouse_id, delivery_days, lead_days, pallets_per_truck)
     SELECT 'loc_bench_' || s, 'loc_bench_wh', CASE WHEN s % 2 = 0 THEN ARRAY[1, 4] ELSE ARRAY[2, 5] END, 1, 26
     FROM generate_series(1, ${STORES}) s`,
  )
  await client.query(
    `INSERT INTO warehouse_supply (location_id, web_reserve_days) VALUES ('loc_bench_wh', 3)`,
  )
  await client.query(
    `INSERT INTO sku_pallet (sku, units_per_pallet) SELECT 'BENCH-' || i, 24 + (i % 5) * 24 FROM generate_series(1, ${SKUS}) i`,
  )
  await client.query(
    `INSERT INTO replenishment_policy (location_id, sku, method, min_qty, max_qty, cover_days)
     SELECT 'loc_bench_' || s, 'BENCH-' || i, CASE WHEN i % 2 = 0 THEN 'min_max' ELSE 'cover' END,
            CASE WHEN i % 2 = 0 THEN 6 ELSE 2 END, CASE WHEN i % 2 = 0 THEN 30 ELSE 0 END, 10
     FROM generate_series(1, ${STORES}) s, generate_series(1, ${SKUS}) i`,
  )
  await client.query('VACUUM ANALYZE')
}
