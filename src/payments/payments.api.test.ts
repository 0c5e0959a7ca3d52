import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fulfilmentJobs } from '../orders/index.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { deliverAsAWorkerMight } from '../testing/redelivery.ts'
import { settle } from '../testing/settle.ts'
import {
  executeAtProvider,
  type FakeStripe,
  sendDueToProvider,
  setPaymentProvider,
  startFakeStripe,
  stripeProvider,
} from './index.ts'
import { receiveProviderWebhook } from './webhooks.service.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let stripe: FakeStripe
let provider: ReturnType<typeof stripeProvider>
beforeAll(async () => {
  stripe = await startFakeStripe()
  provider = stripeProvider({
    apiBase: stripe.url,
    secretKey: stripe.secretKey,
    webhookSecret: stripe.webhookSecret,
  })
  setPaymentProvider(provider)
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(async () => {
  setPaymentProvider(undefined)
  await t.close()
  await stripe.close()
})

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

/** What the served app does within a second: the events applied, then what is due sent to the provider. */
async function aMomentLater(now?: Date) {
  await settle(t.database.db)
  return sendDueToProvider(t.database.db, provider, now ? { now } : {})
}

/** The web shop authorises the card with the provider, as its checkout would, before placing the order. */
async function authorised(amountCents: number): Promise<string> {
  const res = await as(t.app, f.keys.web).post(
    '/api/v1/payments/authorisations',
    { amount_cents: amountCents, currency: 'EUR', payment_method: 'pm_card_visa' },
    { 'idempotency-key': `checkout-${Math.random()}` },
  )
  expect(res.statusCode, res.body).toBe(201)
  expect(res.json()).toMatchObject({
    status: 'requires_capture',
    amount_cents: amountCents,
    provider: 'stripe',
  })
  return res.json().intent_id
}

async function webOrder(
  sku: string,
  quantity: number,
  unitCents: number,
  fulfilment: 'delivery' | 'pickup' = 'delivery',
) {
  const intent = await authorised(unitCents * quantity)
  const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
    channel: f.channels.web.code,
    lines: [
      { sku, quantity, fulfilment, ...(fulfilment === 'pickup' ? { pickup_location_id: f.store.id } : {}) },
    ],
    ...(fulfilment === 'delivery' ? { delivery_address: address } : {}),
    payments: [{ method: 'card', amount_cents: unitCents * quantity, reference: intent }],
  })
  expect(res.statusCode, res.body).toBe(201)
  return { order: res.json() as Json, intent }
}

async function ship(order: Json, quantity: number) {
  const res = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
    lines: [{ line_id: order.lines[0].id, quantity }],
  })
  expect(res.statusCode, res.body).toBe(200)
}

const refundsOf = async (orderId: string, status?: string) => {
  const res = await as(t.app, t.admin).get(
    `/api/v1/payments/refunds?order_id=${orderId}${status ? `&status=${status}` : ''}`,
  )
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as Json[]
}
const providerRefundsOf = (intent: string) => stripe.refunds.filter((r) => r.payment_intent === intent)

