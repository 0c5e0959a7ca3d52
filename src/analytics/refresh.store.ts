import { type SQL, sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'

/**
 * Keeps the analytics aggregates up to date from the tables of orders and returns, outside the order
 * path. The consumers (analytics.consumers.ts) say which orders, returns and customers a batch of
 * events touched; this file rebuilds, set-based, every Paris day those orders and returns fall on, the
 * months containing them, and those customers, from the rows as they are now. A rebuild gives the
 * same rows however often it runs, and later changes bring their own events: applying an event twice,
 * or two batches in any order, leaves the aggregates as one clean pass would.
 */
const SALES_LOCK = 7_305_115
const CUSTOMERS_LOCK = 7_305_116

const counted = sql.raw(`('placed', 'partially_fulfilled', 'fulfilled', 'completed')`)
const parisDay = (col: string) => sql.raw(`(${col} AT TIME ZONE 'Europe/Paris')::date`)
/** The store of an order: where it was sold, else where it is collected, else '' (delivered). */
const orderStore = sql.raw(`coalesce(o.store_id, (SELECT pl.pickup_location_id FROM order_line pl
  WHERE pl.order_id = o.id AND pl.pickup_location_id IS NOT NULL ORDER BY pl.line_no LIMIT 1), '')`)
const idRows = (ids: readonly string[]) =>
  sql`jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb) AS x(id)`

// Rebuilds of the sales and of the customers queue behind each other (and behind a full rebuild), so
// two writers never delete and insert the same day's rows at once; they wait rather than skip, since
// each holds events that must be applied.
const hold = (tx: Executor, key: number) => tx.execute(sql`SELECT pg_advisory_xact_lock(${key})`)

export interface RebuildResult {
  days: number
  customers: number
  returns: number
  ms: number
}

/**
 * Rebuilds every aggregate from scratch from the orders and the returns: the demo's bulk-loaded
 * history, a bench, or `POST /analytics/refresh {"full": true}`. Events already applied, or still to
 * come, rebuild the same rows again: nothing is counted twice.
 */
export async function rebuildAnalytics(db: Executor): Promise<RebuildResult> {
  const t0 = performance.now()
  return db.transaction(async (tx) => {
    await hold(tx, SALES_LOCK)
    await hold(tx, CUSTOMERS_LOCK)
    for (const t of [
      'analytics_sales_day',
      'analytics_sales_month',
      'analytics_orders_day',
      'analytics_orders_month',
      'analytics_customer_month',
      'analytics_customer_first',
      'analytics_order',
      'analytics_return_line',
    ])
      await tx.execute(sql.raw(`TRUNCATE ${t}`))
    await tx.execute(sql`INSERT INTO analytics_order (order_id, day)
      SELECT o.id, ${parisDay('o.placed_at')} FROM orders o
      WHERE o.status IN ${counted} AND o.placed_at IS NOT NULL`)
    await insertReturnLines(tx, sql`TRUE`)
    await rebuildDays(tx, sql`TRUE`)
    await rebuildCustomers(tx, sql`TRUE`)
    const [n] = await rows<{ days: number; customers: number; returns: number }>(
      tx,
      sql`SELECT (SELECT count(DISTINCT day) FROM analytics_order)::int AS days,
                 (SELECT count(*) FROM analytics_customer_first)::int AS customers,
                 (SELECT count(DISTINCT return_id) FROM analytics_return_line)::int AS returns`,
    )
    return {
      days: n?.days ?? 0,
      customers: n?.customers ?? 0,
      returns: n?.returns ?? 0,
      ms: Math.round(performance.now() - t0),
    }
  })
}

/**
 * The sales figures of the days touched by these orders and returns, rebuilt: the days the orders
 * fell on before (an order cancelled leaves its day) and fall on now, and the days the returns came
 * back on.
 */
export async function refreshSales(tx: Executor, orderIds: readonly string[], returnIds: readonly string[]) {
  await hold(tx, SALES_LOCK)
  await tx.execute(sql`CREATE TEMP TABLE a_touched ON COMMIT DROP AS
    SELECT id AS order_id FROM ${idRows(orderIds)}`)
  await tx.execute(sql`CREATE TEMP TABLE a_returns ON COMMIT DROP AS
    SELECT id AS return_id FROM ${idRows(returnIds)}`)
  // Temporary tables have no statistics: without them the planner scans whole tables to join a few rows.
  await tx.execute(sql`ANALYZE a_touched`)
  await tx.execute(sql`ANALYZE a_returns`)
  await tx.execute(sql`CREATE TEMP TABLE a_days ON COMMIT DROP AS
    SELECT day FROM analytics_order WHERE order_id IN (SELECT order_id FROM a_touched)
    UNION SELECT ${parisDay('o.placed_at')} FROM orders o
      WHERE o.id IN (SELECT order_id FROM a_touched) AND o.status IN ${counted} AND o.placed_at IS NOT NULL
    UNION SELECT day FROM analytics_return_line WHERE return_id IN (SELECT return_id FROM a_returns)`)
  await tx.execute(
    sql`DELETE FROM analytics_return_line WHERE return_id IN (SELECT return_id FROM a_returns)`,
  )
  await insertReturnLines(tx, sql`r.id IN (SELECT return_id FROM a_returns)`)
  await tx.execute(sql`INSERT INTO a_days
    SELECT day FROM analytics_return_line WHERE return_id IN (SELECT return_id FROM a_returns)
    EXCEPT SELECT day FROM a_days`)
  await tx.execute(sql`ANALYZE a_days`)
  await tx.execute(sql`DELETE FROM analytics_order WHERE order_id IN (SELECT order_id FROM a_touched)`)
  await tx.execute(sql`INSERT INTO analytics_order (order_id, day)
    SELECT o.id, ${parisDay('o.placed_at')} FROM orders o
    WHERE o.id IN (SELECT order_id FROM a_touched) AND o.status IN ${counted} AND o.placed_at IS NOT NULL`)
  await rebuildDays(tx, sql`day IN (SELECT day FROM a_days)`)
  const [n] = await rows<{ days: number }>(tx, sql`SELECT count(*)::int AS days FROM a_days`)
  // Dropped now rather than at commit: a pass of runConsumer applies its events one by one in one transaction.
  await tx.execute(sql`DROP TABLE a_touched, a_returns, a_days`)
  return { days: n?.days ?? 0 }
}

/**
 * The monthly spend and the first order of these customers and of the customers of these orders,
 * rebuilt (a merge names both profiles).
 */
export async function refreshCustomers(
  tx: Executor,
  customerIds: readonly string[],
  orderIds: readonly string[],
) {
  await hold(tx, CUSTOMERS_LOCK)
  await tx.execute(sql`CREATE TEMP TABLE a_customers ON COMMIT DROP AS
    SELECT id AS customer_id FROM ${idRows(customerIds)}
    UNION SELECT customer_id FROM orders WHERE id IN (SELECT id FROM ${idRows(orderIds)}) AND customer_id IS NOT NULL`)
  await tx.execute(sql`ANALYZE a_customers`)
  await rebuildCustomers(tx, sql`customer_id IN (SELECT customer_id FROM a_customers)`)
  await tx.execute(sql`DROP TABLE a_customers`)
}

/** Each refunded line of the completed returns matching `which` (a condition on `r`), on the day it came back. */
async function insertReturnLines(tx: Executor, which: SQL) {
  await tx.execute(sql`INSERT INTO analytics_return_line
      (return_id, order_line_id, day, channel_id, store_id, category, units, refund_cents)
    SELECT r.id, rl.order_line_id, ${parisDay('r.received_at')}, o.channel_id, ${orderStore},
           coalesce(p.category, ''), rl.quantity, rl.refund_cents
    FROM "return" r JOIN return_line rl ON rl.return_id = r.id
    JOIN orders o ON o.id = r.order_id
    JOIN order_line l ON l.id = rl.order_line_id
    LEFT JOIN variant v ON v.sku = l.sku LEFT JOIN product p ON p.id = v.product_id
    WHERE r.status = 'completed' AND r.received_at IS NOT NULL AND rl.resolution = 'refund' AND ${which}
    ON CONFLICT DO NOTHING`)
}

/** Rebuilds the day and month rows of the days matching `days` (a condition on `day`). */
async function rebuildDays(tx: Executor, days: SQL) {
  await tx.execute(sql`CREATE TEMP TABLE a_lines ON COMMIT DROP AS
    SELECT d.day, o.id AS order_id, o.channel_id, ${orderStore} AS store_id, coalesce(p.category, '') AS category,
           l.fulfilment, (l.quantity - l.cancelled_quantity) AS units,
           (l.total_cents - round(l.total_cents::numeric * l.cancelled_quantity / l.quantity))::bigint AS cents,
           (l.fulfilment = 'delivery' AND sl.kind = 'store') AS from_store
    FROM analytics_order d JOIN orders o ON o.id = d.order_id
    JOIN order_line l ON l.order_id = o.id
    LEFT JOIN variant v ON v.sku = l.sku LEFT JOIN product p ON p.id = v.product_id
    LEFT JOIN location sl ON sl.id = l.source_location_id
    WHERE ${days} AND l.quantity > l.cancelled_quantity`)
  await tx.execute(sql`DELETE FROM analytics_sales_day WHERE ${days}`)
  await tx.execute(sql`INSERT INTO analytics_sales_day (day, channel_id, store_id, category, orders, units,
      sales_cents, returned_cents, returned_units, pickup_cents, ship_from_store_cents, delivery_cents)
    SELECT day, channel_id, store_id, category, count(DISTINCT order_id), sum(units), sum(cents),
           sum(returned), sum(returned_units), coalesce(sum(cents) FILTER (WHERE fulfilment = 'pickup'), 0),
           coalesce(sum(cents) FILTER (WHERE from_store), 0),
           coalesce(sum(cents) FILTER (WHERE fulfilment = 'delivery'), 0)
    FROM (
      SELECT day, order_id, channel_id, store_id, category, fulfilment, units, cents, from_store,
             0::bigint AS returned, 0 AS returned_units FROM a_lines
      UNION ALL
      SELECT day, NULL, channel_id, store_id, category, NULL, 0, 0, false, refund_cents, units
      FROM analytics_return_line WHERE ${days}
    ) f
    GROUP BY day, channel_id, store_id, category`)
  await tx.execute(sql`DELETE FROM analytics_orders_day WHERE ${days}`)
  await tx.execute(sql`INSERT INTO analytics_orders_day (day, channel_id, store_id, orders, units, sales_cents,
      pickup_orders, pickup_units, pickup_cents, ship_from_store_orders, ship_from_store_cents, delivery_cents,
      returned_cents)
    SELECT day, channel_id, store_id, count(order_id), sum(units), sum(cents), count(*) FILTER (WHERE pickup_units > 0),
           coalesce(sum(pickup_units), 0), coalesce(sum(pickup_cents), 0), count(*) FILTER (WHERE from_store_cents > 0),
           coalesce(sum(from_store_cents), 0), coalesce(sum(delivery_cents), 0), sum(returned)
    FROM (
      SELECT day, order_id, channel_id, store_id, sum(units) AS units, sum(cents) AS cents,
             sum(units) FILTER (WHERE fulfilment = 'pickup') AS pickup_units,
             sum(cents) FILTER (WHERE fulfilment = 'pickup') AS pickup_cents,
             sum(cents) FILTER (WHERE from_store) AS from_store_cents,
             sum(cents) FILTER (WHERE fulfilment = 'delivery') AS delivery_cents,
             0::bigint AS returned
      FROM a_lines GROUP BY day, order_id, channel_id, store_id
      UNION ALL
      SELECT day, NULL, channel_id, store_id, 0, 0, 0, 0, 0, 0, sum(refund_cents)
      FROM analytics_return_line WHERE ${days} GROUP BY day, channel_id, store_id
    ) f
    GROUP BY day, channel_id, store_id`)
  await tx.execute(sql`CREATE TEMP TABLE a_months ON COMMIT DROP AS
    SELECT DISTINCT date_trunc('month', day)::date AS month FROM analytics_sales_day WHERE ${days}
    UNION SELECT DISTINCT date_trunc('month', day)::date FROM analytics_order WHERE ${days}
    UNION SELECT DISTINCT date_trunc('month', day)::date FROM analytics_return_line WHERE ${days}`)
  await tx.execute(sql`ANALYZE a_months`)
  await tx.execute(sql`DELETE FROM analytics_sales_month WHERE month IN (SELECT month FROM a_months)`)
  await tx.execute(sql`INSERT INTO analytics_sales_month (month, channel_id, store_id, category, orders, units,
      sales_cents, returned_cents, returned_units, pickup_cents, ship_from_store_cents, delivery_cents)
    SELECT date_trunc('month', day)::date, channel_id, store_id, category, sum(orders), sum(units), sum(sales_cents),
           sum(returned_cents), sum(returned_units), sum(pickup_cents), sum(ship_from_store_cents), sum(delivery_cents)
    FROM analytics_sales_day d JOIN a_months m ON d.day >= m.month AND d.day < (m.month + interval '1 month')::date
    GROUP BY 1, channel_id, store_id, category`)
  await tx.execute(sql`DELETE FROM analytics_orders_month WHERE month IN (SELECT month FROM a_months)`)
  await tx.execute(sql`INSERT INTO analytics_orders_month (month, channel_id, store_id, orders, units, sales_cents,
      pickup_orders, pickup_units, pickup_cents, ship_from_store_orders, ship_from_store_cents, delivery_cents,
      returned_cents)
    SELECT date_trunc('month', day)::date, channel_id, store_id, sum(orders), sum(units), sum(sales_cents),
           sum(pickup_orders), sum(pickup_units), sum(pickup_cents), sum(ship_from_store_orders),
           sum(ship_from_store_cents), sum(delivery_cents), sum(returned_cents)
    FROM analytics_orders_day d JOIN a_months m ON d.day >= m.month AND d.day < (m.month + interval '1 month')::date
    GROUP BY 1, channel_id, store_id`)
  await tx.execute(sql`DROP TABLE a_lines, a_months`)
}

/** Rebuilds the monthly spend and the first order of the customers matching `which` (a condition on customer_id). */
async function rebuildCustomers(tx: Executor, which: SQL) {
  await tx.execute(sql`DELETE FROM analytics_customer_month WHERE ${which}`)
  await tx.execute(sql`DELETE FROM analytics_customer_first WHERE ${which}`)
  await tx.execute(sql`CREATE TEMP TABLE a_cust ON COMMIT DROP AS
    SELECT o.customer_id, o.id, o.channel_id, o.placed_at,
           (SELECT sum(l.total_cents - round(l.total_cents::numeric * l.cancelled_quantity / l.quantity))::bigint
              FROM order_line l WHERE l.order_id = o.id) AS cents
    FROM orders o
    WHERE o.status IN ${counted} AND o.placed_at IS NOT NULL AND o.customer_id IS NOT NULL
      AND ${which}`)
  await tx.execute(sql`INSERT INTO analytics_customer_month (customer_id, month, channel_id, orders, sales_cents)
    SELECT customer_id, date_trunc('month', ${parisDay('placed_at')})::date, channel_id, count(*), sum(cents)
    FROM a_cust GROUP BY 1, 2, 3`)
  await tx.execute(sql`INSERT INTO analytics_customer_first (customer_id, first_order_at, channel_id, sales_cents)
    SELECT DISTINCT ON (customer_id) customer_id, placed_at, channel_id, cents
    FROM a_cust ORDER BY customer_id, placed_at, id`)
  await tx.execute(sql`DROP TABLE a_cust`)
}
