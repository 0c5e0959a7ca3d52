import { sql } from 'drizzle-orm'
import pg from 'pg'
import {
  analyticsConsumers,
  cannibalisation,
  customerView,
  migration,
  rebuildAnalytics,
  sales,
} from '../analytics/index.ts'
import { openDatabase } from '../db/database.ts'
import { migrate } from '../db/migrate.ts'
import { bySystem, orderEvents, outboxInsertFrom, runBatchConsumer, sequenceEvents } from '../events/index.ts'
import type { Actor } from '../shared/actor.ts'
import { scratchPostgres } from './scratch-postgres.ts'
import { summarise } from './stats.ts'
import { prng } from './workload.ts'

const log = (msg: string) => process.stderr.write(`${msg}\n`)
const ORDERS = 1_666_667
const LINES_PER_ORDER = 3
const STORES = 50
const CUSTOMERS = 200_000
const CATEGORIES = 12
const CHUNKS = 10
const admin: Actor = { keyId: 'bench', name: 'bench', role: 'admin', locationId: null, channelId: null }

/**
 * Channel analytics at scale, in-process on a database of its own on the PostgreSQL server: 5 million
 * order lines (1.67 M orders over two years, 6 channels, 50 stores, 12 categories, 200,000 customers)
 * written by SQL, the aggregates built once, then the dashboard's queries timed with varied parameters.
 */
export async function analyticsSection(databaseUrl: string) {
  const scratch = await scratchPostgres(databaseUrl, `passerelle_bench_analytics_${process.pid}`)
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 })
  try {
    await migrate(database)
    const client = new pg.Client({ connectionString: scratch.url })
    await client.connect()
    const t0 = performance.now()
    try {
      await generate(client)
    } finally {
      await client.end()
    }
    const generateS = (performance.now() - t0) / 1000
    log('bench: building the analytics aggregates from scratch…')
    const t1 = performance.now()
    await rebuildAnalytics(database.db)
    // The events before the build are in the aggregates: the consumers start after them.
    await database.db.execute(
      sql`INSERT INTO event_cursor (id, position)
          SELECT x.id, s.position FROM event_cursor s,
            jsonb_array_elements_text(${JSON.stringify(analyticsConsumers.map((c) => c.id))}::jsonb) AS x(id)
          WHERE s.id = 'events.sequence' ON CONFLICT (id) DO UPDATE SET position = excluded.position`,
    )
    const buildS = (performance.now() - t1) / 1000
    const db = database.db
    log('bench: dashboard queries (sales by month/week/day × channel/store/category, store cannibalisation)…')
    const rand = prng(5)
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!
    const day = (offset: number) =>
      new Date(Date.UTC(2025, 11, 31) - offset * 86_400_000).toISOString().slice(0, 10)
    const queries: Array<() => Promise<unknown>> = [
      () => sales(db, admin, { from: day(730), to: day(0), period: 'month', by: ['channel'] }),
      () => sales(db, admin, { from: day(365), to: day(0), period: 'month', by: ['channel', 'category'] }),
      () => sales(db, admin, { from: day(365), to: day(0), period: 'month', by: ['store'] }),
      () => sales(db, admin, { from: day(91), to: day(0), period: 'week', by: ['channel', 'store'] }),
      () =>
        sales(db, admin, {
          from: day(90 + Math.floor(rand() * 300)),
          to: day(Math.floor(rand() * 90)),
          period: 'week',
          by: ['channel'],
          store: `loc_bench_${1 + Math.floor(rand() * STORES)}`,
        }),
      () => {
        const o = Math.floor(rand() * 600)
        return sales(db, admin, { from: day(o + 31), to: day(o), period: 'day', by: ['channel'] })
      },
      () =>
        sales(db, admin, {
          from: day(365),
          to: day(0),
          period: 'month',
          by: ['channel'],
          category: `cat${1 + Math.floor(rand() * CATEGORIES)}`,
        }),
      () =>
        cannibalisation(db, admin, {
          store: pick(['loc_bench_1', 'loc_bench_2', 'loc_bench_3', 'loc_bench_4', 'loc_bench_5']),
          service: 'pickup',
          weeks: 12,
        }),
    ]
    const latencies: number[] = []
    for (let i = 0; i < 40 + 400; i++) {
      const q = queries[i % queries.length]!
      const s = performance.now()
      await q()
      if (i >= 40) latencies.push(performance.now() - s)
    }
    const timeOnce = async (f: () => Promise<unknown>, n = 5) => {
      const l: number[] = []
      for (let i = 0; i < n; i++) {
        const s = performance.now()
        await f()
        l.push(performance.now() - s)
      }
      return summarise(l).p50_ms
    }
    log('bench: customer view and migration matrix (reading every customer)…')
    const customersMs = await timeOnce(() => customerView(db, admin, { from: day(365), to: day(0) }))
    const migrationMs = await timeOnce(() => migration(db, admin, {}), 3)
    log('bench: incremental refresh after 1,000 new orders…')
    const inc = new pg.Client({ connectionString: scratch.url })
    await inc.connect()
    await inc.query(`INSERT INTO orders (id, number, channel_id, customer_id, store_id, status, currency, total_cents, vat_cents, placed_at)
      SELECT 'ord_new_' || i, 800000000 + i, 'chn_bench_1', 'cus_bench_' || (i % 1000), 'loc_bench_1', 'completed', 'EUR', 3000, 500, now()
      FROM generate_series(1, 1000) i`)
    await inc.query(`INSERT INTO order_line (id, order_id, line_no, sku, product_name, quantity, unit_price_cents, total_cents, vat_rate_bp, vat_cents, fulfilment, source_location_id, fulfilled_quantity)
      SELECT 'oln_new_' || i, 'ord_new_' || i, 1, 'BENCH-1', 'p', 1, 3000, 3000, 2000, 500, 'takeaway', 'loc_bench_1', 1 FROM generate_series(1, 1000) i`)
    await inc.query(
      `INSERT INTO order_event (order_id, type) SELECT 'ord_new_' || i, 'placed' FROM generate_series(1, 1000) i`,
    )
    await inc.end()
    await db.execute(
      outboxInsertFrom(
        orderEvents,
        'order.placed',
        bySystem,
        sql`SELECT o.id AS aggregate_id, jsonb_build_object('order_id', o.id, 'number', o.number, 'status', o.status,
                   'channel_id', o.channel_id, 'store_id', o.store_id, 'customer_id', o.customer_id, 'currency', 'EUR',
                   'total_cents', o.total_cents, 'vat_cents', o.vat_cents, 'paid_cents', o.total_cents,
                   'lines', '[]'::jsonb) AS payload
            FROM orders o WHERE o.id LIKE 'ord_new_%' ORDER BY o.id`,
      ),
    )
    while ((await sequenceEvents(db)) > 0);
    // One pass of each analytics consumer over the 1,000 orders' events (a sweep's batch).
    const t2 = performance.now()
    for (const c of analyticsConsumers) await runBatchConsumer(db, c)
    const incrementalMs = performance.now() - t2
    const s = summarise(latencies)
    return {
      analytics_order_lines: ORDERS * LINES_PER_ORDER,
      analytics_generate_s: Math.round(generateS),
      analytics_full_build_s: Math.round(buildS * 10) / 10,
      analytics_incremental_1000_orders_ms: Math.round(incrementalMs),
      analytics_dashboard_p50_ms: s.p50_ms,
      analytics_dashboard_p99_ms: s.p99_ms,
      analytics_dashboard_max_ms: s.max_ms,
      analytics_customers_view_ms: customersMs,
      analytics_migration_ms: migrationMs,
    }
  } finally {
    await database.close()
    await scratch.drop()
  }
}

