import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { type Executor, rows } from '../db/database.ts'
import { toPage } from '../http/schemas.ts'
import type { Actor } from '../shared/actor.ts'
import { newId } from '../shared/ids.ts'
import type * as c from './payments.contract.ts'
import { fail, refused } from './payments.errors.ts'
import type { PaymentProvider } from './provider.domain.ts'

type RefundRow = {
  id: string
  status: 'pending' | 'succeeded' | 'failed'
  last_error: string | null
  order_id: string
  payment_id: string
  capture_payment_id: string
  return_id: string | null
  provider: string
  intent_id: string
  amount_cents: number
  provider_refund_id: string | null
  event_id: string
  attempts: number
  next_attempt_at: Date | string
  created_at: Date | string
  updated_at: Date | string
}

const iso = (d: Date | string) => new Date(d).toISOString()

function toView(r: RefundRow): Static<typeof c.ProviderRefund> {
  return {
    id: r.id,
    status: r.status,
    reason: r.last_error,
    order_id: r.order_id,
    payment_id: r.payment_id,
    capture_payment_id: r.capture_payment_id,
    return_id: r.return_id,
    provider: r.provider,
    intent_id: r.intent_id,
    amount_cents: r.amount_cents,
    provider_refund_id: r.provider_refund_id,
    event_id: r.event_id,
    attempts: r.attempts,
    next_attempt_at: r.status === 'pending' && r.provider_refund_id === null ? iso(r.next_attempt_at) : null,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  }
}

/** Refunds executed at the provider, oldest first, by status and order: the back-office's list of what is still pending and why. */
export async function listProviderRefunds(q: Executor, query: Static<typeof c.RefundsQuery>) {
  const limit = query.limit ?? 50
  const found = await rows<RefundRow>(
    q,
    // A refund waits for the capture it gives back: its reason is then the capture's.
    sql`SELECT r.*, coalesce(r.last_error, CASE WHEN p.status = 'pending' THEN
                 'waiting for the payment to be captured at the provider' || coalesce(': ' || p.last_error, '') END)
               AS last_error
        FROM provider_refund r LEFT JOIN provider_payment p ON p.payment_id = r.capture_payment_id
        WHERE true
          ${query.status ? sql`AND r.status = ${query.status}` : sql``}
          ${query.order_id ? sql`AND r.order_id = ${query.order_id}` : sql``}
          ${query.cursor ? sql`AND r.id > ${query.cursor}` : sql``}
        ORDER BY r.id LIMIT ${limit + 1}`,
  )
  return toPage(found.map(toView), limit, (r) => r.id)
}

/**
 * Authorises a card payment for a web or app order before it is placed: the web shop collected the
 * card with the provider's own components and sends its payment method; the answer's intent id is the
 * card payment's `reference` in the order, and it is captured a moment after the order is placed.
 */
export async function authorisePayment(
  provider: PaymentProvider | undefined,
  actor: Actor,
  input: Static<typeof c.AuthorisationIn>,
  idempotencyKey: string | undefined,
): Promise<Static<typeof c.Authorisation>> {
  if (!provider)
    throw fail('payment_provider_not_configured', 'No payment provider is configured: set STRIPE_SECRET_KEY.')
  const key = idempotencyKey ? `authorise-${actor.keyId}-${idempotencyKey}` : `authorise-${newId('prf')}`
  const outcome = await provider.authorise(
    {
      amountCents: input.amount_cents,
      currency: input.currency,
      paymentMethod: input.payment_method,
      reference: key,
    },
    key,
  )
  if (!outcome.ok) {
    throw outcome.kind === 'refused'
      ? refused('payment_declined', `The provider refused the payment: ${outcome.reason}.`)
      : fail('payment_provider_unavailable', `The provider did not authorise the payment: ${outcome.reason}.`)
  }
  return {
    intent_id: outcome.value.id,
    status: outcome.value.status,
    amount_cents: outcome.value.amountCents,
    client_secret: outcome.value.clientSecret,
    provider: provider.name,
  }
}
