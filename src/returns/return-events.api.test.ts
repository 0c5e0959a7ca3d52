import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxSize, recordedEvents } from '../events/events.fixture.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

// A return's facts leave their events with them: the goods received, the money given back (with the
// order's own payment.refunded), the goods given in exchange.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

async function tillSale(sku: string, cents: number) {
  const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
    channel: f.channels.store.code,
    lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
    payments: [{ method: 'card', amount_cents: cents }],
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const returned = (order: { id: string; lines: Array<{ id: string }> }, extra: object = {}) =>
  as(t.app, f.keys.store).post('/api/v1/returns', {
    order_id: order.id,
    method: 'in_store',
    lines: [
      { order_line_id: order.lines[0]!.id, quantity: 1, reason: 'wrong_size', condition: 'resellable' },
    ],
    ...extra,
  })

describe('the events of a return', () => {
  it('a purchase returned at the till records return.received, the refund on the order, then return.refunded', async () => {
    const sku = await f.product({ priceCents: 2500, stock: { [f.store.id]: 2 } })
    const order = await tillSale(sku, 2500)
    const res = await returned(order)
    expect(res.statusCode, res.body).toBe(201)
    const ret = res.json()
    const events = await recordedEvents(
      t.database.db,
      [ret.id, order.id],
      ['return.received', 'payment.refunded', 'return.refunded'],
    )
    expect(events.map((e) => e.type)).toEqual(['return.received', 'payment.refunded', 'return.refunded'])
    expect(events[0]).toMatchObject({
      aggregate_type: 'return',
      aggregate_id: ret.id,
      payload: {
        return_id: ret.id,
        order_id: order.id,
        location_id: f.store.id,
        lines: [{ sku, quantity: 1, condition: 'resellable' }],
      },
    })
    expect(events[1]!.payload).toMatchObject({ order_id: order.id, amount_cents: 2500, return_id: ret.id })
    expect(events[2]!.payload).toEqual({
      return_id: ret.id,
      order_id: order.id,
      refunded_cents: 2500,
      destination: 'original',
      lines: [{ line_id: order.lines[0].id, quantity: 1 }],
    })
  })

  it('a return by carrier records nothing until the parcel is received', async () => {
    const sku = await f.product({ priceCents: 1500, stock: { [f.store.id]: 2 } })
    const order = await tillSale(sku, 1500)
    const rma = await as(t.app, f.keys.callCentre).post('/api/v1/returns', {
      order_id: order.id,
      method: 'carrier',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'defective' }],
    })
    expect(rma.statusCode, rma.body).toBe(201)
    expect(await recordedEvents(t.database.db, rma.json().id)).toEqual([])
    const received = await as(t.app, t.admin).post(`/api/v1/returns/${rma.json().id}/receive`, {
      lines: [{ order_line_id: order.lines[0].id, condition: 'damaged' }],
    })
    expect(received.statusCode, received.body).toBe(200)
    const events = await recordedEvents(t.database.db, rma.json().id)
    expect(events.map((e) => e.type)).toEqual(['return.received', 'return.refunded'])
    expect(events[0]!.payload).toMatchObject({
      location_id: f.warehouse.id,
      lines: [{ sku, quantity: 1, condition: 'damaged' }],
    })
  })

  it('an exchange records the return refunded as credit, then return.exchanged naming the new order', async () => {
    const cheap = await f.product({ priceCents: 1999, stock: { [f.store.id]: 3 } })
    const dear = await f.product({ priceCents: 2999, stock: { [f.store.id]: 3 } })
    const bought = await tillSale(cheap, 1999)
    const res = await returned(bought, {
      exchange: {
        channel: f.channels.store.code,
        lines: [{ sku: dear, quantity: 1, fulfilment: 'takeaway' }],
        payments: [{ method: 'card', amount_cents: 1000 }],
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const ret = res.json()
    const events = await recordedEvents(t.database.db, ret.id)
    expect(events.map((e) => e.type)).toEqual(['return.received', 'return.refunded', 'return.exchanged'])
    expect(events[1]!.payload).toMatchObject({ refunded_cents: 1999, destination: 'store_credit' })
    expect(events[2]!.payload).toEqual({
      return_id: ret.id,
      order_id: bought.id,
      exchange_order_id: ret.exchange_order_id,
    })
    const newOrder = await recordedEvents(t.database.db, ret.exchange_order_id)
    expect(newOrder.map((e) => e.type)).toEqual([
      'order.placed',
      'payment.captured',
      'payment.captured',
      'order.completed',
    ])
  })

  it('an exchange refused for want of payment rolls back the receipt and the refund: no event', async () => {
    const cheap = await f.product({ priceCents: 1000, stock: { [f.store.id]: 2 } })
    const dear = await f.product({ priceCents: 5000, stock: { [f.store.id]: 2 } })
    const bought = await tillSale(cheap, 1000)
    const before = await outboxSize(t.database.db)
    const res = await returned(bought, {
      exchange: {
        channel: f.channels.store.code,
        lines: [{ sku: dear, quantity: 1, fulfilment: 'takeaway' }],
      },
    })
    expect(res.statusCode).toBe(422)
    expect(await outboxSize(t.database.db)).toBe(before)
  })
})
