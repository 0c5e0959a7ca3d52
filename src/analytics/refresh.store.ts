import { type SQL, sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'

/**
 * Keeps the analytics aggregates up to date from the order events, outside the order path.
 *
 * Every change that matters to a figure writes an `order_event` (placed, cancelled, fulfilled,
 * returned, customer attached), and its id only grows: a refresh reads the events past its
 * watermark, rebuilds the Paris days those orders fall on (and the days of returns), the months
 * containing them, and the customers concerned. Ids are handed out before commit, so a slow
 * transaction can commit an event below the watermark: each refresh re-reads the last
 * `OVERLAP` events, and everything it writes is idempotent (rebuilt days, returns keyed by event).
 * Customer merges rewrite orders without an event: merges since the last refresh are read too.
 */
const OVERLAP = 1000
const REFRESH_LOCK = 7_305_115
const STATE = 'sales'

const counted = sql.raw(`('placed', 'partially_fulfilled', 'fulfilled', 'completed')`)
const parisDay = (col: string) => sql.raw(`(${col} AT TIME ZONE 'Europe/Paris')::date`)
/** The store of an order: where it was sold, else where it is collected, else '' (delivered). */
const orderStore = sql.raw(`coalesce(o.store_id, (SELECT pl.pickup_location_id FROM order_line pl
  WHERE pl.order_id = o.id AND pl.pickup_location_id IS NOT NULL ORDER BY pl.line_no LIMIT 1), '')`)

export interface RefreshResult {
  full: boolean
  events: number
  days: number
  customers: number
  ms: number
}

/**
 * Brings the aggregates up to the latest order event. Returns null when another refresh holds the
 * lock (the reader then answers from the aggregates as they are, at most one refresh behind).
 */
export async function refreshAggregates(
  db: Executor,
  opts: { full?: boolean } = {},
): Promise<RefreshResult | null> {
  const t0 = performance.now()
  return db.transaction(async (tx) => {
    const [lock] = await rows<{ ok: boolean }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS ok`,
    )
    if (!lock?.ok) return null
    const [state] = await rows<{ last_event_id: number; last_merge_at: Date | string | null }>(
      tx,
      sql`SELECT last_event_id, last_merge_at FROM analytics_refresh WHERE name = ${STATE}`,
    )
    const [top] = await rows<{ max_id: number | null; merge_at: Date | string | null }>(
      tx,
      sql`SELECT (SELECT max(id) FROM order_event) AS max_id, (SELECT max(merged_at) FROM customer_merge) AS merge_at`,
    )
    const maxId = Number(top?.max_id ?? 0)
    const mergeAt = top?.merge_at ? new Date(top.merge_at) : null
    const full = opts.full === true || !state
    if (!full) {
      const lastMerge = state.last_merge_at ? new Date(state.last_merge_at) : null
      const newMerges = mergeAt !== null && (lastMerge === null || mergeAt > lastMerge)
      if (maxId <= Number(state.last_event_id) && !newMerges) return null
    }
    const result = full
      ? await fullBuild(tx)
      : await incremental(
          tx,
          Math.max(0, Number(state!.last_event_id) - OVERLAP),
          maxId,
          state!.last_merge_at,
        )
    await tx.execute(
      sql`INSERT INTO analytics_refresh (name, last_event_id, last_merge_at, refreshed_at)
          VALUES (${STATE}, ${maxId}, ${mergeAt}, now())
          ON CONFLICT (name) DO UPDATE SET last_event_id = excluded.last_event_id,
            last_merge_at = excluded.last_merge_at, refreshed_at = now()`,
    )
    return { full, ...result, ms: Math.round(performance.now() - t0) }
  })
}

async function fullBuild(tx: Executor) {
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
  await insertReturnLines(tx, sql`e.type = 'returned'`, sql.raw('order_event'))
  const everyDay = sql`TRUE`
  await rebuildDays(tx, everyDay)
  await rebuildCustomers(tx, sql`TRUE`)
  const [n] = await rows<{ days: number; customers: number; events: number }>(
    tx,
    sql`SELECT (SELECT count(DISTINCT day) FROM analytics_order)::int AS days,
               (SELECT count(*) FROM analytics_customer_first)::int AS customers,
               (SELECT count(*) FROM order_event)::int AS events`,
  )
  return { events: n?.events ?? 0, days: n?.days ?? 0, customers: n?.customers ?? 0 }
}

async function incremental(tx: Executor, fromId: number, toId: number, lastMergeAt: Date | string | null) {
  await tx.execute(sql`CREATE TEMP TABLE a_ev ON COMMIT DROP AS
    SELECT id, order_id, type, data, created_at FROM order_event WHERE id > ${fromId} AND id <= ${toId}`)
  // Temporary tables have no statistics: without them the planner scans whole tables to join a few rows.
  await tx.execute(sql`ANALYZE a_ev`)
  await insertReturnLines(tx, sql`e.type = 'returned'`, sql.raw('a_ev'))
  await tx.execute(sql`CREATE TEMP TABLE a_days ON COMMIT DROP AS
    SELECT day FROM analytics_order WHERE order_id IN (SELECT order_id FROM a_ev)
    UNION SELECT ${parisDay('o.placed_at')} FROM orders o
      WHERE o.id IN (SELECT order_id FROM a_ev) AND o.status IN ${counted} AND o.placed_at IS NOT NULL
    UNION SELECT ${parisDay('created_at')} FROM a_ev WHERE type = 'returned'`)
  await tx.execute(sql`ANALYZE a_days`)
  await tx.execute(sql`DELETE FROM analytics_order WHERE order_id IN (SELECT order_id FROM a_ev)`)
  await tx.execute(sql`INSERT INTO analytics_order (order_id, day)
    SELECT o.id, ${parisDay('o.placed_at')} FROM orders o
    WHERE o.id IN (SELECT order_id FROM a_ev) AND o.status IN ${counted} AND o.placed_at IS NOT NULL`)
  await tx.execute(sql`CREATE TEMP TABLE a_customers ON COMMIT DROP AS
    SELECT customer_id FROM orders WHERE id IN (SELECT order_id FROM a_ev) AND customer_id IS NOT NULL
    UNION SELECT absorbed_id FROM customer_merge WHERE merged_at > ${lastMergeAt ?? new Date(0)}
    UNION SELECT survivor_id FROM customer_merge WHERE merged_at > ${lastMergeAt ?? new Date(0)}`)
  await tx.execute(sql`ANALYZE a_customers`)
  await rebuildDays(tx, sql`day IN (SELECT day FROM a_days)`)
  await rebuildCustomers(tx, sql`customer_id IN (SELECT customer_id FROM a_customers)`)
  const [n] = await rows<{ events: number; days: number; customers: number }>(
    tx,
    sql`SELECT (SELECT count(*) FROM a_ev)::int AS events, (SELECT count(*) FROM a_days)::int AS days,
               (SELECT count(*) FROM a_customers)::int AS customers`,
  )
  return { events: n?.events ?? 0, days: n?.days ?? 0, customers: n?.customers ?? 0 }
}

async function insertReturnLines(tx: Executor, which: SQL, events: SQL) {
  await tx.execute(sql`INSERT INTO analytics_return_line
      (event_id, order_line_id, day, channel_id, store_id, category, units, refund_cents)
    SELECT e.id, x->>'order_line_id', ${parisDay('e.created_at')}, o.channel_id, ${orderStore},
           coalesce(p.category, ''), (x->>'quantity')::int, (x->>'refund_cents')::bigint
    FROM ${events} e JOIN orders o ON o.id = e.order_id
    CROSS JOIN LATERAL jsonb_array_elements(e.data->'lines') x
    JOIN order_line l ON l.id = x->>'order_line_id'
    LEFT JOIN variant v ON v.sku = l.sku LEFT JOIN product p ON p.id = v.product_id
    WHERE ${which}
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
