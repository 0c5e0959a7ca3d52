import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const stockAt = async (sku: string, locationId: string) => {
  const res = await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)
  const level = res.json().levels.find((l: { location_id: string }) => l.location_id === locationId)
  return level ?? { on_hand: 0, reserved: 0, available: 0 }
}

describe('placing orders in every channel and fulfilment mode', () => {
  it('a till sale carried away with card and cash is completed at once, with change and VAT per rate', async () => {
    const towel = await f.product({ priceCents: 1299, vatRate: 20, stock: { [f.store.id]: 5 } })
    const book = await f.product({ priceCents: 2000, vatRate: 5.5, stock: { [f.store.id]: 2 } })
    const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [
        { sku: towel, quantity: 2, fulfilment: 'takeaway' },
        { sku: book, quantity: 1, fulfilment: 'takeaway' },
      ],
      payments: [
        { method: 'card', amount_cents: 3000 },
        { method: 'cash', amount_cents: 1598, tendered_cents: 2000 },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order.status).toBe('completed')
    expect(order.store_id).toBe(f.store.id)
    expect(order.total_cents).toBe(4598)
    expect(order.vat_breakdown).toEqual([
      { rate: 20, base_incl_cents: 2598, vat_cents: 433 },
      { rate: 5.5, base_incl_cents: 2000, vat_cents: 104 },
    ])
    expect(order.vat_cents).toBe(537)
    expect(order.payments.find((p: { method: string }) => p.method === 'cash').change_due_cents).toBe(402)
    expect((await stockAt(towel, f.store.id)).on_hand).toBe(3)
    const full = (await as(t.app, f.keys.store).get(`/api/v1/orders/${order.id}`)).json()
    expect(full.events.map((e: { to_status: string }) => e.to_status)).toEqual([
      'placed',
      'fulfilled',
      'completed',
    ])
  })

  it('a web order delivered from the first warehouse with stock is reserved, shipped, then completed', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 1, [f.warehouse2.id]: 10 } })
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 3, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 5997, reference: 'auth-123' }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order.status).toBe('placed')
    expect(order.lines[0].source_location_id).toBe(f.warehouse2.id)
    expect(await stockAt(sku, f.warehouse2.id)).toMatchObject({ on_hand: 10, reserved: 3, available: 7 })
    const shipped = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 3 }],
    })
    expect(shipped.statusCode, shipped.body).toBe(200)
    expect(shipped.json().status).toBe('fulfilled')
    expect(await stockAt(sku, f.warehouse2.id)).toMatchObject({ on_hand: 7, reserved: 0 })
    const done = await as(t.app, f.keys.web).post(`/api/v1/orders/${order.id}/complete`)
    expect(done.json().status).toBe('completed')
  })

  it('click & collect reserves in the pickup store and the store hands it over', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 4 } })
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order.lines[0]).toMatchObject({ source_location_id: f.store.id, pickup_location_id: f.store.id })
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 4, reserved: 1 })
    const queue = await as(t.app, f.keys.store).get('/api/v1/orders?status=placed')
    expect(queue.json().data.map((o: { id: string }) => o.id)).toContain(order.id)
    const handed = await as(t.app, f.keys.store).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 1 }],
    })
    expect(handed.json().status).toBe('completed')
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 3, reserved: 0 })
  })

  it('reserve & collect taken by the call centre is paid at collection in the store', async () => {
    const sku = await f.product({ priceCents: 4500, stock: { [f.store.id]: 2 } })
    const res = await as(t.app, f.keys.callCentre).post('/api/v1/orders', {
      channel: f.channels.call_centre.code,
      lines: [{ sku, quantity: 2, fulfilment: 'reserve', pickup_location_id: f.store.id }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order).toMatchObject({ status: 'placed', paid_cents: 0, balance_due_cents: 9000 })
    const unpaid = await as(t.app, f.keys.store).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 2 }],
    })
    expect(unpaid.statusCode).toBe(422)
    expect(unpaid.json().error).toMatchObject({ code: 'payment_mismatch', details: { due_cents: 9000 } })
    const collected = await as(t.app, f.keys.store).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 2 }],
      payments: [{ method: 'cash', amount_cents: 9000, tendered_cents: 10000 }],
    })
    expect(collected.statusCode, collected.body).toBe(200)
    expect(collected.json()).toMatchObject({ status: 'completed', paid_cents: 9000, balance_due_cents: 0 })
  })

  it('an endless-aisle sale in the store is delivered home from the warehouse', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 3 } })
    const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ status: 'placed', store_id: f.store.id })
    expect(res.json().lines[0].source_location_id).toBe(f.warehouse.id)
  })

  it.each(['mobile', 'catalogue', 'partner'] as const)(
    'a %s order is delivered from a warehouse',
    async (kind) => {
      const sku = await f.product({ stock: { [f.warehouse.id]: 2 } })
      const res = await as(t.app, t.admin).post('/api/v1/orders', {
        channel: f.channels[kind].code,
        lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
        delivery_address: address,
        payments: [{ method: 'card', amount_cents: 3998 }],
      })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json().channel.code).toBe(f.channels[kind].code)
    },
  )
})

