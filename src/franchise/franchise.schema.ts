import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'
import type { Catchment } from './attribution.domain.ts'

/** A franchisee: the company that runs franchised stores under a contract with the brand. */
export const franchisees = pgTable('franchisee', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  contractRef: text('contract_ref').notNull().default(''),
  ...timestamps,
})

/** A franchised store run by a franchisee, with its catchment area. */
export const franchiseStores = pgTable(
  'franchise_store',
  {
    locationId: text('location_id').primaryKey(),
    franchiseeId: text('franchisee_id').notNull(),
    catchment: jsonb('catchment').$type<Catchment>().notNull(),
    ...timestamps,
  },
  (t) => [index('franchise_store_franchisee_idx').on(t.franchiseeId)],
)

/** What a franchisee earns, for the whole contract or one of its stores, between two dates. */
export const commissionPlans = pgTable(
  'commission_plan',
  {
    id: text('id').primaryKey(),
    franchiseeId: text('franchisee_id').notNull(),
    locationId: text('location_id'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    defaultRateBp: integer('default_rate_bp').notNull(),
    categoryRatesBp: jsonb('category_rates_bp').$type<Record<string, number>>().notNull(),
    clickCollectFeeCents: integer('click_collect_fee_cents').notNull().default(0),
    shipFromStoreFeeCents: integer('ship_from_store_fee_cents').notNull().default(0),
    monthlyMinimumCents: integer('monthly_minimum_cents').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('commission_plan_franchisee_idx').on(t.franchiseeId, t.id)],
)

/** The brand's attribution policy: its rules in order (one row, `default`). */
export const attributionPolicies = pgTable('attribution_policy', {
  id: text('id').primaryKey(),
  rules: jsonb('rules').$type<string[]>().notNull(),
  /** Beyond this distance, an address is in no store's default (nearest-store) catchment. */
  nearestMaxKm: doublePrecision('nearest_max_km').notNull().default(50),
  ...timestamps,
})

/** The franchised store an order's sale was attributed to, by which rule and why. Written once. */
export const franchiseAttributions = pgTable(
  'franchise_attribution',
  {
    orderId: text('order_id').primaryKey(),
    franchiseeId: text('franchisee_id').notNull(),
    locationId: text('location_id').notNull(),
    rule: text('rule').notNull(),
    reason: text('reason').notNull(),
    orderNumber: integer('order_number').notNull(),
    channelId: text('channel_id').notNull(),
    /** Net sales (VAT excluded) of the order's online lines, and their commission, when placed. */
    netCents: integer('net_cents').notNull(),
    commissionCents: integer('commission_cents').notNull(),
    attributedAt: timestamp('attributed_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [index('franchise_attribution_franchisee_idx').on(t.franchiseeId, t.orderId)],
)

/**
 * The commission ledger: one signed entry per accrual, fee or reversal, booked in a month and
 * never changed; closing a month's statement only stamps its entries with the statement.
 */
export const commissionEntries = pgTable(
  'commission_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    franchiseeId: text('franchisee_id').notNull(),
    locationId: text('location_id').notNull(),
    orderId: text('order_id').notNull(),
    orderNumber: integer('order_number').notNull(),
    orderLineId: text('order_line_id'),
    kind: text('kind', {
      enum: ['commission', 'preparation_fee', 'commission_reversal', 'fee_reversal'],
    }).notNull(),
    category: text('category'),
    quantity: integer('quantity').notNull(),
    baseCents: integer('base_cents').notNull(),
    rateBp: integer('rate_bp').notNull(),
    amountCents: integer('amount_cents').notNull(),
    planId: text('plan_id').notNull(),
    source: text('source').notNull(),
    /** When the sale, return or cancellation happened. */
    eventAt: timestamp('event_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The month (YYYY-MM, Paris) it is booked in: the event's, or the next open one. */
    period: text('period').notNull(),
    statementId: text('statement_id'),
    ...timestamps,
  },
  (t) => [
    index('commission_entry_period_idx').on(t.franchiseeId, t.period, t.id),
    index('commission_entry_order_idx').on(t.orderId),
    unique('commission_entry_once')
      .on(t.orderId, t.orderLineId, t.locationId, t.kind, t.source)
      .nullsNotDistinct(),
  ],
)

/** A closed monthly statement: its totals frozen, its entries stamped with its id. */
export const franchiseStatements = pgTable(
  'franchise_statement',
  {
    id: text('id').primaryKey(),
    franchiseeId: text('franchisee_id').notNull(),
    period: text('period').notNull(),
    salesNetCents: integer('sales_net_cents').notNull(),
    commissionCents: integer('commission_cents').notNull(),
    preparationFeesCents: integer('preparation_fees_cents').notNull(),
    reversalsCents: integer('reversals_cents').notNull(),
    minimumTopUpCents: integer('minimum_top_up_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    topUps: jsonb('top_ups').$type<Array<{ location_id: string; cents: number }>>().notNull(),
    closedBy: text('closed_by').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [unique('franchise_statement_period').on(t.franchiseeId, t.period)],
)

/**
 * A franchised store's own selling price of a SKU, set by its franchisee: French competition law lets
 * the brand recommend resale prices and set maximums, never impose them. A SKU without a row sells at
 * the brand's recommendation (the store's cluster or channel price). The till and the orders collected
 * at the store read it (primary key look-ups, in the order's one read).
 */
export const storePrices = pgTable(
  'store_price',
  {
    locationId: text('location_id').notNull(),
    sku: text('sku').notNull(),
    amountCents: integer('amount_cents').notNull(),
    franchiseeId: text('franchisee_id').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.sku] }),
    index('store_price_franchisee_idx').on(t.franchiseeId, t.sku),
    check('store_price_positive', sql`${t.amountCents} > 0`),
  ],
)

/** The brand's maximum resale price of a SKU in its franchised stores. */
export const priceMaximums = pgTable(
  'price_maximum',
  {
    sku: text('sku').primaryKey(),
    maxCents: integer('max_cents').notNull(),
    ...timestamps,
  },
  (t) => [check('price_maximum_positive', sql`${t.maxCents} > 0`)],
)