describe('payments through the provider', () => {
  it('a web order paid by card is captured at the provider a moment after it is placed', async () => {
    const sku = await f.product({ priceCents: 3900, stock: { [f.warehouse.id]: 5 } })
    const { intent } = await webOrder(sku, 2, 3900)
    expect(stripe.intents.get(intent)).toMatchObject({ status: 'requires_capture', amount_received: 0 })
    await aMomentLater()
    expect(stripe.intents.get(intent)).toMatchObject({ status: 'succeeded', amount_received: 7800 })
    const captures = stripe.requests.filter((r) => r.path === `/v1/payment_intents/${intent}/capture`)
    expect(captures).toHaveLength(1)
    expect(captures[0]!.idempotencyKey).toMatch(/^capture-evt_/)
    // Nothing more to do: a second pass sends nothing.
    expect(await aMomentLater()).toBe(0)
  })

  it('a declined card is refused before the order, and the till’s card sales never reach the provider', async () => {
    const declined = await as(t.app, f.keys.web).post('/api/v1/payments/authorisations', {
      amount_cents: 1000,
      currency: 'EUR',
      payment_method: 'pm_card_chargeDeclined',
    })
    expect(declined.statusCode, declined.body).toBe(422)
    expect(declined.json()).toMatchObject({ error: { code: 'payment_declined' } })

    const sku = await f.product({ priceCents: 2500, stock: { [f.store.id]: 3 } })
    const sent = stripe.requests.length
    const sale = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 2500, reference: 'pi_from_the_till_terminal' }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const order = sale.json()
    const back = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'wrong_size', condition: 'resellable' },
      ],
    })
    expect(back.statusCode, back.body).toBe(201)
    expect(back.json().refunds).toEqual([expect.objectContaining({ method: 'card', amount_cents: 2500 })])
    await aMomentLater()
    expect(stripe.requests.length).toBe(sent)
    expect(await refundsOf(order.id)).toEqual([])
  })

  it('a web order partly returned in a store is refunded at the provider against its capture, for the returned units only', async () => {
    const sku = await f.product({ priceCents: 4500, stock: { [f.warehouse.id]: 5 } })
    const { order, intent } = await webOrder(sku, 2, 4500)
    await ship(order, 2)
    await aMomentLater()
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'wrong_size', condition: 'resellable' },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().refunds).toEqual([expect.objectContaining({ method: 'card', amount_cents: 4500 })])

    await aMomentLater()
    const made = providerRefundsOf(intent)
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ amount: 4500, status: 'succeeded' })
    expect(stripe.intents.get(intent)).toMatchObject({ amount_received: 9000 })
    const [refund] = await refundsOf(order.id)
    expect(refund).toMatchObject({
      status: 'succeeded',
      amount_cents: 4500,
      intent_id: intent,
      provider_refund_id: made[0]!.id,
      return_id: res.json().id,
      order_number: order.number,
      reason_code: null,
      reason: null,
      attempts: 1,
    })
    // The Idempotency-Key sent is the id of the payment.refunded event.
    const sent = stripe.requests.filter(
      (r) => r.path === '/v1/refunds' && r.idempotencyKey === refund!.event_id,
    )
    expect(sent).toHaveLength(1)
    expect(refund!.event_id).toMatch(/^evt_/)
  })

  it('a cancelled click & collect is refunded in full at the provider', async () => {
    const sku = await f.product({ priceCents: 1990, stock: { [f.store.id]: 4 } })
    const { order, intent } = await webOrder(sku, 3, 1990, 'pickup')
    const cancelled = await as(t.app, f.keys.web).post(`/api/v1/orders/${order.id}/cancel`, {
      reason: 'changed mind',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    // The capture goes first, then the refund: one pass does both, in that order.
    await aMomentLater()
    expect(providerRefundsOf(intent)).toEqual([
      expect.objectContaining({ amount: 5970, status: 'succeeded' }),
    ])
    expect(await refundsOf(order.id)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount_cents: 5970 }),
    ])
  })

  it('a click & collect not collected in time is refunded at the provider when its hold expires', async () => {
    const sku = await f.product({ priceCents: 1250, stock: { [f.store.id]: 4 } })
    const { order, intent } = await webOrder(sku, 2, 1250, 'pickup')
    await aMomentLater()
    for (const to of ['picking', 'packed', 'ready_for_pickup']) {
      const step = await as(t.app, f.keys.store).post(
        `/api/v1/fulfilment/tasks/${order.tasks[0].id}/advance`,
        { to },
      )
      expect(step.statusCode, step.body).toBe(200)
    }
    await t.database.db.execute(
      sql`UPDATE fulfilment_task SET expires_at = now() - interval '1 minute' WHERE order_id = ${order.id}`,
    )
    const silent = { debug() {}, info() {}, warn() {}, error() {} }
    const expire = fulfilmentJobs.find((j) => j.id === 'fulfilment.expire-uncollected-pickups')!
    expect(await expire.run(t.database.db, silent, new AbortController().signal)).toBeGreaterThan(0)
    await aMomentLater()
    expect(providerRefundsOf(intent)).toEqual([
      expect.objectContaining({ amount: 2500, status: 'succeeded' }),
    ])
    expect(await refundsOf(order.id)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount_cents: 2500 }),
    ])
  })

  it('a refund the provider refuses stays pending with its reason, is retried after its backoff, and reaches the provider once', async () => {
    const sku = await f.product({ priceCents: 3000, stock: { [f.warehouse.id]: 5 } })
    const { order, intent } = await webOrder(sku, 1, 3000)
    await aMomentLater()
    stripe.failNextRefunds(1, 402)
    const cancelled = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, {
      reason: 'out of stock',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    await aMomentLater()

    const [pending] = await refundsOf(order.id, 'pending')
    expect(pending).toMatchObject({
      status: 'pending',
      attempts: 1,
      provider_refund_id: null,
      order_number: order.number,
      reason_code: 'provider_refused',
    })
    expect(pending!.reason).toMatch(/^HTTP 402 expired_or_canceled_card: The card this payment was made with/)
    const listed = (await as(t.app, t.admin).get('/api/v1/payments/refunds?status=pending')).json()
      .data as Json[]
    expect(listed.map((r) => r.id)).toContain(pending!.id)
    expect(providerRefundsOf(intent)).toEqual([])

    // Not before its backoff…
    expect(await aMomentLater()).toBe(0)
    // …then sent again, under a new key (the provider keeps its refusal as the old key's answer).
    const due = new Date(new Date(pending!.next_attempt_at).getTime() + 1000)
    expect(await aMomentLater(due)).toBe(1)
    expect(providerRefundsOf(intent)).toEqual([
      expect.objectContaining({ amount: 3000, status: 'succeeded' }),
    ])
    const [done] = await refundsOf(order.id)
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, reason: null, reason_code: null })
    expect(await refundsOf(order.id, 'pending')).toEqual([])
  })

  it('head office sends a refused refund now rather than after its backoff; an unknown or finished one is refused', async () => {
    const sku = await f.product({ priceCents: 2600, stock: { [f.warehouse.id]: 5 } })
    const { order, intent } = await webOrder(sku, 1, 2600)
    await aMomentLater()
    stripe.failNextRefunds(1, 402)
    await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, { reason: 'customer asked' })
    await aMomentLater()
    const [pending] = await refundsOf(order.id, 'pending')
    expect(pending).toMatchObject({ reason_code: 'provider_refused', attempts: 1 })
    // Waiting for its backoff.
    expect(await aMomentLater()).toBe(0)

    // Without a provider configured nothing is sent, and the list says so.
    setPaymentProvider(undefined)
    try {
      expect((await refundsOf(order.id))[0]).toMatchObject({ reason_code: 'provider_not_configured' })
      const nobody = await as(t.app, t.admin).post(`/api/v1/payments/refunds/${pending!.id}/retry`, {})
      expect(nobody.statusCode, nobody.body).toBe(503)
      expect(nobody.json()).toMatchObject({ error: { code: 'payment_provider_not_configured' } })
    } finally {
      setPaymentProvider(provider)
    }

    const staff = await as(t.app, f.keys.store).post(`/api/v1/payments/refunds/${pending!.id}/retry`, {})
    expect(staff.statusCode, staff.body).toBe(403)
    expect(await aMomentLater()).toBe(0)

    const now = await as(t.app, t.admin).post(`/api/v1/payments/refunds/${pending!.id}/retry`, {})
    expect(now.statusCode, now.body).toBe(200)
    expect(now.json()).toMatchObject({
      id: pending!.id,
      status: 'pending',
      order_number: order.number,
      reason_code: 'provider_refused',
      attempts: 1,
    })
    // Due at once: the next pass sends it, and the provider makes it.
    expect(await aMomentLater()).toBe(1)
    expect(providerRefundsOf(intent)).toEqual([
      expect.objectContaining({ amount: 2600, status: 'succeeded' }),
    ])
    expect((await refundsOf(order.id))[0]).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      reason_code: null,
    })

    const done = await as(t.app, t.admin).post(`/api/v1/payments/refunds/${pending!.id}/retry`, {})
    expect(done.statusCode, done.body).toBe(409)
    expect(done.json()).toMatchObject({ error: { code: 'provider_refund_not_pending' } })
    const unknown = await as(t.app, t.admin).post('/api/v1/payments/refunds/prf_nobody/retry', {})
    expect(unknown.statusCode, unknown.body).toBe(404)
    expect(unknown.json()).toMatchObject({ error: { code: 'provider_refund_not_found' } })
    expect(providerRefundsOf(intent)).toHaveLength(1)
  })

  it('a refund waits for the capture it gives back, and shows why', async () => {
    const sku = await f.product({ priceCents: 1800, stock: { [f.warehouse.id]: 5 } })
    const { order, intent } = await webOrder(sku, 1, 1800)
    // The authorisation was released at the provider meanwhile: the capture is refused.
    expect((await provider.cancel(intent, `release-${intent}`)).ok).toBe(true)
    await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, { reason: 'payment lost' })
    await aMomentLater()
    const [r] = await refundsOf(order.id, 'pending')
    expect(r).toMatchObject({ attempts: 0, reason_code: 'awaiting_capture' })
    // The provider's own answer to the capture, untranslated.
    expect(r!.reason).toMatch(/^HTTP 400 payment_intent_unexpected_state: You cannot capture/)
    expect(providerRefundsOf(intent)).toEqual([])

    // Sent now from the back-office: the capture it waits for is tried again at once, not after its backoff.
    const captures = () =>
      stripe.requests.filter((q) => q.path === `/v1/payment_intents/${intent}/capture`).length
    const before = captures()
    expect(await aMomentLater()).toBe(0)
    const now = await as(t.app, t.admin).post(`/api/v1/payments/refunds/${r!.id}/retry`, {})
    expect(now.statusCode, now.body).toBe(200)
    expect(now.json()).toMatchObject({ id: r!.id, status: 'pending', reason_code: 'awaiting_capture' })
    expect(await aMomentLater()).toBe(1)
    expect(captures()).toBe(before + 1)
    expect(providerRefundsOf(intent)).toEqual([])
  })

  it('after a provider error the retry carries the same Idempotency-Key, and one refund is made', async () => {
    const sku = await f.product({ priceCents: 2000, stock: { [f.warehouse.id]: 5 } })
    const { order, intent } = await webOrder(sku, 1, 2000)
    await aMomentLater()
    stripe.failNextRefunds(2, 500)
    await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, { reason: 'fraud check' })
    await aMomentLater()
    let [r] = await refundsOf(order.id)
    expect(r).toMatchObject({ status: 'pending', attempts: 1, reason_code: 'provider_unreachable' })
    expect(r!.reason).toMatch(/^HTTP 500 api_error: An unknown error occurred/)
    await aMomentLater(new Date(new Date(r!.next_attempt_at).getTime() + 1000))
    ;[r] = await refundsOf(order.id)
    expect(r).toMatchObject({ status: 'pending', attempts: 2 })
    // The second wait is twice the first.
    await aMomentLater(new Date(new Date(r!.next_attempt_at).getTime() + 1000))
    ;[r] = await refundsOf(order.id)
    expect(r).toMatchObject({ status: 'succeeded', attempts: 3 })
    const keys = stripe.requests.filter(
      (q) => q.path === '/v1/refunds' && q.idempotencyKey?.startsWith(r!.event_id),
    )
    expect(keys.map((q) => q.idempotencyKey)).toEqual([r!.event_id, r!.event_id, r!.event_id])
    expect(providerRefundsOf(intent)).toHaveLength(1)
  })

  it('a refund requested twice at once, by redelivered events, two runners and two senders, is one refund at the provider', async () => {
    const sku = await f.product({ priceCents: 5000, stock: { [f.warehouse.id]: 5 } })
    const { order, intent } = await webOrder(sku, 1, 5000)
    await aMomentLater()
    await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, { reason: 'duplicate' })
    await deliverAsAWorkerMight(t.database.db, executeAtProvider, order.id, [
      'two-runners',
      'redeliver',
      'two-runners',
    ])
    expect(await refundsOf(order.id)).toHaveLength(1)
    const sent = await Promise.all([
      sendDueToProvider(t.database.db, provider),
      sendDueToProvider(t.database.db, provider),
    ])
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1)
    expect(providerRefundsOf(intent)).toHaveLength(1)

    // A lease that ran out mid-request: the row is sent again, with the same key, and the provider
    // answers its first refund rather than making a second.
    const [r] = await refundsOf(order.id)
    await t.database.db.execute(
      sql`UPDATE provider_refund SET status = 'pending', provider_refund_id = NULL, next_attempt_at = now() - interval '1 second'
          WHERE id = ${r!.id}`,
    )
    await Promise.all([
      sendDueToProvider(t.database.db, provider),
      sendDueToProvider(t.database.db, provider),
    ])
    expect(providerRefundsOf(intent)).toHaveLength(1)
    expect((await refundsOf(order.id))[0]).toMatchObject({
      status: 'succeeded',
      provider_refund_id: r!.provider_refund_id,
    })
    // Two requests with one key at the same moment, straight to the provider: one refund, one answer.
    const direct = await authorised(800)
    expect((await provider.capture(direct, 800, `capture-${direct}`)).ok).toBe(true)
    const twice = await Promise.all(
      [1, 2].map(() =>
        provider.refund(
          { intentId: direct, amountCents: 300, passerelleRefundId: 'prf_direct', orderId: order.id },
          `key-${direct}`,
        ),
      ),
    )
    const ids = twice.map((o) => (o.ok ? o.value.id : o.reason))
    expect(ids[0]).toMatch(/^re_/)
    expect(ids[1]).toBe(ids[0])
    expect(providerRefundsOf(direct)).toHaveLength(1)
  })
})

