import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'
import { returnConditions, returnResolutions } from './returns.domain.ts'

export const returnNumberSeq = pgSequence('return_number_seq', { startWith: 500001 })

/**
 * What may come back, per channel of purchase and category; the most specific policy applies
 * (channel + category, then category, then channel, then the default with neither).
 */
export const returnPolicies = pgTable(
  'return_policy',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id'),
    category: text('category'),
    windowDays: integer('window_days').notNull(),
    returnable: boolean('returnable').notNull().default(true),
    /** Reasons a customer may give; empty means any known reason. */
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    /** Conditions staff must confirm at receipt (unopened, tags attached, with accessories…). */
    conditions: jsonb('conditions').$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('return_policy_scope_idx').on(
      sql`coalesce(${t.channelId}, '')`,
      sql`coalesce(${t.category}, '')`,
    ),
    check('return_policy_window_nonneg', sql`${t.windowDays} >= 0`),
  ],
)

export const returnMethods = ['in_store', 'carrier', 'store_drop_off'] as const
export type ReturnMethod = (typeof returnMethods)[number]
export const returnStatuses = ['awaiting_receipt', 'completed', 'cancelled'] as const
export type ReturnStatus = (typeof returnStatuses)[number]
export const refundDestinations = ['original', 'store_credit'] as const
export type RefundDestination = (typeof refundDestinations)[number]

/** A return (RMA): created at a till and received at once, or created remotely and received later. */
export const returns = pgTable(
  'return',
  {
    id: text('id').primaryKey(),
    number: bigint('number', { mode: 'number' })
      .notNull()
      .unique()
      .default(sql`nextval('return_number_seq')`),
    orderId: text('order_id').notNull(),
    customerId: text('customer_id'),
    /** The channel through which the return was asked for (a till, the call centre, the web). */
    channelId: text('channel_id'),
    method: text('method', { enum: returnMethods }).notNull(),
    /** Where the goods are (to be) received: the store of the till or drop-off, or the returns warehouse. */
    locationId: text('location_id').notNull(),
    status: text('status', { enum: returnStatuses }).notNull(),
    refundTo: text('refund_to', { enum: refundDestinations }).notNull(),
    refundCents: integer('refund_cents').notNull().default(0),
    vatCents: integer('vat_cents').notNull().default(0),
    /** The policy decision per line, as evaluated when the return was created. */
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull(),
    /** A manager's override of a refused policy rule: who, why, and which rules it lifted. */
    override: jsonb('override').$type<Record<string, unknown>>(),
    /** The exchange order placed with the value of this return, if any. */
    exchangeOrderId: text('exchange_order_id'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
    receivedBy: text('received_by'),
    createdBy: text('created_by'),
    ...timestamps,
  },
  (t) => [
    index('return_order_idx').on(t.orderId),
    index('return_customer_idx').on(t.customerId, t.id),
    index('return_location_status_idx').on(t.locationId, t.status, t.id),
  ],
)

export const returnLines = pgTable(
  'return_line',
  {
    id: text('id').primaryKey(),
    returnId: text('return_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    reason: text('reason').notNull(),
    /** Set at inspection: back to stock, to quarantine, or to after-sales. */
    condition: text('condition', { enum: returnConditions }),
    /** refund: money back, the unit the brand's; repair: nothing refunded, the item stays the customer's. */
    resolution: text('resolution', { enum: returnResolutions }).notNull().default('refund'),
    refundCents: integer('refund_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull(),
    /** The ticket the line opened: the store's supplier claim (refunded defective) or the customer's repair. */
    ticketId: text('ticket_id'),
  },
  (t) => [
    index('return_line_return_idx').on(t.returnId, t.lineNo),
    index('return_line_order_line_idx').on(t.orderLineId),
    check('return_line_quantity_positive', sql`${t.quantity} > 0`),
  ],
)
