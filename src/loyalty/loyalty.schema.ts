import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/** The balance of a customer's points: the sum of its ledger, kept alongside so a spend is one guarded update. */
export const loyaltyAccounts = pgTable(
  'loyalty_account',
  {
    customerId: text('customer_id').primaryKey(),
    balance: integer('balance').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('loyalty_balance_nonneg', sql`${t.balance} >= 0`)],
)

export const loyaltyEntryKinds = ['earn', 'burn', 'reversal', 'adjustment', 'expire'] as const

/** Every movement of points, signed. Append-only; an order earns once and burns once. */
export const loyaltyEntries = pgTable(
  'loyalty_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id').notNull(),
    kind: text('kind', { enum: loyaltyEntryKinds }).notNull(),
    points: integer('points').notNull(),
    orderId: text('order_id'),
    reference: text('reference'),
    reason: text('reason'),
    /** Why this many points: for an earn, each rule and what it gave; for a reward, the voucher issued. */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    actor: text('actor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('loyalty_entry_customer_idx').on(t.customerId, t.id),
    uniqueIndex('loyalty_entry_once_idx').on(t.orderId, t.kind, t.reference),
    // The expiry sweep looks for points credited in a short time range, long ago.
    index('loyalty_entry_credited_at_idx').on(t.createdAt).where(sql`points > 0`),
  ],
)

/**
 * The programme's settings: one row (absent until head office changes a default). `expired_through`
 * is how far the periodic expiry has gone, so each pass only looks at points credited since.
 */
export const loyaltyProgramme = pgTable(
  'loyalty_programme',
  {
    id: text('id').primaryKey().default('default'),
    pointsPerEuro: integer('points_per_euro').notNull().default(1),
    tierWindowMonths: integer('tier_window_months').notNull().default(12),
    /** Null: points never expire. */
    expiryMonths: integer('expiry_months'),
    expiredThrough: timestamp('expired_through', { withTimezone: true, mode: 'date' }),
    updatedBy: text('updated_by'),
    ...timestamps,
  },
  (t) => [check('loyalty_programme_single', sql`${t.id} = 'default'`)],
)

export const earningRuleKinds = ['multiplier', 'points_per_euro', 'order_bonus'] as const

/**
 * A way of earning more (or fewer) points than the base rate, scoped to a channel, a product
 * category and/or dates (a campaign). Kept when retired (`active` false): earn entries name them.
 */
export const loyaltyRules = pgTable(
  'loyalty_rule',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: earningRuleKinds }).notNull(),
    channelId: text('channel_id'),
    category: text('category'),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
    /** multiplier: 200 = twice the base points of the lines in scope. */
    multiplierPercent: integer('multiplier_percent'),
    /** points_per_euro: extra points per euro of the lines in scope. */
    pointsPerEuro: integer('points_per_euro'),
    /** order_bonus: a fixed number of points per order reaching `min_order_cents` in scope. */
    bonusPoints: integer('bonus_points'),
    minOrderCents: integer('min_order_cents').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [
    check(
      'loyalty_rule_dates',
      sql`${t.endsAt} IS NULL OR ${t.startsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`,
    ),
  ],
)

/** Tiers by points earned over the rolling window; the highest threshold reached applies. */
export const loyaltyTiers = pgTable('loyalty_tier', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  thresholdPoints: integer('threshold_points').notNull().unique(),
  /** Applied to the base points of every order: 150 = half as many again. */
  multiplierPercent: integer('multiplier_percent').notNull().default(100),
  ...timestamps,
})

/** What points can be exchanged for: a voucher of `voucher_cents`, valid `voucher_valid_days` (or forever). */
export const loyaltyRewards = pgTable(
  'loyalty_reward',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    pointsCost: integer('points_cost').notNull(),
    voucherCents: integer('voucher_cents').notNull(),
    voucherValidDays: integer('voucher_valid_days'),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [
    check('loyalty_reward_cost_positive', sql`${t.pointsCost} > 0`),
    check('loyalty_reward_value_positive', sql`${t.voucherCents} > 0`),
  ],
)
