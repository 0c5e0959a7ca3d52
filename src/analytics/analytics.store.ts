import { type SQL, sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'

export type Period = 'day' | 'week' | 'month'
export type Dimension = 'channel' | 'store' | 'category'

export interface SalesQuery {
  from: string
  to: string
  period: Period
  by: Dimension[]
  channel?: string
  store?: string
  category?: string
}

export interface SalesRow {
  period_start: string
  channel_id: string | null
  store_id: string | null
  category: string | null
  orders: number
  units: number
  sales_cents: number
  returned_cents: number
  pickup_cents: number
  pickup_orders: number | null
  pickup_units: number | null
  ship_from_store_cents: number
  delivery_cents: number
}

/**
 * Sales per period and the chosen dimensions, from the pre-aggregates: the monthly table for months,
 * the daily one otherwise; the order-level table when no category is asked for (so orders add up).
 * `from` and `to` are Paris days, both included.
 */
export async function salesFigures(q: Executor, s: SalesQuery): Promise<SalesRow[]> {
  const byCategory = s.by.includes('category') || s.category !== undefined
  const monthly = s.period === 'month'
  const table = sql.raw(
    byCategory
      ? monthly
        ? 'analytics_sales_month'
        : 'analytics_sales_day'
      : monthly
        ? 'analytics_orders_month'
        : 'analytics_orders_day',
  )
  const dateCol = sql.raw(monthly ? 'month' : 'day')
  const bucket = sql.raw(
    monthly ? 'month' : s.period === 'day' ? 'day' : `date_trunc('${s.period}', day)::date`,
  )
  const fromBound = monthly ? sql`date_trunc('month', ${s.from}::date)::date` : sql`${s.from}::date`
  const where: SQL[] = [sql`${dateCol} >= ${fromBound}`, sql`${dateCol} <= ${s.to}::date`]
  if (s.channel) where.push(sql`channel_id = ${s.channel}`)
  if (s.store !== undefined) where.push(sql`store_id = ${s.store}`)
  if (s.category !== undefined) where.push(sql`category = ${s.category}`)
  const dim = (d: Dimension, col: string) => sql.raw(s.by.includes(d) ? col : `NULL::text`)
  const groups = [
    sql.raw('1'),
    ...s.by.map((d) => sql.raw(d === 'channel' ? 'channel_id' : d === 'store' ? 'store_id' : 'category')),
  ]
  const pickupCounts = byCategory
    ? sql.raw('NULL::int AS pickup_orders, NULL::int AS pickup_units')
    : sql.raw('sum(pickup_orders)::int AS pickup_orders, sum(pickup_units)::int AS pickup_units')
  return rows<SalesRow>(
    q,
    sql`SELECT to_char(${bucket}, 'YYYY-MM-DD') AS period_start, ${dim('channel', 'channel_id')} AS channel_id,
          ${dim('store', 'store_id')} AS store_id, ${byCategory ? dim('category', 'category') : sql.raw('NULL::text')} AS category,
          sum(orders)::int AS orders, sum(units)::int AS units, sum(sales_cents)::bigint AS sales_cents,
          sum(returned_cents)::bigint AS returned_cents, sum(pickup_cents)::bigint AS pickup_cents, ${pickupCounts},
          sum(ship_from_store_cents)::bigint AS ship_from_store_cents, sum(delivery_cents)::bigint AS delivery_cents
        FROM ${table}
        WHERE ${sql.join(where, sql` AND `)}
        GROUP BY ${sql.join(groups, sql`, `)}
        ORDER BY ${sql.join(groups, sql`, `)}`,
  )
}

/** Channels and stores by id, to name them in answers. */
export async function names(q: Executor) {
  const [channels, stores] = await Promise.all([
    rows<{ id: string; code: string; name: string; kind: string }>(
      q,
      sql`SELECT id, code, name, kind FROM channel`,
    ),
    rows<{ id: string; code: string; name: string; kind: string }>(
      q,
      sql`SELECT id, code, name, kind FROM location WHERE kind <> 'warehouse'`,
    ),
  ])
  return { channels, stores }
}

/** Customers per number of channels used over whole months from `from` to `to`. */
export async function channelCountBuckets(q: Executor, from: string, to: string) {
  return rows<{ channels: number; customers: number; sales_cents: number }>(
    q,
    sql`SELECT least(n, 3)::int AS channels, count(*)::int AS customers, sum(cents)::bigint AS sales_cents
        FROM (SELECT customer_id, count(DISTINCT channel_id) AS n, sum(sales_cents) AS cents
              FROM analytics_customer_month
              WHERE month >= date_trunc('month', ${from}::date)::date AND month <= ${to}::date
              GROUP BY customer_id) c
        GROUP BY 1 ORDER BY 1`,
  )
}

/** Customers whose first order falls in the window: their first channel, and where they bought afterwards. */
export async function firstChannelFlows(q: Executor, from: string, to: string) {
  return rows<{
    first_channel_id: string
    channel_id: string
    customers: number
    sales_cents: number
    first_cents: number
  }>(
    q,
    sql`SELECT f.channel_id AS first_channel_id, m.channel_id, count(DISTINCT m.customer_id)::int AS customers,
               sum(m.sales_cents)::bigint AS sales_cents,
               sum(CASE WHEN m.channel_id = f.channel_id AND m.month = date_trunc('month', f.first_order_at AT TIME ZONE 'Europe/Paris')::date
                        THEN f.sales_cents ELSE 0 END)::bigint AS first_cents
        FROM analytics_customer_first f JOIN analytics_customer_month m ON m.customer_id = f.customer_id
        WHERE f.first_order_at >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Paris'
          AND f.first_order_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'
        GROUP BY 1, 2`,
  )
}

/** Later orders of those customers: how many bought again, and in a channel other than their first. */
export async function laterBuyers(q: Executor, from: string, to: string) {
  return rows<{ first_channel_id: string; customers: number; other_channel_customers: number }>(
    q,
    sql`SELECT f.channel_id AS first_channel_id, count(*)::int AS customers,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM analytics_customer_month m
                 WHERE m.customer_id = f.customer_id AND m.channel_id <> f.channel_id))::int AS other_channel_customers
        FROM analytics_customer_first f
        WHERE f.first_order_at >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Paris'
          AND f.first_order_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris'
        GROUP BY 1`,
  )
}

/** Spend per customer and channel in two windows of whole months (customers of either). */
export async function twoPeriodSpend(
  q: Executor,
  p: { beforeFrom: string; beforeTo: string; afterFrom: string; afterTo: string },
) {
  const inBefore = sql`month >= date_trunc('month', ${p.beforeFrom}::date)::date AND month <= ${p.beforeTo}::date`
  const inAfter = sql`month >= date_trunc('month', ${p.afterFrom}::date)::date AND month <= ${p.afterTo}::date`
  return rows<{ customer_id: string; channel_id: string; before: number; after: number }>(
    q,
    sql`SELECT customer_id, channel_id,
               coalesce(sum(sales_cents) FILTER (WHERE ${inBefore}), 0)::bigint AS before,
               coalesce(sum(sales_cents) FILTER (WHERE ${inAfter}), 0)::bigint AS after
        FROM analytics_customer_month WHERE (${inBefore}) OR (${inAfter})
        GROUP BY customer_id, channel_id ORDER BY customer_id`,
  )
}

/** In-store sales (channels of kind store) per store, before and after a date, and week by week. */
export async function storeSalesAround(q: Executor, launchedOn: string, weeks: number) {
  return rows<{ store_id: string; week: number; sales_cents: number }>(
    q,
    sql`SELECT d.store_id, floor((d.day - ${launchedOn}::date) / 7.0)::int AS week, sum(d.sales_cents)::bigint AS sales_cents
        FROM analytics_orders_day d JOIN channel c ON c.id = d.channel_id AND c.kind = 'store'
        WHERE d.store_id <> '' AND d.day >= ${launchedOn}::date - ${weeks * 7}::int
          AND d.day < ${launchedOn}::date + ${weeks * 7}::int
        GROUP BY 1, 2`,
  )
}

export interface LaunchRow {
  id: string
  location_id: string
  service: string
  launched_on: string
  note: string | null
  created_at: string
}

export async function launches(q: Executor, filter: { locationId?: string; service?: string }) {
  const where: SQL[] = [sql`TRUE`]
  if (filter.locationId) where.push(sql`location_id = ${filter.locationId}`)
  if (filter.service) where.push(sql`service = ${filter.service}`)
  return rows<LaunchRow>(
    q,
    sql`SELECT id, location_id, service, to_char(launched_on, 'YYYY-MM-DD') AS launched_on, note,
               to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
        FROM service_launch WHERE ${sql.join(where, sql` AND `)} ORDER BY launched_on DESC, id`,
  )
}

/** Purchases at store tills by identified customers, placed in [from, to]. */
export async function storePurchases(q: Executor, from: string, to: string, storeId?: string) {
  return rows<{ order_id: string; customer_id: string; store_id: string; at: Date | string }>(
    q,
    sql`SELECT o.id AS order_id, o.customer_id, o.store_id, o.placed_at AS at
        FROM analytics_order a JOIN orders o ON o.id = a.order_id
        JOIN channel c ON c.id = o.channel_id AND c.kind = 'store'
        WHERE a.day >= ${from}::date AND a.day <= ${to}::date AND o.customer_id IS NOT NULL AND o.store_id IS NOT NULL
          ${storeId ? sql`AND o.store_id = ${storeId}` : sql``}`,
  )
}

/** Online signals of the customers of `orderIds`' purchases: activity records and web or app carts. */
export async function onlineSignals(q: Executor, customerIds: string[], since: string, to: string) {
  if (customerIds.length === 0) return []
  const ids = JSON.stringify(customerIds)
  return rows<{
    customer_id: string
    kind: 'cart' | 'wishlist' | 'availability_check'
    location_id: string | null
    at: Date | string
  }>(
    q,
    sql`WITH ids AS (SELECT jsonb_array_elements_text(${ids}::jsonb) AS id)
        SELECT a.customer_id, a.kind, a.location_id, a.occurred_at AS at
        FROM customer_activity a JOIN ids ON ids.id = a.customer_id
        WHERE a.occurred_at >= ${since}::date AND a.occurred_at < ${to}::date + 1
        UNION ALL
        SELECT o.customer_id, 'cart', NULL, o.created_at
        FROM orders o JOIN ids ON ids.id = o.customer_id
        JOIN channel c ON c.id = o.channel_id AND c.kind IN ('web', 'mobile')
        WHERE o.created_at >= ${since}::date AND o.created_at < ${to}::date + 1`,
  )
}