describe('never selling what is not there', () => {
  it('twenty tills racing for the last five units sell exactly five', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 5 } })
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        as(t.app, f.keys.web).post('/api/v1/orders', {
          channel: f.channels.web.code,
          lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
          delivery_address: address,
          payments: [{ method: 'card', amount_cents: 1999 }],
        }),
      ),
    )
    const codes = attempts.map((a) => a.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(5)
    expect(codes.filter((c) => c === 409)).toHaveLength(15)
    const refusal = attempts.find((a) => a.statusCode === 409)!.json().error
    expect(refusal.code).toBe('insufficient_stock')
    expect(refusal.details.items[0]).toMatchObject({ sku, requested: 1, available: 0 })
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 5, reserved: 5, available: 0 })
  })

  it('an order whose second line is short reserves nothing at all', async () => {
    const plenty = await f.product({ stock: { [f.store.id]: 10 } })
    const scarce = await f.product({ stock: { [f.store.id]: 1 } })
    const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [
        { sku: plenty, quantity: 3, fulfilment: 'reserve' },
        { sku: scarce, quantity: 2, fulfilment: 'reserve' },
      ],
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details.items).toEqual([
      { sku: scarce, location_id: f.store.id, requested: 2, available: 1 },
    ])
    expect(await stockAt(plenty, f.store.id)).toMatchObject({ on_hand: 10, reserved: 0 })
  })

  it('safety stock is kept from the web but the till can still sell the last unit on the shelf', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    const set = await as(t.app, f.keys.store).put('/api/v1/inventory/safety-stock', {
      location_id: f.store.id,
      sku,
      safety_stock: 2,
    })
    expect(set.statusCode).toBe(200)
    const web = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(web.statusCode).toBe(409)
    const till = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 3998 }],
    })
    expect(till.statusCode, till.body).toBe(201)
  })
})

