import type { Static } from '@fastify/type-provider-typebox'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, type Executor, rows } from '../db/database.ts'
import { toPage } from '../http/schemas.ts'
import type { Actor } from '../shared/actor.ts'
import { newId } from '../shared/ids.ts'
import type * as c from './payments.contract.ts'
import { conflict, fail, notFound, refused } from './payments.errors.ts'
import { type PaymentProvider, refundReasonCode } from './provider.domain.ts'

type RefundRow = {
  id: string
  status: 'pending' | 'succeeded' | 'failed'
  last_error: string | null
  last_error_kind: 'refused' | 'unavailable' | 'failed' | null
  capture_status: 'pending' | 'succeeded' | 'failed' | null
  capture_error: string | null
  order_id: string
  order_number: number | string
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

function toView(r: RefundRow, providerConfigured: boolean): Static<typeof c.ProviderRefund> {
  const reasonCode = refundReasonCode({
    status: r.status,
    providerRefundId: r.provider_refund_id,
    lastErrorKind: r.last_error_kind,
    captureStatus: r.capture_status,
    providerConfigured,
  })
  return {
    id: r.id,
    status: r.status,
    reason_code: reasonCode,
    // Waiting for its capture: the provider's answer to the capture is why.
    reason: reasonCode === 'awaiting_capture' ? r.capture_error : r.last_error,
    order_id: r.order_id,
    order_number: String(r.order_number),
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

const refundRows = (where: SQL, limit: number) =>
  sql`SELECT r.*, o.number AS order_number, p.status AS capture_status, p.last_error AS capture_error
      FROM provider_refund r
      JOIN orders o ON o.id = r.order_id
      LEFT JOIN provider_payment p ON p.payment_id = r.capture_payment_id
      WHERE ${where}
      ORDER BY r.id LIMIT ${limit}`

/**
 * Refunds executed at the provider, oldest first, by status and order: the back-office's list of what
 * is still pending and why. `providerConfigured`: whether this process has a payment provider (none:
 * nothing is sent, and pending refunds say so).
 */
export async function listProviderRefunds(
  q: Executor,
  query: Static<typeof c.RefundsQuery>,
  providerConfigured: boolean,
) {
  const limit = query.limit ?? 50
  const found = await rows<RefundRow>(
    q,
    refundRows(
      sql`true
          ${query.status ? sql`AND r.status = ${query.status}` : sql``}
          ${query.order_id ? sql`AND r.order_id = ${query.order_id}` : sql``}
          ${query.cursor ? sql`AND r.id > ${query.cursor}` : sql``}`,
      limit + 1,
    ),
  )
  return toPage(
    found.map((r) => toView(r, providerConfigured)),
    limit,
    (r) => r.id,
  )
}

/**
 * "Send now" from the back-office: a pending refund not yet accepted by the provider is due at once,
 * and so is the capture it waits for, instead of after their backoff; the sender takes them on its
 * next pass (within a second). Safe while an attempt is in flight: as when a lease runs out, the
 * next attempt carries the same Idempotency-Key, and the provider answers it with the first outcome.
 */
export async function sendRefundNow(db: Db, id: string, providerConfigured: boolean) {
  await db.transaction(async (tx) => {
    const [r] = await rows<Pick<RefundRow, 'status' | 'provider_refund_id' | 'capture_payment_id'>>(
      tx,
      sql`SELECT status, provider_refund_id, capture_payment_id FROM provider_refund WHERE id = ${id} FOR UPDATE`,
    )
    if (!r) throw notFound('provider_refund', id)
    if (r.status !== 'pending') {
      throw conflict('provider_refund_not_pending', `Refund ${id} is ${r.status}: there is nothing to send.`)
    }
    if (r.provider_refund_id !== null) {
      throw conflict(
        'provider_refund_accepted',
        `Refund ${id} was accepted by the provider (${r.provider_refund_id}) and waits for the bank.`,
      )
    }
    if (!providerConfigured) {
      throw fail('payment_provider_not_configured', 'No payment provider is configured: nothing can be sent.')
    }
    await tx.execute(
      sql`UPDATE provider_refund SET next_attempt_at = now(), updated_at = now() WHERE id = ${id}`,
    )
    await tx.execute(
      sql`UPDATE provider_payment SET next_attempt_at = now(), updated_at = now()
          WHERE payment_id = ${r.capture_payment_id} AND status = 'pending' AND next_attempt_at > now()`,
    )
  })
  const [row] = await rows<RefundRow>(db, refundRows(sql`r.id = ${id}`, 1))
  return toView(row!, providerConfigured)
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
