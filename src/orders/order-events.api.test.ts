import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxSize, publishAll, recordedEvents } from '../events/events.fixture.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { expireUncollected } from './fulfilment/fulfilment.service.ts'
import { expireDrafts } from './orders.jobs.ts'

// Each fact of an order's life leaves its event, written with it: what the outbox holds after each
// request through the API, in the order of the facts.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

type Line = { sku: string; quantity: number }

const webDelivery = (sku: string, quantity: number, cents: number) =>
  as(t.app, f.keys.web).post('/api/v1/orders', {
    channel: f.channels.web.code,
    lines: [{ sku, quantity, fulfilment: 'delivery' }],
    delivery_address: address,
    payments: [{ method: 'card', amount_cents: cents, reference: 'auth-1' }],
  })

describe('the events of an order', () => {
  it('a web order records order.placed then payment.captured; shipped and completed, line fulfilled then completed', async () => {
    const sku = await f.product({ priceCents: 1500, stock: { [f.warehouse.id]: 5 } })
    const placed = await webDelivery(sku, 2, 3000)
    expect(placed.statusCode, placed.body).toBe(201)
    const order = placed.json()
    const [event, payment] = await recordedEvents(t.database.db, order.id)
    expect(event).toMatchObject({
      type: 'order.placed',
      aggregate_type: 'order',
      actor_kind: 'api_key',
      payload: {
        order_id: order.id,
        number: Number(order.number),
        status: 'placed',
        channel_id: f.channels.web.id,
        customer_id: null,
        total_cents: 3000,
        paid_cents: 3000,
        lines: [
          {
            line_id: order.lines[0].id,
            sku,
            quantity: 2,
            total_cents: 3000,
            fulfilment: 'delivery',
            source_location_id: f.warehouse.id,
            pickup_location_id: null,
          },
        ],
      },
    })
    expect(payment).toMatchObject({
      type: 'payment.captured',
      payload: { order_id: order.id, payment_id: order.payments[0].id, method: 'card', amount_cents: 3000 },
    })
    // The delivery address is the customer's: it is not in the event.
    expect(JSON.stringify(event!.payload)).not.toContain(address.postcode)

    const shipped = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 1 }],
    })
    expect(shipped.statusCode, shipped.body).toBe(200)
    await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 1 }],
    })
    const done = await as(t.app, f.keys.web).post(`/api/v1/orders/${order.id}/complete`)
    expect(done.statusCode, done.body).toBe(200)
    const all = await recordedEvents(t.database.db, order.id)
    expect(all.map((e) => e.type)).toEqual([
      'order.placed',
      'payment.captured',
      'order.line_fulfilled',
      'order.line_fulfilled',
      'order.completed',
    ])
    expect(all.slice(2, 4).map((e) => e.payload)).toEqual([
      {
        order_id: order.id,
        line_id: order.lines[0].id,
        sku,
        quantity: 1,
        fulfilled_quantity: 1,
        location_id: f.warehouse.id,
      },
      {
        order_id: order.id,
        line_id: order.lines[0].id,
        sku,
        quantity: 1,
        fulfilled_quantity: 2,
        location_id: f.warehouse.id,
      },
    ])
    expect(all[4]!.payload).toEqual({
      order_id: order.id,
      channel_id: f.channels.web.id,
      customer_id: null,
      total_cents: 3000,
    })
  })

  it('a till sale carried away records placed, a capture per tender and completed, in one go', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 3 } })
    const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
      payments: [
        { method: 'card', amount_cents: 1500 },
        { method: 'cash', amount_cents: 500, tendered_cents: 500 },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const events = await recordedEvents(t.database.db, res.json().id)
    expect(events.map((e) => e.type)).toEqual([
      'order.placed',
      'payment.captured',
      'payment.captured',
      'order.completed',
    ])
    expect(events[0]!.payload).toMatchObject({ status: 'completed', store_id: f.store.id })
    expect(events.slice(1, 3).map((e) => e.payload.method)).toEqual(['card', 'cash'])
  })

  it('an order refused for want of stock, or replayed with its Idempotency-Key, records nothing', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 1 } })
    const before = await outboxSize(t.database.db)
    const short = await webDelivery(sku, 2, 3998)
    expect(short.statusCode).toBe(409)
    expect(await outboxSize(t.database.db)).toBe(before)

    const headers = { 'idempotency-key': `evt-${sku}` }
    const body = {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 1999 }],
    }
    const first = await as(t.app, f.keys.web).post('/api/v1/orders', body, headers)
    expect(first.statusCode, first.body).toBe(201)
    expect(await outboxSize(t.database.db)).toBe(before + 2)
    const again = await as(t.app, f.keys.web).post('/api/v1/orders', body, headers)
    expect(again.json().id).toBe(first.json().id)
    expect(await outboxSize(t.database.db)).toBe(before + 2)
  })

  it('a request refused after it began writing (fulfilling more than reserved) records nothing', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 2 } })
    const order = (await webDelivery(sku, 1, 1999)).json()
    const before = await outboxSize(t.database.db)
    const tooMany = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 2 }],
    })
    expect(tooMany.statusCode).toBeGreaterThanOrEqual(400)
    expect(await outboxSize(t.database.db)).toBe(before)
  })

  it('a draft confirmed records its capture then order.confirmed; a draft expired, order.expired and its release', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.warehouse.id]: 5, [f.warehouse2.id]: 5 } })
    const draft = async (quantity: number) => {
      const res = await as(t.app, f.keys.callCentre).post('/api/v1/orders', {
        channel: f.channels.call_centre.code,
        lines: [{ sku, quantity, fulfilment: 'delivery' }],
        delivery_address: address,
        draft: true,
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json()
    }
    const kept = await draft(1)
    const confirmed = await as(t.app, f.keys.callCentre).post(`/api/v1/orders/${kept.id}/confirm`, {
      payments: [{ method: 'card', amount_cents: 1000 }],
    })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    const events = await recordedEvents(t.database.db, kept.id)
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'payment.captured', 'order.confirmed'])
    expect(events[0]!.payload).toMatchObject({ status: 'draft', paid_cents: 0 })
    expect(events[2]!.payload).toEqual({ order_id: kept.id, paid_cents: 1000 })

    const lapsed = [await draft(2), await draft(1)]
    const ids = lapsed.map((o) => o.id)
    await t.database.db.execute(
      sql`UPDATE orders SET draft_expires_at = now() - interval '1 second'
          WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
    )
    expect(await expireDrafts(t.database.db)).toBe(2)
    for (const [i, o] of lapsed.entries()) {
      const [, expired] = await recordedEvents(t.database.db, o.id)
      expect(expired).toMatchObject({
        type: 'order.expired',
        actor_kind: 'job',
        actor_id: 'orders.expire-drafts',
        payload: { order_id: o.id, released_units: [2, 1][i] },
      })
    }
    // One release per location for the whole batch, the units summed per SKU.
    const locations = [...new Set(lapsed.map((o) => o.lines[0].source_location_id as string))]
    const releases = await recordedEvents(t.database.db, locations, ['stock.reservations_released'])
    const last = releases.filter((e) => e.payload.reason === 'draft_expired')
    const units = last.flatMap((e) => e.payload.lines).reduce((s: number, l: Line) => s + l.quantity, 0)
    expect(units).toBe(3)
    expect(last.reduce((s, e) => s + e.payload.orders, 0)).toBe(locations.length === 1 ? 2 : lapsed.length)
  })

  it('cancelling an order records its stock released, each refund, then order.cancelled', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 3 } })
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 2000 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    const cancelled = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, {
      reason: 'customer changed their mind',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    const events = await recordedEvents(t.database.db, [order.id, f.store.id])
    const mine = events.filter(
      (e) =>
        e.aggregate_id === order.id ||
        (e.type === 'stock.reservations_released' && e.payload.lines.some((l: Line) => l.sku === sku)),
    )
    expect(mine.map((e) => e.type)).toEqual([
      'order.placed',
      'payment.captured',
      'stock.reservations_released',
      'payment.refunded',
      'order.cancelled',
    ])
    expect(mine[2]!.payload).toEqual({
      location_id: f.store.id,
      reason: 'order_cancelled',
      orders: 1,
      lines: [{ sku, quantity: 2 }],
    })
    expect(mine[3]!.payload).toMatchObject({ method: 'card', amount_cents: 2000, return_id: null })
    expect(mine[4]!.payload).toEqual({
      order_id: order.id,
      refunded_cents: 2000,
      lines: [{ line_id: order.lines[0].id, quantity: 2 }],
    })
  })
})

describe('the events of a pickup', () => {
  const pickupOrder = async (sku: string) => {
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    for (const to of ['picking', 'packed', 'ready_for_pickup']) {
      const step = await as(t.app, f.keys.store).post(
        `/api/v1/fulfilment/tasks/${order.tasks[0].id}/advance`,
        {
          to,
        },
      )
      expect(step.statusCode, step.body).toBe(200)
    }
    return order
  }

  it('an order ready in store then collected records ready, collected, line fulfilled, completed', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    const order = await pickupOrder(sku)
    const collected = await as(t.app, f.keys.store).post(
      `/api/v1/fulfilment/tasks/${order.tasks[0].id}/advance`,
      { to: 'collected', pickup_code: order.pickup_code },
    )
    expect(collected.statusCode, collected.body).toBe(200)
    const events = await recordedEvents(t.database.db, order.id)
    expect(events.map((e) => e.type)).toEqual([
      'order.placed',
      'payment.captured',
      'pickup.ready',
      'pickup.collected',
      'order.line_fulfilled',
      'order.completed',
    ])
    expect(events[2]!.payload).toMatchObject({ order_id: order.id, location_id: f.store.id })
    expect(Date.parse(events[2]!.payload.ready_until)).toBeGreaterThan(Date.now())
    expect(events[3]!.payload).toEqual({ order_id: order.id, location_id: f.store.id })
  })

  it('a wrong pickup code refuses the hand-over and records no collection', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    const order = await pickupOrder(sku)
    const before = await outboxSize(t.database.db)
    const wrong = await as(t.app, f.keys.store).post(
      `/api/v1/fulfilment/tasks/${order.tasks[0].id}/advance`,
      {
        to: 'collected',
        pickup_code: order.pickup_code === '000000' ? '111111' : '000000',
      },
    )
    expect(wrong.statusCode).toBe(422)
    expect(await outboxSize(t.database.db)).toBe(before)
  })

  it('an order not collected in time records pickup.expired, its release, its refund and its cancellation', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    const order = await pickupOrder(sku)
    await t.database.db.execute(
      sql`UPDATE fulfilment_task SET expires_at = now() - interval '1 minute' WHERE id = ${order.tasks[0].id}`,
    )
    expect(await expireUncollected(t.database.db)).toBe(1)
    const events = await recordedEvents(t.database.db, [order.id, f.store.id])
    const mine = events.filter(
      (e) =>
        e.aggregate_id === order.id ||
        (e.type === 'stock.reservations_released' && e.payload.lines.some((l: Line) => l.sku === sku)),
    )
    expect(mine.map((e) => e.type)).toEqual([
      'order.placed',
      'payment.captured',
      'pickup.ready',
      'pickup.expired',
      'stock.reservations_released',
      'payment.refunded',
      'order.line_cancelled',
      'order.cancelled',
    ])
    expect(mine[3]).toMatchObject({ actor_kind: 'system' })
    expect(mine[4]!.payload).toMatchObject({ reason: 'pickup_expired', lines: [{ sku, quantity: 1 }] })
    // The units go line by line; the cancellation that follows has none left to name.
    expect(mine[6]!.payload).toMatchObject({
      line_id: order.lines[0].id,
      sku,
      quantity: 1,
      cancelled_quantity: 1,
      reason: 'pickup_expired',
    })
    expect(mine[7]!.payload).toMatchObject({ order_id: order.id, lines: [] })
  })
})

describe('the feed', () => {
  it("hands out an order's events, once published, in the order of its facts", async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.warehouse.id]: 2 } })
    const order = (await webDelivery(sku, 1, 1000)).json()
    await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 1 }],
    })
    await as(t.app, f.keys.web).post(`/api/v1/orders/${order.id}/complete`)
    await publishAll(t.database.db)
    const seen: Array<{ type: string; position: number; aggregate: { id: string } }> = []
    let cursor = '0'
    for (;;) {
      const res = await as(t.app, t.admin).get(
        `/api/v1/events?after=${cursor}&types=order.*,payment.*&limit=100`,
      )
      expect(res.statusCode, res.body).toBe(200)
      const page = res.json()
      seen.push(...page.data)
      cursor = page.next_cursor
      if (!page.has_more) break
    }
    const mine = seen.filter((e) => e.aggregate.id === order.id)
    expect(mine.map((e) => e.type)).toEqual([
      'order.placed',
      'payment.captured',
      'order.line_fulfilled',
      'order.completed',
    ])
    const positions = mine.map((e) => e.position)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })
})
