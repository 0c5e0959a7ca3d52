import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

export const priceLists = pgTable('price_list', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('EUR'),
  ...timestamps,
})

export const channels = pgTable('channel', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['store', 'web', 'mobile', 'call_centre', 'catalogue', 'partner'] }).notNull(),
  currency: text('currency').notNull().default('EUR'),
  priceListId: text('price_list_id')
    .notNull()
    .references(() => priceLists.id),
  /** Fulfilment modes this channel may sell with (takeaway only makes sense at a till). */
  fulfilmentModes: text('fulfilment_modes').array().notNull(),
  /** Minutes a draft order (web checkout, call centre) holds its stock before it expires. */
  draftHoldMinutes: integer('draft_hold_minutes').notNull().default(30),
  /** This channel's changes to the routing cost model (see routing/cost-model.domain.ts). */
  routing: jsonb('routing').$type<Record<string, unknown>>(),
  /** Days an order waits in store, ready to collect, before it is cancelled and refunded. */
  pickupExpiryDays: integer('pickup_expiry_days').notNull().default(7),
  /**
   * The channel takes the customer's money itself (a marketplace, a partner distributor) and owes it
   * to the brand: its refunds go back through it, owed on its settlement, never from a till.
   */
  collectsPayment: boolean('collects_payment').notNull().default(false),
  ...timestamps,
})

/** Which products a channel may sell. A product absent here is not listed in that channel. */
export const assortment = pgTable(
  'assortment',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    productId: text('product_id').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.channelId, t.productId] })],
)

export const prices = pgTable(
  'price',
  {
    priceListId: text('price_list_id')
      .notNull()
      .references(() => priceLists.id),
    sku: text('sku').notNull(),
    /** VAT-inclusive unit price in cents. */
    amountCents: integer('amount_cents').notNull(),
    ...timestamps,
  },
  // updated_at: the in-memory price books read what changed since they last looked. sku: a variant's
  // prices in every list (the catalogue's answers) are looked up by SKU alone, which the primary key,
  // list first, cannot serve: without it each look-up reads the whole table (a million rows at 200,000
  // variants in 5 lists).
  (t) => [
    primaryKey({ columns: [t.priceListId, t.sku] }),
    index('price_updated_idx').on(t.updatedAt),
    index('price_sku_idx').on(t.sku),
  ],
)

/**
 * A channel's own prices for a store cluster (or a region's stores grouped as one): a sale in a store
 * of the cluster takes the SKU's price from this list when it has one, from the channel's list otherwise.
 */
export const clusterPriceLists = pgTable(
  'cluster_price_list',
  {
    channelId: text('channel_id').notNull(),
    cluster: text('cluster').notNull(),
    priceListId: text('price_list_id').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.channelId, t.cluster] })],
)
