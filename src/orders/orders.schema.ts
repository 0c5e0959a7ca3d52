import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'
import { fulfilmentModes } from '../channels/index.ts'
import { timestamps } from '../db/columns.ts'
import type { DeliveryAddress } from '../network/index.ts'
import { orderStatuses } from './order-process.domain.ts'

export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 100001 })

/** A promotion's share of a line's discount, named as it was when the order was placed. */
export interface LinePromotion {
  promotion_id: string
  code: string
  name: string
  cents: number
}

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    number: bigint('number', { mode: 'number' }).notNull().unique().default(sql`nextval('order_number_seq')`),
    channelId: text('channel_id').notNull(),
    customerId: text('customer_id'),
    /** The store where the sale was made (till, endless aisle), if any. */
    storeId: text('store_id'),
    status: text('status', { enum: orderStatuses }).notNull(),
    currency: text('currency').notNull(),
    totalCents: integer('total_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
    paidCents: integer('paid_cents').notNull().default(0),
    refundedCents: integer('refunded_cents').notNull().default(0),
    deliveryAddress: jsonb('delivery_address').$type<DeliveryAddress>(),
    draftExpiresAt: timestamp('draft_expires_at', { withTimezone: true, mode: 'date' }),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }),
    /** The routing decision for the delivery lines: shipments, costs and the explanation. */
    routing: jsonb('routing').$type<Record<string, unknown>>(),
    /** Transfers planned to bring pickup lines to their store, with the later promise they give. */
    pickupRouting: jsonb('pickup_routing').$type<Record<string, unknown>>(),
    /** Said or shown by the customer when collecting in store (pickup and reserve & collect). */
    pickupCode: text('pickup_code'),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [
    index('orders_channel_idx').on(t.channelId, t.id),
    index('orders_customer_idx').on(t.customerId, t.id),
    index('orders_store_idx').on(t.storeId, t.id),
    index('orders_status_idx').on(t.status, t.id),
    index('orders_draft_expiry_idx').on(t.draftExpiresAt).where(sql`status = 'draft'`),
  ],
)

export const orderLines = pgTable(
  'order_line',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    productName: text('product_name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    discountCents: integer('discount_cents').notNull().default(0),
    totalCents: integer('total_cents').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull(),
    vatCents: integer('vat_cents').notNull(),
    fulfilment: text('fulfilment', { enum: fulfilmentModes }).notNull(),
    /** Where the goods leave from. */
    sourceLocationId: text('source_location_id').notNull(),
    /** Store where the customer collects (pickup and reserve). */
    pickupLocationId: text('pickup_location_id'),
    fulfilledQuantity: integer('fulfilled_quantity').notNull().default(0),
    cancelledQuantity: integer('cancelled_quantity').notNull().default(0),
    /** Units in a return, awaiting receipt or received: never more than were handed over. */
    returnedQuantity: integer('returned_quantity').notNull().default(0),
    /** The promotions in `discount_cents`, with what each took off this line: a receipt shows them. */
    promotions: jsonb('promotions').$type<LinePromotion[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    index('order_line_order_idx').on(t.orderId, t.lineNo),
    index('order_line_source_idx').on(t.sourceLocationId),
    check('order_line_quantity_positive', sql`${t.quantity} > 0`),
    check(
      'order_line_returned_within_fulfilled',
      sql`${t.returnedQuantity} >= 0 AND ${t.returnedQuantity} <= ${t.fulfilledQuantity}`,
    ),
  ],
)

export const tenderMethods = [
  'card',
  'cash',
  'gift_card',
  'store_credit',
  'voucher',
  'loyalty_points',
] as const
export type TenderMethod = (typeof tenderMethods)[number]

/**
 * How money moves on an order: the tenders, and `partner` for a refund given back by the channel
 * that collected the payment (a marketplace), which it deducts from what it owes the brand.
 */
export const paymentMethods = [...tenderMethods, 'partner'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

/** A payment takes money in (`capture`) or gives it back (`refund`). */
export const paymentKinds = ['capture', 'refund'] as const
export type PaymentKind = (typeof paymentKinds)[number]

export const payments = pgTable(
  'payment',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    kind: text('kind', { enum: paymentKinds }).notNull(),
    method: text('method', { enum: paymentMethods }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** Cash handed over by the customer; change due is tendered − amount. */
    tenderedCents: integer('tendered_cents'),
    /** Card authorisation, gift card number, voucher code… */
    reference: text('reference'),
    /** The return a refund pays back. */
    returnId: text('return_id'),
    ...timestamps,
  },
  (t) => [
    index('payment_order_idx').on(t.orderId),
    check('payment_amount_positive', sql`${t.amountCents} > 0`),
  ],
)

/** Every status transition of an order, with who made it. Append-only. */
export const orderEvents = pgTable(
  'order_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: text('order_id').notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actor: text('actor'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('order_event_order_idx').on(t.orderId, t.id)],
)

/**
 * A till sale made while the till was cut off from the server, recorded when it came back: when it
 * was sold, the ticket the till printed, and the units the books no longer held (the goods had left
 * the store all the same): a sale with a shortfall waits for a manager's look (`reviewed_at`).
 */
export const offlineSales = pgTable(
  'offline_sale',
  {
    orderId: text('order_id').primaryKey(),
    storeId: text('store_id').notNull(),
    registerId: text('register_id'),
    ticket: text('ticket').notNull(),
    soldAt: timestamp('sold_at', { withTimezone: true, mode: 'date' }).notNull(),
    shortfall: jsonb('shortfall')
      .$type<Array<{ location_id: string; sku: string; units: number }>>()
      .notNull()
      .default([]),
    flagged: boolean('flagged').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: text('reviewed_by'),
    ...timestamps,
  },
  (t) => [
    index('offline_sale_store_idx').on(t.storeId, t.orderId),
    index('offline_sale_flagged_idx').on(t.flagged, t.orderId).where(sql`flagged AND reviewed_at IS NULL`),
  ],
)