describe('webhooks from the provider', () => {
  const post = (body: string, signature?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/stripe',
      payload: body,
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'stripe-signature': signature } : {}),
      },
    })

  /** A web order cancelled, its refund accepted by the provider and waiting for the bank. */
  async function refundAwaitingTheBank() {
    const sku = await f.product({ priceCents: 2200, stock: { [f.warehouse.id]: 5 } })
    const { order, intent } = await webOrder(sku, 1, 2200)
    await aMomentLater()
    stripe.holdRefunds(true)
    try {
      await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, { reason: 'customer asked' })
      await aMomentLater()
    } finally {
      stripe.holdRefunds(false)
    }
    const [refund] = await refundsOf(order.id)
    expect(refund).toMatchObject({
      status: 'pending',
      provider_refund_id: expect.stringMatching(/^re_/),
      reason_code: 'awaiting_settlement',
      reason: null,
      next_attempt_at: null,
    })
    // Accepted: it is not sent again.
    await aMomentLater(new Date(Date.now() + 86_400_000))
    expect(providerRefundsOf(intent)).toHaveLength(1)
    return { order, intent, refund: refund! }
  }

  it('refund.updated, signed by the provider, settles the refund; the same event again is refused as a replay', async () => {
    const { order, refund } = await refundAwaitingTheBank()
    // Accepted and waiting for the bank: nothing to send now.
    const now = await as(t.app, t.admin).post(`/api/v1/payments/refunds/${refund.id}/retry`, {})
    expect(now.statusCode, now.body).toBe(409)
    expect(now.json()).toMatchObject({ error: { code: 'provider_refund_accepted' } })
    const settled = stripe.settleRefund(refund.provider_refund_id, 'succeeded')
    const hook = stripe.webhook('refund.updated', settled)
    const res = await post(hook.body, hook.signature)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ received: true, event_id: hook.id, refunds_updated: 1 })
    expect((await refundsOf(order.id))[0]).toMatchObject({
      status: 'succeeded',
      reason: null,
      reason_code: null,
    })

    const replay = await post(hook.body, hook.signature)
    expect(replay.statusCode, replay.body).toBe(400)
    expect(replay.json()).toMatchObject({ error: { code: 'webhook_replayed' } })
  })

  it('a refund the bank fails, reported by charge.refunded, is listed as failed with the reason', async () => {
    const { order, intent, refund } = await refundAwaitingTheBank()
    const failed = stripe.settleRefund(refund.provider_refund_id, 'failed', 'expired_or_canceled_card')
    const charge = {
      id: stripe.intents.get(intent)!.latest_charge,
      object: 'charge',
      payment_intent: intent,
      amount_refunded: 0,
      refunds: { object: 'list', data: [failed] },
    }
    const hook = stripe.webhook('charge.refunded', charge)
    const res = await post(hook.body, hook.signature)
    expect(res.statusCode, res.body).toBe(200)
    const listed = (await as(t.app, t.admin).get('/api/v1/payments/refunds?status=failed')).json()
      .data as Json[]
    expect(listed.find((r) => r.order_id === order.id)).toMatchObject({
      status: 'failed',
      reason_code: 'provider_failed',
      reason: 'expired_or_canceled_card',
    })
    // Given up by the provider: there is nothing to send again.
    const again = await as(t.app, t.admin).post(`/api/v1/payments/refunds/${refund.id}/retry`, {})
    expect(again.statusCode, again.body).toBe(409)
    expect(again.json()).toMatchObject({ error: { code: 'provider_refund_not_pending' } })
  })

  it('a bad signature, an old signature, or an unknown payment is refused with 400 and changes nothing', async () => {
    const { order, refund } = await refundAwaitingTheBank()
    const settled = stripe.settleRefund(refund.provider_refund_id, 'succeeded')

    const forged = stripe.webhook('refund.updated', settled, { secret: 'whsec_not_the_endpoint_secret' })
    const bad = await post(forged.body, forged.signature)
    expect(bad.statusCode, bad.body).toBe(400)
    expect(bad.json()).toMatchObject({ error: { code: 'webhook_signature_invalid' } })
    const unsigned = await post(forged.body)
    expect(unsigned.statusCode).toBe(400)
    const tampered = stripe.webhook('refund.updated', settled)
    const changed = await post(tampered.body.replace('"succeeded"', '"failed"'), tampered.signature)
    expect(changed.statusCode, changed.body).toBe(400)
    expect(changed.json()).toMatchObject({ error: { code: 'webhook_signature_invalid' } })

    const old = stripe.webhook('refund.updated', settled, { timestampS: Math.floor(Date.now() / 1000) - 600 })
    const stale = await post(old.body, old.signature)
    expect(stale.statusCode, stale.body).toBe(400)
    expect(stale.json()).toMatchObject({ error: { code: 'webhook_replayed' } })

    const stranger = stripe.webhook('refund.updated', {
      ...settled,
      id: 're_not_ours',
      payment_intent: 'pi_not_ours',
      metadata: {},
    })
    const unknown = await post(stranger.body, stranger.signature)
    expect(unknown.statusCode, unknown.body).toBe(400)
    expect(unknown.json()).toMatchObject({ error: { code: 'webhook_unknown_payment' } })

    expect((await refundsOf(order.id))[0]).toMatchObject({ status: 'pending', updated_at: refund.updated_at })
    // The refused events were not recorded: the genuine one still applies.
    const good = stripe.webhook('refund.updated', settled, { id: stranger.id })
    expect((await post(good.body, good.signature)).statusCode).toBe(200)
    expect((await refundsOf(order.id))[0]).toMatchObject({ status: 'succeeded' })
  })
})

