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
