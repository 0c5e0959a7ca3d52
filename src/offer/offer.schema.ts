import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/**
 * Every price change of a list and SKU, who made it, when it takes effect and why. The `price` table
 * stays the price in force now (what orders read); a change whose `valid_from` is in the future waits
 * here (`applied_at` null) until the sweeper writes it there.
 */
export const priceChanges = pgTable(
  'price_change',
  {
    id: text('id').primaryKey(),
    priceListId: text('price_list_id').notNull(),
    sku: text('sku').notNull(),
    /** The price in force just before `valid_from`; null when the SKU had none in this list. */
    oldCents: integer('old_cents'),
    newCents: integer('new_cents').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true, mode: 'date' }).notNull(),
    /** When it was written to `price`; null while scheduled. */
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }),
    /** `manual`, `forced` (breaking the coherence policy, with a reason) or `coherence_correction`. */
    kind: text('kind', { enum: ['manual', 'forced', 'coherence_correction'] }).notNull(),
    forced: boolean('forced').notNull().default(false),
    reason: text('reason'),
    /** The coherence rules the new price broke when it was forced. */
    violations: jsonb('violations').$type<unknown[]>().notNull().default([]),
    actor: text('actor').notNull(),
    ...timestamps,
  },
  (t) => [
    index('price_change_sku_idx').on(t.sku, t.priceListId, t.validFrom),
    index('price_change_due_idx').on(t.validFrom).where(sql`${t.appliedAt} IS NULL`),
    index('price_change_updated_idx').on(t.updatedAt),
  ],
)

/** What a SKU costs the retailer, the base of the coherence floor. */
export const skuCosts = pgTable('sku_cost', {
  sku: text('sku').primaryKey(),
  costCents: integer('cost_cents').notNull(),
  ...timestamps,
})

/** A competitor's price seen for a SKU in a channel (by hand, or imported from a CSV file). */
export const competitorPrices = pgTable(
  'competitor_price',
  {
    id: text('id').primaryKey(),
    competitor: text('competitor').notNull(),
    sku: text('sku').notNull(),
    channelId: text('channel_id').notNull(),
    priceCents: integer('price_cents').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'date' }).notNull(),
    source: text('source').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('competitor_price_sku_idx').on(t.sku, t.channelId, t.observedAt)],
)

/** The coherence policy of a category; a category without one is not checked. */
export const coherencePolicies = pgTable('coherence_policy', {
  category: text('category').primaryKey(),
  maxSpreadBp: integer('max_spread_bp'),
  maxSpreadCents: integer('max_spread_cents'),
  /** Pairs of channel ids: the first may never be dearer than the second. */
  direction: jsonb('direction').$type<Array<{ cheaper: string; dearer: string }>>().notNull().default([]),
  minMarginBp: integer('min_margin_bp'),
  priceEndings: jsonb('price_endings').$type<number[] | null>(),
  competitorMaxAboveBp: integer('competitor_max_above_bp'),
  competitorWindowDays: integer('competitor_window_days').notNull().default(30),
  ...timestamps,
})
