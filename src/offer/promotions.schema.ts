import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
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
import type { PromotionTarget } from './promotions.domain.ts'

export const promotionKinds = [
  'percentage',
  'amount_off',
  'fixed_price',
  'buy_x_get_y',
  'nth_item',
  'basket_threshold',
] as const

/**
 * A promotion as head office defines it once: where (channels and/or channel kinds; neither: every
 * channel), when, on what, how much, in which order with the others, and how often it may be used.
 */
export const promotions = pgTable(
  'promotion',
  {
    id: text('id').primaryKey(),
    /** Head office's reference, e.g. `SOLDES-HIVER-26`. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: promotionKinds }).notNull(),
    channelIds: text('channel_ids').array(),
    channelKinds: text('channel_kinds').array(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
    target: jsonb('target').$type<PromotionTarget>().notNull(),
    priority: integer('priority').notNull().default(100),
    stacking: text('stacking', { enum: ['stackable', 'exclusive'] })
      .notNull()
      .default('stackable'),
    percentBp: integer('percent_bp'),
    amountCents: integer('amount_cents'),
    fixedPriceCents: integer('fixed_price_cents'),
    buyQuantity: integer('buy_quantity'),
    getQuantity: integer('get_quantity'),
    nth: integer('nth'),
    thresholdCents: integer('threshold_cents'),
    /** Applies only when the customer gives it (stored upper case). */
    voucherCode: text('voucher_code'),
    /** Orders that may use it in all; null: no limit. */
    limitTotal: integer('limit_total'),
    /** Orders one customer may use it for; a limited promotion needs an identified customer. */
    limitPerCustomer: integer('limit_per_customer'),
    /** Orders holding it now (counted only for limited promotions; cancelled orders give it back). */
    usedCount: integer('used_count').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /**
     * What the outbox last said of it: `started` once `promotion.started` is recorded, `ended` once
     * `promotion.ended` is; null before it first applies. See announcePromotions.
     */
    announced: text('announced', { enum: ['started', 'ended'] }),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('promotion_voucher_code_idx').on(t.voucherCode),
    index('promotion_live_idx').on(t.endsAt).where(sql`${t.active}`),
    check(
      'promotion_within_limit',
      sql`${t.usedCount} >= 0 AND (${t.limitTotal} IS NULL OR ${t.usedCount} <= ${t.limitTotal})`,
    ),
  ],
)

/** Each order a promotion was applied to, with what it took off; released when the order is cancelled. */
export const promotionRedemptions = pgTable(
  'promotion_redemption',
  {
    promotionId: text('promotion_id').notNull(),
    orderId: text('order_id').notNull(),
    customerId: text('customer_id'),
    discountCents: integer('discount_cents').notNull(),
    /** Whether it took one of the promotion's total uses, and of the customer's: given back on release. */
    countedTotal: boolean('counted_total').notNull().default(false),
    countedCustomer: boolean('counted_customer').notNull().default(false),
    status: text('status', { enum: ['applied', 'released'] })
      .notNull()
      .default('applied'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.promotionId, t.orderId] }),
    index('promotion_redemption_order_idx').on(t.orderId),
  ],
)

/** How many orders of a customer hold a promotion limited per customer: the guarded counter. */
export const promotionCustomerUsage = pgTable(
  'promotion_customer_usage',
  {
    promotionId: text('promotion_id').notNull(),
    customerId: text('customer_id').notNull(),
    used: integer('used').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.promotionId, t.customerId] }),
    check('promotion_customer_usage_positive', sql`${t.used} >= 0`),
  ],
)
