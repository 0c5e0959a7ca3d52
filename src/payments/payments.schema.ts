import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from '../db/columns.ts'

/** Where an operation at the provider stands: waiting to be sent (or sent again), done, or given up by the provider. */
export const providerStatuses = ['pending', 'succeeded', 'failed'] as const
export type ProviderStatus = (typeof providerStatuses)[number]

/**
 * What the last failed attempt of a refund was, for a person to act on: `refused` (the provider answered
 * that it did nothing: a 4xx), `unavailable` (no answer, or a 5xx: it may have been done; retried with the
 * same key), `failed` (the provider reports the refund itself failed or was cancelled: final).
 */
export const providerFailureKinds = ['refused', 'unavailable', 'failed'] as const
export type ProviderFailureKind = (typeof providerFailureKinds)[number]

const attemptColumns = {
  status: text('status', { enum: providerStatuses }).notNull().default('pending'),
  /** Requests made to the provider so far. */
  attempts: integer('attempts').notNull().default(0),
  /** The provider's answer to the last failed attempt (its error code and message, or the network failure). */
  lastError: text('last_error'),
  /** When the next attempt may start; while one is in flight, when its lease runs out. */
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  /** The Idempotency-Key of the next request: the same until the provider answers that it did nothing. */
  idempotencyKey: text('idempotency_key').notNull(),
}

/**
 * A card payment of a web or app order taken through the provider: the order's capture payment and
 * the PaymentIntent its reference names, captured at the provider a moment after the order.
 */
export const providerPayments = pgTable(
  'provider_payment',
  {
    /** The order's capture payment (`pay_…`). */
    paymentId: text('payment_id').primaryKey(),
    orderId: text('order_id').notNull(),
    provider: text('provider').notNull(),
    /** The provider's payment (`pi_…`). */
    intentId: text('intent_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    eventId: text('event_id').notNull(),
    ...attemptColumns,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('provider_payment_intent_key').on(t.intentId),
    index('provider_payment_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    check('provider_payment_amount_positive', sql`${t.amountCents} > 0`),
  ],
)

/**
 * A refund executed at the provider against the original capture: one per `payment.refunded` event
 * of a provider payment (the event id is unique and is the first Idempotency-Key sent).
 */
export const providerRefunds = pgTable(
  'provider_refund',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull(),
    orderId: text('order_id').notNull(),
    /** The order's refund payment this executes. */
    paymentId: text('payment_id').notNull(),
    /** The capture payment it gives back. */
    capturePaymentId: text('capture_payment_id').notNull(),
    returnId: text('return_id'),
    provider: text('provider').notNull(),
    intentId: text('intent_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** The provider's refund (`re_…`), once it answered. */
    providerRefundId: text('provider_refund_id'),
    ...attemptColumns,
    /** Which kind of failure `last_error` is (null while there is none). */
    lastErrorKind: text('last_error_kind', { enum: providerFailureKinds }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('provider_refund_event_key').on(t.eventId),
    uniqueIndex('provider_refund_provider_id_key').on(t.providerRefundId),
    index('provider_refund_intent_idx').on(t.intentId),
    index('provider_refund_status_idx').on(t.status, t.id),
    index('provider_refund_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    check('provider_refund_amount_positive', sql`${t.amountCents} > 0`),
  ],
)

/** Provider webhook events already applied: the same event id again is a replay and is refused. */
export const providerWebhookEvents = pgTable('provider_webhook_event', {
  id: text('id').primaryKey(),
  provider: text('provider').notNull(),
  type: text('type').notNull(),
  ...timestamps,
})