async function generate(client: pg.Client) {
  log(
    `bench: writing channels, ${STORES} stores, ${CATEGORIES} categories, ${CUSTOMERS.toLocaleString('en')} customers…`,
  )
  await client.query(
    `INSERT INTO price_list (id, code, name) SELECT 'prl_bench_' || i, 'PL' || i, 'PL' || i FROM generate_series(1, 6) i`,
  )
  await client.query(
    `INSERT INTO channel (id, code, name, kind, price_list_id, fulfilment_modes)
     SELECT 'chn_bench_' || i, 'CH' || i, 'Canal ' || i, ($1::text[])[i], 'prl_bench_' || i, ARRAY['delivery']
     FROM generate_series(1, 6) i`,
    [['store', 'web', 'mobile', 'call_centre', 'catalogue', 'partner']],
  )
  await client.query(
    `INSERT INTO location (id, code, name, kind, city, lat, lon, opening_hours, fulfilment_modes)
     SELECT 'loc_bench_' || i, 'S' || i, 'Magasin ' || i, CASE WHEN i <= ${STORES} THEN 'store' ELSE 'warehouse' END,
            'Ville', 47, 2, '{}'::jsonb, ARRAY['takeaway','pickup','delivery']
     FROM generate_series(1, ${STORES + 1}) i`,
  )
  await client.query(
    `INSERT INTO product (id, code, name, category, vat_rate_bp)
     SELECT 'prd_bench_' || i, 'BP-' || i, 'Produit ' || i, 'cat' || (1 + i % ${CATEGORIES}), 2000 FROM generate_series(1, 2000) i`,
  )
  await client.query(
    `INSERT INTO variant (id, product_id, sku, ean, name)
     SELECT 'var_bench_' || i, 'prd_bench_' || i, 'BENCH-' || i, lpad(i::text, 13, '0'), 'V' || i FROM generate_series(1, 2000) i`,
  )
  await client.query(
    `INSERT INTO customer (id, first_name, last_name) SELECT 'cus_bench_' || i, 'C', 'B' || i FROM generate_series(0, ${CUSTOMERS - 1}) i`,
  )
  // Click & collect opened at the first ten stores a year ago.
  await client.query(
    `INSERT INTO service_launch (id, location_id, service, launched_on)
     SELECT 'svl_bench_' || i, 'loc_bench_' || i, 'pickup', DATE '2025-01-06' FROM generate_series(1, 10) i`,
  )
  const per = Math.ceil(ORDERS / CHUNKS)
  for (let c = 0; c < CHUNKS; c++) {
    const lo = c * per + 1
    const hi = Math.min(ORDERS, (c + 1) * per)
    log(
      `bench: orders ${lo.toLocaleString('en')}–${hi.toLocaleString('en')} of ${ORDERS.toLocaleString('en')} (3 lines each)…`,
    )
    // Channel mix ~56 % stores; a third of customers anonymous at the till; two years ending 2025-12-31.
    await client.query(
      `INSERT INTO orders (id, number, channel_id, customer_id, store_id, status, currency, total_cents, vat_cents, placed_at, created_at)
       SELECT 'ord_b_' || i, i, 'chn_bench_' || ch,
              CASE WHEN ch = 1 AND i % 3 = 0 THEN NULL ELSE 'cus_bench_' || ((i::bigint * 7919) % ${CUSTOMERS}) END,
              CASE WHEN ch = 1 THEN 'loc_bench_' || (1 + (i * 31) % ${STORES}) END,
              CASE WHEN i % 50 = 0 THEN 'cancelled' ELSE 'completed' END, 'EUR', 0, 0, t, t
       FROM (SELECT i, CASE WHEN i % 100 < 56 THEN 1 WHEN i % 100 < 76 THEN 2 WHEN i % 100 < 86 THEN 3
                            WHEN i % 100 < 91 THEN 4 WHEN i % 100 < 94 THEN 5 ELSE 6 END AS ch,
                    TIMESTAMPTZ '2026-01-01 00:00+01' - ((i::float8 / ${ORDERS}) * 730 || ' days')::interval
                      + ((i % 10) || ' hours')::interval AS t
             FROM generate_series(${lo}, ${hi}) i) s`,
    )
    await client.query(
      `INSERT INTO order_line (id, order_id, line_no, sku, product_name, quantity, unit_price_cents, total_cents,
         vat_rate_bp, vat_cents, fulfilment, source_location_id, pickup_location_id, fulfilled_quantity)
       SELECT 'oln_b_' || i || '_' || n, 'ord_b_' || i, n, 'BENCH-' || (1 + (i * 13 + n * 101) % 2000), 'p',
              q, 1000 + (i + n) % 40 * 100, q * (1000 + (i + n) % 40 * 100), 2000, 0, f, src, pk, q
       FROM (SELECT i, n, 1 + (i + n) % 3 AS q,
                    CASE WHEN i % 100 < 56 THEN 'takeaway' WHEN i % 7 < 3 THEN 'pickup' ELSE 'delivery' END AS f,
                    CASE WHEN i % 100 < 56 THEN 'loc_bench_' || (1 + (i * 31) % ${STORES})
                         WHEN i % 7 < 3 OR i % 11 = 0 THEN 'loc_bench_' || (1 + i % ${STORES})
                         ELSE 'loc_bench_${STORES + 1}' END AS src,
                    CASE WHEN i % 100 >= 56 AND i % 7 < 3 THEN 'loc_bench_' || (1 + i % ${STORES}) END AS pk
             FROM generate_series(${lo}, ${hi}) i, generate_series(1, ${LINES_PER_ORDER}) n) s`,
    )
  }
  log('bench: one placed event per order, returns on 1 order in 40 (received 5 days later)…')
  await client.query(
    `INSERT INTO order_event (order_id, type, created_at)
     SELECT id, 'placed', placed_at FROM orders WHERE id LIKE 'ord_b_%' ORDER BY placed_at`,
  )
  await client.query(
    `INSERT INTO "return" (id, order_id, customer_id, method, location_id, status, refund_to, refund_cents, policy,
       received_at, created_at)
     SELECT 'rtn_b_' || substr(o.id, 7), o.id, o.customer_id, 'in_store', 'loc_bench_1', 'completed', 'original', 1000,
            '{}'::jsonb, o.placed_at + interval '5 days', o.placed_at + interval '5 days'
     FROM orders o WHERE o.id LIKE 'ord_b_%' AND o.status = 'completed' AND o.number % 40 = 1`,
  )
  await client.query(
    `INSERT INTO return_line (id, return_id, order_line_id, line_no, sku, quantity, reason, condition, refund_cents,
       vat_cents, vat_rate_bp)
     SELECT 'rln_b_' || substr(r.id, 7), r.id, 'oln_b_' || substr(r.id, 7) || '_1', 1, l.sku, 1, 'changed_mind',
            'resellable', 1000, 0, 2000
     FROM "return" r JOIN order_line l ON l.id = 'oln_b_' || substr(r.id, 7) || '_1' WHERE r.id LIKE 'rtn_b_%'`,
  )
  log('bench: VACUUM ANALYZE…')
  await client.query('VACUUM ANALYZE')
}
