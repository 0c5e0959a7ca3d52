import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/** A partner's terms: its commission on what it sells for the brand, and a fee per order. */
export const partnerTerms = pgTable('partner_terms', {
  channelId: text('channel_id').primaryKey(),
  /** Commission in basis points of the sales less returns (1500 = 15 %). */
  commissionBp: integer('commission_bp').notNull(),
  orderFeeCents: integer('order_fee_cents').notNull().default(0),
  ...timestamps,
})

/**
 * An order a partner passed on, by the partner's own order id: one order per id and partner, even
 * when the partner sends it twice at once (the primary key is claimed before the order is placed).
 */
export const partnerOrders = pgTable(
  'partner_order',
  {
    channelId: text('channel_id').notNull(),
    partnerOrderId: text('partner_order_id').notNull(),
    /** Null only inside the transaction that claims the id and places the order. */
    orderId: text('order_id'),
    /** The customer as the partner shares it (name, e-mail, town): not a customer profile of the brand. */
    partnerCustomer: jsonb('partner_customer').$type<Record<string, unknown>>(),
    requestHash: text('request_hash').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.partnerOrderId] }),
    uniqueIndex('partner_order_order_idx').on(t.orderId),
  ],
)

/** A month's settlement with a partner, once closed: its figures as they were agreed. */
export const partnerSettlements = pgTable(
  'partner_settlement',
  {
    id: text('id').notNull(),
    channelId: text('channel_id').notNull(),
    month: text('month').notNull(),
    salesCents: bigint('sales_cents', { mode: 'number' }).notNull(),
    returnsCents: bigint('returns_cents', { mode: 'number' }).notNull(),
    commissionCents: bigint('commission_cents', { mode: 'number' }).notNull(),
    feesCents: bigint('fees_cents', { mode: 'number' }).notNull(),
    dueFromPartnerCents: bigint('due_from_partner_cents', { mode: 'number' }).notNull(),
    orders: integer('orders').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }).notNull(),
    closedBy: text('closed_by'),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.channelId, t.month] })],
)

/**
 * What a partner may sell of the brand's stock and how much of it: the SKUs (by SKU and by category),
 * the locations whose stock counts for it, and the buffer kept back (a share of the available units,
 * then a fixed number of units per SKU). `last_seq` numbers the feed's changes: the feed's cursor.
 */
export const partnerStockFeeds = pgTable('partner_stock_feed', {
  channelId: text('channel_id').primaryKey(),
  skus: jsonb('skus').$type<string[]>().notNull(),
  categories: jsonb('categories').$type<string[]>().notNull(),
  locationIds: jsonb('location_ids').$type<string[]>().notNull(),
  /** Share of the available units kept back, in basis points (2000 = 20 % held back). */
  bufferBp: integer('buffer_bp').notNull().default(0),
  /** Units of each SKU kept back once the share is taken. */
  bufferUnits: integer('buffer_units').notNull().default(0),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  ...timestamps,
})

/**
 * What the feed last offered of a SKU to a partner, and the feed position of that change: a read with
 * a cursor answers the rows changed after it. A SKU out of the feed's scope stays, at 0, unoffered.
 */
export const partnerStockItems = pgTable(
  'partner_stock_item',
  {
    channelId: text('channel_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    offered: boolean('offered').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.sku] }),
    index('partner_stock_item_seq_idx').on(t.channelId, t.seq),
  ],
)
