import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { expireStoredValue } from './stored-value.service.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 50, [f.warehouse.id]: 50 } })
})
afterAll(() => t.close())

const sell = async (amount: number, extra: Record<string, unknown> = {}) => {
  const res = await as(t.app, f.keys.store).post('/api/v1/gift-cards', {
    amount_cents: amount,
    paid_with: 'card',
    ...extra,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { code: string; expires_at: string; balance_cents: number }
}

const tillPay = (code: string, amount: number, quantity = 1) =>
  as(t.app, f.keys.store).post('/api/v1/orders', {
    channel: f.channels.store.code,
    lines: [{ sku, quantity, fulfilment: 'takeaway' }],
    payments: [
      { method: 'gift_card', amount_cents: amount, reference: code },
      ...(quantity * 1000 > amount ? [{ method: 'card', amount_cents: quantity * 1000 - amount }] : []),
    ],
  })

describe('gift cards and credit notes', () => {
  it('a gift card sold at a till is spent in part in store, the rest on the web, with every movement in its ledger', async () => {
    const card = await sell(2500)
    expect(card.code).toMatch(/^GC-/)
    expect(new Date(card.expires_at).getTime()).toBeGreaterThan(Date.now() + 364 * 86_400_000)
    expect((await tillPay(card.code, 1000)).statusCode).toBe(201)
    const web = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [
        { method: 'gift_card', amount_cents: 1500, reference: card.code.replaceAll('-', ' ').toLowerCase() },
        { method: 'card', amount_cents: 500 },
      ],
    })
    expect(web.statusCode, web.body).toBe(201)
    const seen = await as(t.app, t.admin).get(`/api/v1/stored-value/${card.code}`)
    expect(seen.json()).toMatchObject({ balance_cents: 0, issued_cents: 2500, expired: false })
    expect(
      seen.json().entries.map((e: { kind: string; amount_cents: number }) => [e.kind, e.amount_cents]),
    ).toEqual([
      ['redeem', -1500],
      ['redeem', -1000],
      ['issue', 2500],
    ])
    // A web shop checks a balance but does not read the card's history.
    const byWeb = await as(t.app, f.keys.web).get(`/api/v1/stored-value/${card.code}`)
    expect(byWeb.json()).toMatchObject({ balance_cents: 0, entries: [] })
  })

  it('the same card spent at three tills at once pays once; the others are refused and write nothing', async () => {
    const card = await sell(1000)
    const results = await Promise.all([
      tillPay(card.code, 1000),
      tillPay(card.code, 1000),
      tillPay(card.code, 1000),
    ])
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
    expect(results.find((r) => r.statusCode === 409)!.json().error).toMatchObject({
      code: 'insufficient_balance',
      details: { field: 'payments/0/reference', balance_cents: 0 },
    })
    const orders = await as(t.app, t.admin).get(`/api/v1/orders?channel_id=${f.channels.store.id}&limit=200`)
    const paidWithCard = orders
      .json()
      .data.filter((o: { payments: Array<{ reference: string | null }> }) =>
        o.payments.some((p) => p.reference === card.code),
      )
    expect(paidWithCard).toHaveLength(1)
  })

  it('an expired card is refused at the till, and the sweeper writes its remaining value off', async () => {
    const card = await sell(800, { validity_days: 1 })
    await t.database.db.execute(
      sql`UPDATE stored_value_account SET expires_at = now() - interval '1 day' WHERE code = ${card.code}`,
    )
    const refused = await tillPay(card.code, 800)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.code).toBe('stored_value_expired')
    expect(await expireStoredValue(t.database.db)).toBeGreaterThanOrEqual(1)
    expect(await expireStoredValue(t.database.db)).toBe(0)
    const seen = (await as(t.app, t.admin).get(`/api/v1/stored-value/${card.code}`)).json()
    expect(seen).toMatchObject({ balance_cents: 0, expired: true })
    expect(seen.entries[0]).toMatchObject({ kind: 'expire', amount_cents: -800 })
  })

  it('an order cancelled after its gift card expired gives that share back as a credit note, once', async () => {
    const card = await sell(1000)
    const placed = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [
        { method: 'gift_card', amount_cents: 1000, reference: card.code },
        { method: 'card', amount_cents: 1000 },
      ],
    })
    expect(placed.statusCode, placed.body).toBe(201)
    await t.database.db.execute(
      sql`UPDATE stored_value_account SET expires_at = now() - interval '1 day' WHERE code = ${card.code}`,
    )
    const cancelled = await as(t.app, f.keys.web).post(`/api/v1/orders/${placed.json().id}/cancel`, {
      reason: 'changed their mind',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    const order = cancelled.json()
    expect(order.refunded_cents).toBe(2000)
    const giftCapture = order.payments.find(
      (p: { kind: string; method: string }) => p.kind === 'capture' && p.method === 'gift_card',
    )
    const back = order.payments.filter(
      (p: { kind: string; reference: string }) => p.kind === 'refund' && p.reference === giftCapture.id,
    )
    expect(back).toEqual([expect.objectContaining({ method: 'store_credit', amount_cents: 1000 })])
    expect((await as(t.app, t.admin).get(`/api/v1/stored-value/${card.code}`)).json().balance_cents).toBe(0)
    const notes = await t.database.db.execute(
      sql`SELECT balance_cents FROM stored_value_account WHERE source = 'refund' AND source_order_id = ${order.id}`,
    )
    expect((notes as unknown as { rows: Array<{ balance_cents: number }> }).rows).toEqual([
      { balance_cents: 1000 },
    ])
  })

  it('a goodwill credit note needs a manager, the call centre or head office; codes are checked', async () => {
    const byStaff = await as(t.app, f.keys.store).post('/api/v1/store-credits', {
      amount_cents: 1000,
      reason: 'late delivery',
    })
    expect(byStaff.statusCode).toBe(403)
    const byCallCentre = await as(t.app, f.keys.callCentre).post('/api/v1/store-credits', {
      amount_cents: 1000,
      reason: 'late delivery',
    })
    expect(byCallCentre.statusCode, byCallCentre.body).toBe(201)
    expect(byCallCentre.json().code).toMatch(/^SC-/)
    const wrongKind = await tillPay(byCallCentre.json().code, 1000)
    expect(wrongKind.statusCode).toBe(400)
    expect(wrongKind.json().error.details.field).toBe('payments/0/reference')
    const noCode = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'store_credit', amount_cents: 1000 }],
    })
    expect(noCode.statusCode).toBe(400)
    expect(noCode.json().error.details.field).toBe('payments/0/reference')
    const unknown = await as(t.app, f.keys.store).get('/api/v1/stored-value/GC-2222-3333-4444')
    expect(unknown.statusCode).toBe(404)
    const tooSmall = await as(t.app, f.keys.store).post('/api/v1/gift-cards', {
      amount_cents: 0,
      paid_with: 'card',
    })
    expect(tooSmall.statusCode).toBe(400)
    expect(tooSmall.json().error.message).toMatch(/amount_cents/)
  })
})