describe('retries, drafts and cancellations', () => {
  const webOrder = (sku: string) => ({
    channel: f.channels.web.code,
    lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
    delivery_address: address,
    payments: [{ method: 'card', amount_cents: 1999 }],
  })

  it('a till retrying after a network failure gets the same order and stock is taken once', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 5 } })
    const headers = { 'idempotency-key': `retry-${sku}` }
    const [a, b] = await Promise.all([
      as(t.app, f.keys.web).post('/api/v1/orders', webOrder(sku), headers),
      as(t.app, f.keys.web).post('/api/v1/orders', webOrder(sku), headers),
    ])
    const c = await as(t.app, f.keys.web).post('/api/v1/orders', webOrder(sku), headers)
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201])
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1)
    expect(c.headers['idempotent-replayed']).toBe('true')
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ reserved: 1 })
    const reused = await as(t.app, f.keys.web).post(
      '/api/v1/orders',
      { ...webOrder(sku), lines: [{ sku, quantity: 2, fulfilment: 'delivery' }] },
      headers,
    )
    expect(reused.statusCode).toBe(422)
    expect(reused.json().error.code).toBe('idempotency_key_reused')
  })

  it('a draft holds stock, is confirmed with payment and then holds it until shipped', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 1 } })
    const draft = await as(t.app, f.keys.callCentre).post('/api/v1/orders', {
      channel: f.channels.call_centre.code,
      draft: true,
      hold_minutes: 15,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
    })
    expect(draft.statusCode, draft.body).toBe(201)
    expect(draft.json().status).toBe('draft')
    expect(draft.json().draft_expires_at).not.toBeNull()
    expect((await stockAt(sku, f.warehouse.id)).available).toBe(0)
    const confirmed = await as(t.app, f.keys.callCentre).post(`/api/v1/orders/${draft.json().id}/confirm`, {
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(confirmed.json()).toMatchObject({ status: 'placed', paid_cents: 1999, draft_expires_at: null })
    const again = await as(t.app, f.keys.callCentre).post(`/api/v1/orders/${draft.json().id}/confirm`, {
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(again.statusCode).toBe(409)
  })

  it('an expired draft gives its stock back and can no longer be confirmed', async () => {
    const { expireDrafts } = await import('./orders.jobs.ts')
    const { sql } = await import('drizzle-orm')
    const sku = await f.product({ stock: { [f.warehouse.id]: 2 } })
    const draft = await as(t.app, f.keys.web).post('/api/v1/orders', {
      ...webOrder(sku),
      payments: undefined,
      draft: true,
      lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
    })
    expect(draft.statusCode, draft.body).toBe(201)
    expect((await stockAt(sku, f.warehouse.id)).available).toBe(0)
    // Move the draft's deadline into the past instead of waiting for it.
    await t.database.db.execute(
      sql`UPDATE orders SET draft_expires_at = now() - interval '1 second' WHERE id = ${draft.json().id}`,
    )
    expect(await expireDrafts(t.database.db)).toBeGreaterThanOrEqual(1)
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 2, reserved: 0, available: 2 })
    const order = (await as(t.app, f.keys.web).get(`/api/v1/orders/${draft.json().id}`)).json()
    expect(order.status).toBe('expired')
    const late = await as(t.app, f.keys.web).post(`/api/v1/orders/${draft.json().id}/confirm`, {
      payments: [{ method: 'card', amount_cents: 3998 }],
    })
    expect(late.statusCode).toBe(422)
    expect(late.json().error.code).toBe('draft_expired')
  })

  it('cancelling an order releases its stock and refunds every tender', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 3 } })
    const card = await as(t.app, f.keys.store).post('/api/v1/gift-cards', {
      amount_cents: 2500,
      paid_with: 'cash',
    })
    expect(card.statusCode, card.body).toBe(201)
    const code = card.json().code as string
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [
        { method: 'gift_card', amount_cents: 1000, reference: code.toLowerCase() },
        { method: 'card', amount_cents: 2998 },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const after = await as(t.app, f.keys.web).get(`/api/v1/stored-value/${code}`)
    expect(after.json().balance_cents, after.body).toBe(1500)
    const cancelled = await as(t.app, f.keys.web).post(`/api/v1/orders/${res.json().id}/cancel`, {
      reason: 'customer changed their mind',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    const order = cancelled.json()
    expect(order).toMatchObject({ status: 'cancelled', refunded_cents: 3998, balance_due_cents: 0 })
    expect(order.lines[0].cancelled_quantity).toBe(2)
    expect(order.payments.filter((p: { kind: string }) => p.kind === 'refund')).toHaveLength(2)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 3, reserved: 0 })
    const balance = (await as(t.app, t.admin).get(`/api/v1/stored-value/${code}`)).json()
    expect(balance.balance_cents).toBe(2500)
    expect(balance.entries.map((e: { kind: string }) => e.kind)).toEqual(['refund', 'redeem', 'issue'])
    const twice = await as(t.app, f.keys.web).post(`/api/v1/orders/${res.json().id}/cancel`, {
      reason: 'again',
    })
    expect(twice.statusCode).toBe(409)
  })
})

describe('orders read the channel as it is now', () => {
  it('a channel that stops offering delivery refuses the next delivery order at once, not seconds later', async () => {
    const own = await retailFixture(t)
    const sku = await own.product({ stock: { [own.warehouse.id]: 5 } })
    const web = own.channels.web.code
    const quote = () =>
      as(t.app, t.admin).post('/api/v1/orders/quote', {
        channel: web,
        lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
        delivery_address: address,
      })
    expect((await quote()).statusCode).toBe(200)
    const changed = await as(t.app, t.admin).patch(`/api/v1/channels/${web}`, {
      fulfilment_modes: ['pickup', 'reserve'],
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const refused = await quote()
    expect(refused.statusCode, refused.body).toBe(422)
    expect(refused.json().error.code).toBe('fulfilment_not_offered')
  })
})
