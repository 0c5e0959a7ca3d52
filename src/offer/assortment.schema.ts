import { sql } from 'drizzle-orm'
import { boolean, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

export const assortmentStrategies = ['selective', 'cross_channel'] as const
export type AssortmentStrategy = (typeof assortmentStrategies)[number]

/**
 * How a category is spread over the channels: `selective` (each product in its own set of channels,
 * channels never overlap) or `cross_channel` (everywhere, any exclusion justified). `endless_aisle`
 * lets a till order a product the store does not list, for delivery or pickup elsewhere.
 */
export const categoryAssortment = pgTable('category_assortment', {
  category: text('category').primaryKey(),
  strategy: text('strategy', { enum: assortmentStrategies }).notNull(),
  endlessAisle: boolean('endless_aisle').notNull().default(true),
  updatedBy: text('updated_by'),
  ...timestamps,
})

/** A product that follows another strategy than its category's. */
export const productAssortment = pgTable('product_assortment', {
  productId: text('product_id').primaryKey(),
  strategy: text('strategy', { enum: assortmentStrategies }).notNull(),
  updatedBy: text('updated_by'),
  ...timestamps,
})

export const exclusionReasons = [
  'channel_exclusive',
  'brand_restriction',
  'legal',
  'logistics',
  'bulky',
  'perishable',
  'launch_phase',
  'other',
] as const

/** Why a cross-channel product is not sold in a channel: an exclusion with a reason is no violation. */
export const assortmentExclusions = pgTable(
  'assortment_exclusion',
  {
    channelId: text('channel_id').notNull(),
    productId: text('product_id').notNull(),
    reason: text('reason', { enum: exclusionReasons }).notNull(),
    note: text('note'),
    actor: text('actor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.productId] })],
)

/**
 * What the stores of a cluster carry: a rule on a category, or on a product (which wins over its
 * category's). Without a rule a store carries what its channel lists: big stores the full range, a
 * small city cluster unlisting the bulky categories, for instance. A till may still order an unlisted
 * product for delivery or pickup elsewhere when the category allows the endless aisle.
 */
export const clusterListings = pgTable(
  'cluster_listing',
  {
    cluster: text('cluster').notNull(),
    targetKind: text('target_kind', { enum: ['category', 'product'] }).notNull(),
    /** The category, or the product id. */
    target: text('target').notNull(),
    listed: boolean('listed').notNull(),
    reason: text('reason'),
    updatedBy: text('updated_by'),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.cluster, t.targetKind, t.target] })],
)