describe('the provider adapter against the fake', () => {
  it('an authorisation not needed any more is released, and can then be neither captured nor refunded', async () => {
    const intent = await authorised(1500)
    const released = await provider.cancel(intent, `cancel-${intent}`)
    expect(released).toMatchObject({ ok: true, value: { id: intent, status: 'canceled' } })
    expect(await provider.capture(intent, 1500, `capture-${intent}`)).toMatchObject({
      ok: false,
      kind: 'refused',
      reason: expect.stringMatching(/payment_intent_unexpected_state/),
    })
    const refund = await provider.refund(
      { intentId: intent, amountCents: 1500, passerelleRefundId: 'prf_none', orderId: 'ord_none' },
      `refund-${intent}`,
    )
    expect(refund).toMatchObject({ ok: false, kind: 'refused' })
    expect(providerRefundsOf(intent)).toEqual([])
  })

  it('a payment captured already (by the web shop) counts as captured', async () => {
    const intent = await authorised(2100)
    expect((await provider.capture(intent, 2100, 'first-capture')).ok).toBe(true)
    expect(await provider.capture(intent, 2100, 'another-capture')).toMatchObject({
      ok: true,
      value: { status: 'succeeded', receivedCents: 2100 },
    })
  })

  it('without a webhook secret configured, no webhook is accepted, not even one signed with an empty key', async () => {
    const noSecret = stripeProvider({ apiBase: stripe.url, secretKey: stripe.secretKey, webhookSecret: '' })
    const hook = stripe.webhook(
      'refund.updated',
      { id: 're_x', object: 'refund', status: 'succeeded' },
      { secret: '' },
    )
    expect(
      noSecret.verifyWebhook(
        hook.body,
        { 'stripe-signature': hook.signature },
        Math.floor(Date.now() / 1000),
      ),
    ).toEqual({
      ok: false,
      reason: 'no_webhook_secret',
    })
  })

  it('a refused webhook is logged with its reason and ids, never its body', async () => {
    const logged: object[] = []
    const log = { warn: (o: object) => logged.push(o) }
    const hook = stripe.webhook('refund.updated', {
      id: 're_unknown',
      object: 'refund',
      status: 'succeeded',
      amount: 100,
      payment_intent: 'pi_unknown',
      metadata: { customer_email: 'jeanne@example.com' },
    })
    await expect(
      receiveProviderWebhook(t.database.db, provider, hook.body, { 'stripe-signature': hook.signature }, log),
    ).rejects.toMatchObject({ code: 'webhook_unknown_payment' })
    await expect(
      receiveProviderWebhook(t.database.db, provider, hook.body, { 'stripe-signature': 't=1,v1=00' }, log),
    ).rejects.toMatchObject({ code: 'webhook_signature_invalid' })
    expect(logged).toEqual([
      { provider: 'stripe', reason: 'webhook_unknown_payment', event_id: hook.id, type: 'refund.updated' },
      { provider: 'stripe', reason: 'webhook_signature_invalid' },
    ])
    expect(JSON.stringify(logged)).not.toContain('example.com')
  })
})
