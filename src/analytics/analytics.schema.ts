import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/**
 * Pre-aggregated sales, one row per Paris day × channel × store × category. `store_id` is the store
 * where the sale was made (till) or collected (click & collect, reserve & collect); '' for a
 * delivery not tied to a store. Returns count on the day the goods came back, against the
 * channel, store and category of the sale. Rebuilt day by day from the order events (see
 * refresh.store.ts); never written by the order path.
 */
export const salesDay = pgTable(
  'analytics_sales_day',
  {
    day: date('day', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    storeId: text('store_id').notNull(),
    category: text('category').notNull(),
    /** Orders with at least one line of this category (an order of two categories counts in both). */
    orders: integer('orders').notNull(),
    units: integer('units').notNull(),
    salesCents: bigint('sales_cents', { mode: 'number' }).notNull(),
    returnedCents: bigint('returned_cents', { mode: 'number' }).notNull(),
    returnedUnits: integer('returned_units').notNull(),
    pickupCents: bigint('pickup_cents', { mode: 'number' }).notNull(),
    shipFromStoreCents: bigint('ship_from_store_cents', { mode: 'number' }).notNull(),
    deliveryCents: bigint('delivery_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.channelId, t.storeId, t.category] }),
    index('analytics_sales_day_store_idx').on(t.storeId, t.day),
  ],
)

/** The same figures per calendar month (Paris), rolled up from the days: long ranges read ~30× fewer rows. */
export const salesMonth = pgTable(
  'analytics_sales_month',
  {
    month: date('month', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    storeId: text('store_id').notNull(),
    category: text('category').notNull(),
    orders: integer('orders').notNull(),
    units: integer('units').notNull(),
    salesCents: bigint('sales_cents', { mode: 'number' }).notNull(),
    returnedCents: bigint('returned_cents', { mode: 'number' }).notNull(),
    returnedUnits: integer('returned_units').notNull(),
    pickupCents: bigint('pickup_cents', { mode: 'number' }).notNull(),
    shipFromStoreCents: bigint('ship_from_store_cents', { mode: 'number' }).notNull(),
    deliveryCents: bigint('delivery_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.channelId, t.storeId, t.category] })],
)

/** Orders per Paris day × channel × store, whatever their categories: counts of orders add up here. */
export const ordersDay = pgTable(
  'analytics_orders_day',
  {
    day: date('day', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    storeId: text('store_id').notNull(),
    orders: integer('orders').notNull(),
    units: integer('units').notNull(),
    salesCents: bigint('sales_cents', { mode: 'number' }).notNull(),
    /** Orders with a click & collect line, and the units to prepare for them (preparation cost). */
    pickupOrders: integer('pickup_orders').notNull(),
    pickupUnits: integer('pickup_units').notNull(),
    pickupCents: bigint('pickup_cents', { mode: 'number' }).notNull(),
    /** Orders with a delivery line shipped from a store. */
    shipFromStoreOrders: integer('ship_from_store_orders').notNull(),
    shipFromStoreCents: bigint('ship_from_store_cents', { mode: 'number' }).notNull(),
    deliveryCents: bigint('delivery_cents', { mode: 'number' }).notNull(),
    returnedCents: bigint('returned_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.channelId, t.storeId] }),
    index('analytics_orders_day_store_idx').on(t.storeId, t.day),
  ],
)

/** The order-level figures per calendar month (Paris), rolled up from the days. */
export const ordersMonth = pgTable(
  'analytics_orders_month',
  {
    month: date('month', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    storeId: text('store_id').notNull(),
    orders: integer('orders').notNull(),
    units: integer('units').notNull(),
    salesCents: bigint('sales_cents', { mode: 'number' }).notNull(),
    pickupOrders: integer('pickup_orders').notNull(),
    pickupUnits: integer('pickup_units').notNull(),
    pickupCents: bigint('pickup_cents', { mode: 'number' }).notNull(),
    shipFromStoreOrders: integer('ship_from_store_orders').notNull(),
    shipFromStoreCents: bigint('ship_from_store_cents', { mode: 'number' }).notNull(),
    deliveryCents: bigint('delivery_cents', { mode: 'number' }).notNull(),
    returnedCents: bigint('returned_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.channelId, t.storeId] })],
)

/** Spend of an identified customer (merged profiles under their survivor) per month and channel. */
export const customerMonth = pgTable(
  'analytics_customer_month',
  {
    customerId: text('customer_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    orders: integer('orders').notNull(),
    salesCents: bigint('sales_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.month, t.channelId] }),
    index('analytics_customer_month_month_idx').on(t.month),
  ],
)

/** Each identified customer's first order: the channel they came in by. */
export const customerFirst = pgTable('analytics_customer_first', {
  customerId: text('customer_id').primaryKey(),
  firstOrderAt: timestamp('first_order_at', { withTimezone: true, mode: 'date' }).notNull(),
  channelId: text('channel_id').notNull(),
  salesCents: bigint('sales_cents', { mode: 'number' }).notNull(),
})

/** Which Paris day each counted order falls on: lets a refresh rebuild a day without scanning every order. */
export const orderDay = pgTable(
  'analytics_order',
  {
    orderId: text('order_id').primaryKey(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [index('analytics_order_day_idx').on(t.day)],
)

/** Each refunded line of a completed return once, on the day the goods came back (kept by the consumer). */
export const returnLine = pgTable(
  'analytics_return_line',
  {
    returnId: text('return_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    storeId: text('store_id').notNull(),
    category: text('category').notNull(),
    units: integer('units').notNull(),
    refundCents: bigint('refund_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.returnId, t.orderLineId] }),
    index('analytics_return_line_day_idx').on(t.day),
  ],
)

export const launchServices = ['pickup', 'reserve', 'ship_from_store', 'delivery'] as const
export type LaunchService = (typeof launchServices)[number]

/** A service opened at a store on a date (click & collect launched there…): what a cannibalisation study compares. */
export const serviceLaunches = pgTable(
  'service_launch',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id').notNull(),
    service: text('service', { enum: launchServices }).notNull(),
    launchedOn: date('launched_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [index('service_launch_location_idx').on(t.locationId, t.launchedOn)],
)

export const activityKinds = ['wishlist', 'availability_check', 'cart'] as const
export type ActivityKind = (typeof activityKinds)[number]

/** What a customer did online before buying (wishlist, a store's availability checked, a cart): ROPO. */
export const customerActivity = pgTable(
  'customer_activity',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    kind: text('kind', { enum: activityKinds }).notNull(),
    channelId: text('channel_id'),
    /** The store the availability was checked for, if any. */
    locationId: text('location_id'),
    sku: text('sku'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [index('customer_activity_customer_idx').on(t.customerId, t.occurredAt)],
)
