import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../../testing/harness.ts'
import { expireUncollected } from './fulfilment.service.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const openEveryDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
)

async function store(code: string, lat: number, lon: number, extra: Record<string, unknown> = {}) {
  const res = await as(t.app, t.admin).post('/api/v1/locations', {
    code: `${f.prefix}-${code}`,
    name: `Magasin ${code}`,
    kind: 'store',
    city: code,
    lat,
    lon,
    opening_hours: openEveryDay,
    fulfilment_modes: ['takeaway', 'pickup', 'reserve', 'delivery'],
    daily_prep_capacity: 50,
    ...extra,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; code: string }
}

/** A web order delivered to Lyon 2e, paid by card. */
async function webDelivery(sku: string, quantity = 1, key = f.keys.web) {
  return as(t.app, key).post('/api/v1/orders', {
    channel: f.channels.web.code,
    lines: [{ sku, quantity, fulfilment: 'delivery' }],
    delivery_address: address,
    payments: [{ method: 'card', amount_cents: 1999 * quantity }],
  })
}

async function stockAt(sku: string, locationId: string) {
  const res = await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)
  return (res.json().levels as Array<{ location_id: string; on_hand: number; reserved: number }>).find(
    (l) => l.location_id === locationId,
  )
}

describe('routing web deliveries', () => {
  it('ships from the nearest warehouse holding everything, explains why, and gives it a task', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 10, [f.warehouse2.id]: 10 } })
    const res = await webDelivery(sku)
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order.lines[0].source_location_id).toBe(f.warehouse2.id)
    expect(order.routing.shipments).toMatchObject([
      { location_id: f.warehouse2.id, lines: [{ line_no: 1, quantity: 1 }] },
    ])
    expect(order.routing.destination.precision).toBe('postcode')
    expect(order.routing.explanation.join(' ')).toContain(f.warehouse2.name)
    expect(order.tasks).toMatchObject([{ location_id: f.warehouse2.id, kind: 'ship', status: 'allocated' }])
    // The same decision is shown when the order is read back.
    const read = (await as(t.app, f.keys.web).get(`/api/v1/orders/${order.id}`)).json()
    expect(read.routing).toEqual(order.routing)
    expect(read.tasks.map((x: { id: string }) => x.id)).toEqual(order.tasks.map((x: { id: string }) => x.id))
  })

  it('ships from the nearest eligible store when the warehouses are out of stock', async () => {
    const paris = await store('PARIS', 48.85, 2.35)
    const sku = await f.product({ stock: { [f.store.id]: 10, [paris.id]: 10 } })
    const order = (await webDelivery(sku)).json()
    expect(order.lines[0].source_location_id).toBe(f.store.id)
    expect(order.routing.explanation.join(' ')).toContain('no warehouse holds these items')
    expect(order.tasks).toMatchObject([{ location_id: f.store.id, kind: 'ship' }])
  })

  it('never chooses a franchised store that did not opt in to ship-from-store, until it does', async () => {
    const near = await store('VILLEURBANNE', 45.77, 4.88, { ownership: 'franchised' })
    const far = await store('LILLE', 50.63, 3.06)
    const sku = await f.product({ stock: { [near.id]: 10, [far.id]: 10 } })
    const placed = await webDelivery(sku)
    expect(placed.statusCode, placed.body).toBe(201)
    const first = placed.json()
    expect(first.lines[0].source_location_id).toBe(far.id)
    expect(first.routing.excluded).toContainEqual(
      expect.objectContaining({
        code: near.code,
        reason: 'franchised store not opted in to ship-from-store',
      }),
    )
    const optIn = await as(t.app, t.admin).patch(`/api/v1/locations/${near.id}`, {
      ship_from_store_opt_in: true,
    })
    expect(optIn.statusCode, optIn.body).toBe(200)
    const second = (await webDelivery(sku)).json()
    expect(second.lines[0].source_location_id).toBe(near.id)
  })

  it('avoids a store at its preparation capacity when another can ship', async () => {
    const busy = await store('BRON', 45.73, 4.91, { daily_prep_capacity: 1 })
    const other = await store('MARSEILLE', 43.3, 5.37)
    const sku = await f.product({ stock: { [busy.id]: 10, [other.id]: 10 } })
    // One click & collect order fills the busy store's day.
    const pickup = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: busy.id }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(pickup.statusCode, pickup.body).toBe(201)
    const order = (await webDelivery(sku)).json()
    expect(order.lines[0].source_location_id).toBe(other.id)
    expect(order.routing.excluded).toContainEqual(
      expect.objectContaining({ code: busy.code, reason: 'at preparation capacity (1/1)' }),
    )
  })

  it('splits a line over two locations when no single one holds it, the parts adding up to the line', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.warehouse.id]: 2, [f.warehouse2.id]: 1 } })
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 3, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 3000 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order.lines).toHaveLength(2)
    expect(order.lines.every((l: { line_no: number }) => l.line_no === 1)).toBe(true)
    expect(order.lines.reduce((s: number, l: { total_cents: number }) => s + l.total_cents, 0)).toBe(3000)
    expect(order.vat_cents).toBe(500)
    expect(order.tasks).toHaveLength(2)
  })

  it('endless aisle: a store sells what it does not hold, delivered home from the network', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 4 } })
    const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: { ...address, postcode: '45000', city: 'Orléans' },
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order).toMatchObject({ store_id: f.store.id, lines: [{ source_location_id: f.warehouse.id }] })
    expect(order.tasks).toMatchObject([{ location_id: f.warehouse.id, kind: 'ship' }])
    // The selling store sees the order it sold, but not the warehouse's queue.
    expect((await as(t.app, f.keys.store).get(`/api/v1/orders/${order.id}`)).statusCode).toBe(200)
    const queue = (await as(t.app, f.keys.store).get('/api/v1/fulfilment/tasks')).json()
    expect(queue.data.map((x: { id: string }) => x.id)).not.toContain(order.tasks[0].id)
  })

  it('refuses what no eligible location can ship, with the reason, and writes nothing', async () => {
    const sku = await f.product({ stock: { [f.franchise.id]: 10 } })
    const res = await webDelivery(sku)
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({
      code: 'insufficient_stock',
      details: { items: [{ sku, available: 0 }] },
    })
    expect(await stockAt(sku, f.franchise.id)).toMatchObject({ on_hand: 10, reserved: 0 })
  })
})

describe('fulfilment tasks in locations', () => {
  it('a click & collect order is prepared in the store, handed over, and completes the order', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 5 } })
    const placed = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 3998 }],
    })
    expect(placed.statusCode, placed.body).toBe(201)
    const task = placed.json().tasks[0]
    expect(task).toMatchObject({ location_id: f.store.id, kind: 'collect', status: 'allocated' })

    const staff = as(t.app, f.keys.store)
    const queue = (await staff.get('/api/v1/fulfilment/tasks')).json()
    expect(queue.data.map((x: { id: string }) => x.id)).toContain(task.id)
    // Another store neither sees nor works on it.
    expect((await as(t.app, f.keys.franchise).get(`/api/v1/fulfilment/tasks/${task.id}`)).statusCode).toBe(
      404,
    )
    const skip = await staff.post(`/api/v1/fulfilment/tasks/${task.id}/advance`, { to: 'collected' })
    expect(skip.statusCode).toBe(409)

    for (const to of ['picking', 'packed', 'ready_for_pickup']) {
      const res = await staff.post(`/api/v1/fulfilment/tasks/${task.id}/advance`, { to })
      expect(res.statusCode, res.body).toBe(200)
    }
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 5, reserved: 2 })
    // The customer's code, which the store does not see on the order, is checked at the counter.
    const code = placed.json().pickup_code
    expect(code).toMatch(/^\d{6}$/)
    expect((await staff.get(`/api/v1/orders/${placed.json().id}`)).json().pickup_code).toBeNull()
    const noCode = await staff.post(`/api/v1/fulfilment/tasks/${task.id}/advance`, { to: 'collected' })
    expect(noCode.statusCode).toBe(422)
    expect(noCode.json().error.code).toBe('pickup_code_mismatch')
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const wrongCode = await staff.post(`/api/v1/fulfilment/tasks/${task.id}/advance`, {
      to: 'collected',
      pickup_code: wrong,
    })
    expect(wrongCode.statusCode).toBe(422)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 5, reserved: 2 })
    const collected = await staff.post(`/api/v1/fulfilment/tasks/${task.id}/advance`, {
      to: 'collected',
      pickup_code: code,
    })
    expect(collected.statusCode, collected.body).toBe(200)
    const done = collected.json()
    expect(done.claimed_by).not.toBeNull()
    expect(done.events.map((e: { to_status: string }) => e.to_status)).toEqual([
      'picking',
      'packed',
      'ready_for_pickup',
      'collected',
    ])
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 3, reserved: 0 })
    const order = (await as(t.app, f.keys.web).get(`/api/v1/orders/${placed.json().id}`)).json()
    expect(order.status).toBe('completed')
  })

  it('a store rejects a line it cannot find: stock corrected, units re-routed with a new promise', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 5, [f.warehouse2.id]: 5 } })
    const order = (await webDelivery(sku, 2)).json()
    const task = order.tasks[0]
    expect(task.location_id).toBe(f.warehouse2.id)
    const admin = as(t.app, t.admin)
    // The web shop cannot act on a warehouse's work.
    const denied = await as(t.app, f.keys.web).post(`/api/v1/fulfilment/tasks/${task.id}/reject`, {
      line_id: order.lines[0].id,
      quantity: 2,
      reason: 'not_found',
    })
    expect(denied.statusCode).toBe(403)
    const rejected = await admin.post(`/api/v1/fulfilment/tasks/${task.id}/reject`, {
      line_id: order.lines[0].id,
      quantity: 2,
      reason: 'not_found',
    })
    expect(rejected.statusCode, rejected.body).toBe(200)
    expect(rejected.json().status).toBe('cancelled')
    // The missing units left the books of the warehouse that did not find them.
    expect(await stockAt(sku, f.warehouse2.id)).toMatchObject({ on_hand: 3, reserved: 0 })
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 5, reserved: 2 })
    const after = (await admin.get(`/api/v1/orders/${order.id}`)).json()
    const open = after.lines.filter((l: { quantity: number }) => l.quantity > 0)
    expect(open).toMatchObject([{ source_location_id: f.warehouse.id, quantity: 2, total_cents: 3998 }])
    expect(after.tasks.find((x: { status: string }) => x.status === 'allocated')).toMatchObject({
      location_id: f.warehouse.id,
    })
    expect(after.routing.explanation.join(' ')).toContain('re-routed after a rejection')
    expect(after.events.map((e: { type: string }) => e.type)).toContain('line_rerouted')
    const movements = (
      await admin.get(`/api/v1/inventory/${sku}/movements?location_id=${f.warehouse2.id}`)
    ).json()
    expect(movements.data[0]).toMatchObject({
      kind: 'adjustment',
      on_hand_delta: -2,
      reason: 'preparation: not found',
    })
  })

  it('units nobody else can ship are cancelled and refunded', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 5 } })
    const order = (await webDelivery(sku, 2)).json()
    const task = order.tasks[0]
    const res = await as(t.app, t.admin).post(`/api/v1/fulfilment/tasks/${task.id}/reject`, {
      line_id: order.lines[0].id,
      quantity: 1,
      reason: 'damaged',
    })
    expect(res.statusCode, res.body).toBe(200)
    const after = (await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json()
    expect(after.lines[0]).toMatchObject({ quantity: 2, cancelled_quantity: 1 })
    expect(after.refunded_cents).toBe(1999)
    // The other unit ships, and the delivered parcel completes the order.
    for (const to of ['picking', 'packed', 'shipped', 'delivered']) {
      const step = await as(t.app, t.admin).post(`/api/v1/fulfilment/tasks/${task.id}/advance`, { to })
      expect(step.statusCode, step.body).toBe(200)
    }
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 3, reserved: 0 })
    expect((await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json().status).toBe('completed')
  })

  it('an order not collected in time is cancelled: stock back on the shelf, payment refunded', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 4 } })
    const placed = (
      await as(t.app, f.keys.web).post('/api/v1/orders', {
        channel: f.channels.web.code,
        lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
        payments: [{ method: 'card', amount_cents: 1999 }],
      })
    ).json()
    const task = placed.tasks[0]
    for (const to of ['picking', 'packed', 'ready_for_pickup']) {
      await as(t.app, f.keys.store).post(`/api/v1/fulfilment/tasks/${task.id}/advance`, { to })
    }
    const ready = (await as(t.app, f.keys.store).get(`/api/v1/fulfilment/tasks/${task.id}`)).json()
    expect(ready.status).toBe('ready_for_pickup')
    // Not yet due: nothing happens.
    await expireUncollected(t.database.db)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 4, reserved: 1 })
    // Seven days later (the channel's default).
    await t.database.db.execute(
      sql`UPDATE fulfilment_task SET expires_at = now() - interval '1 minute' WHERE id = ${task.id}`,
    )
    expect(await expireUncollected(t.database.db)).toBe(1)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 4, reserved: 0 })
    const order = (await as(t.app, f.keys.web).get(`/api/v1/orders/${placed.id}`)).json()
    expect(order).toMatchObject({ status: 'cancelled', refunded_cents: 1999 })
    expect(order.events.map((e: { type: string }) => e.type)).toContain('pickup_expired')
    expect((await as(t.app, f.keys.store).get(`/api/v1/fulfilment/tasks/${task.id}`)).json().status).toBe(
      'expired',
    )
  })

  it('a cancelled order leaves the queues', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 3 } })
    const placed = (
      await as(t.app, f.keys.web).post('/api/v1/orders', {
        channel: f.channels.web.code,
        lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
        payments: [{ method: 'card', amount_cents: 1999 }],
      })
    ).json()
    const cancel = await as(t.app, f.keys.web).post(`/api/v1/orders/${placed.id}/cancel`, {
      reason: 'changed mind',
    })
    expect(cancel.statusCode, cancel.body).toBe(200)
    const task = (await as(t.app, f.keys.store).get(`/api/v1/fulfilment/tasks/${placed.tasks[0].id}`)).json()
    expect(task.status).toBe('cancelled')
    const queue = (await as(t.app, f.keys.store).get('/api/v1/fulfilment/tasks?limit=200')).json()
    expect(queue.data.map((x: { id: string }) => x.id)).not.toContain(task.id)
  })
})

describe('transfers', () => {
  it('click & collect of an item the store lacks: sent from a warehouse, received, then collected later', async () => {
    const sku = await f.product({ stock: { [f.warehouse2.id]: 5 } })
    const placed = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 3998 }],
    })
    expect(placed.statusCode, placed.body).toBe(201)
    const order = placed.json()
    expect(order.pickup_routing.transfers).toMatchObject([
      { from_location_id: f.warehouse2.id, to_location_id: f.store.id, lines: [{ line_no: 1, quantity: 2 }] },
    ])
    const send = order.tasks.find((x: { kind: string }) => x.kind === 'transfer')
    const collect = order.tasks.find((x: { kind: string }) => x.kind === 'collect')
    expect(send).toMatchObject({ location_id: f.warehouse2.id, status: 'allocated' })
    expect(collect).toMatchObject({ location_id: f.store.id, status: 'awaiting_stock' })
    // The later promise: the goods travel a day before the store can prepare them.
    expect(new Date(collect.promised_at).getTime()).toBeGreaterThan(
      new Date(send.promised_at).getTime() + 86_000_000,
    )
    expect(await stockAt(sku, f.warehouse2.id)).toMatchObject({ on_hand: 5, reserved: 2 })

    const admin = as(t.app, t.admin)
    for (const to of ['picking', 'packed', 'shipped']) {
      const res = await admin.post(`/api/v1/fulfilment/tasks/${send.id}/advance`, { to })
      expect(res.statusCode, res.body).toBe(200)
    }
    expect(await stockAt(sku, f.warehouse2.id)).toMatchObject({ on_hand: 3, reserved: 0 })
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 0, reserved: 0, in_transit: 2 })
    const incoming = (
      await as(t.app, f.keys.store).get('/api/v1/inventory/transfers?status=in_transit')
    ).json()
    const transfer = incoming.data.find((x: { order_id: string | null }) => x.order_id === order.id)
    expect(transfer).toMatchObject({ from_location_id: f.warehouse2.id, lines: [{ sku, quantity: 2 }] })

    // Only the receiving store receives it.
    const elsewhere = await as(t.app, f.keys.franchise).post(
      `/api/v1/inventory/transfers/${transfer.id}/receive`,
    )
    expect(elsewhere.statusCode).toBe(403)
    const received = await as(t.app, f.keys.store).post(`/api/v1/inventory/transfers/${transfer.id}/receive`)
    expect(received.statusCode, received.body).toBe(200)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 2, reserved: 2, in_transit: 0 })
    const again = await as(t.app, f.keys.store).post(`/api/v1/inventory/transfers/${transfer.id}/receive`)
    expect(again.statusCode).toBe(409)

    const staff = as(t.app, f.keys.store)
    expect((await staff.get(`/api/v1/fulfilment/tasks/${collect.id}`)).json().status).toBe('allocated')
    expect((await admin.get(`/api/v1/fulfilment/tasks/${send.id}`)).json().status).toBe('delivered')
    for (const to of ['picking', 'packed', 'ready_for_pickup']) {
      expect((await staff.post(`/api/v1/fulfilment/tasks/${collect.id}/advance`, { to })).statusCode).toBe(
        200,
      )
    }
    const handed = await staff.post(`/api/v1/fulfilment/tasks/${collect.id}/advance`, {
      to: 'collected',
      pickup_code: order.pickup_code,
    })
    expect(handed.statusCode, handed.body).toBe(200)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 0, reserved: 0 })
    const done = (await as(t.app, f.keys.web).get(`/api/v1/orders/${order.id}`)).json()
    expect(done).toMatchObject({
      status: 'completed',
      lines: [{ source_location_id: f.store.id, fulfilled_quantity: 2 }],
    })
  })

  it('a replenishment in transit leaves the source at once and reaches the store when received', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 20 } })
    const arrives = new Date(Date.now() + 2 * 86_400_000).toISOString()
    const sent = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 8 }],
      arrives_at: arrives,
    })
    expect(sent.statusCode, sent.body).toBe(201)
    expect(sent.json()).toMatchObject({ status: 'in_transit', expected_at: arrives })
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 12 })
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 0, in_transit: 8, available: 0 })
    const received = await as(t.app, f.keys.store).post(
      `/api/v1/inventory/transfers/${sent.json().reference}/receive`,
    )
    expect(received.statusCode, received.body).toBe(200)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 8, in_transit: 0, available: 8 })
    const ledger = (
      await as(t.app, t.admin).get(`/api/v1/inventory/${sku}/movements?location_id=${f.store.id}`)
    ).json()
    expect(ledger.data[0]).toMatchObject({ kind: 'transfer_in', on_hand_delta: 8 })
    // More than the source can promise is refused whole.
    const tooMuch = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 13 }],
      arrives_at: arrives,
    })
    expect(tooMuch.statusCode).toBe(409)
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 12 })
  })

  it('a pickup counts on units already in transit to the store, promised from their arrival', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 10 } })
    const arrives = new Date(Date.now() + 3 * 86_400_000)
    const sent = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 8 }],
      arrives_at: arrives.toISOString(),
    })
    expect(sent.statusCode, sent.body).toBe(201)
    const placed = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 3, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 5997 }],
    })
    expect(placed.statusCode, placed.body).toBe(201)
    const order = placed.json()
    expect(order.pickup_routing.transfers).toEqual([])
    expect(order.pickup_routing.incoming).toMatchObject([{ transfer_id: sent.json().reference, quantity: 3 }])
    expect(order.tasks).toMatchObject([
      { location_id: f.store.id, kind: 'collect', status: 'awaiting_stock' },
    ])
    expect(new Date(order.tasks[0].promised_at).getTime()).toBeGreaterThanOrEqual(arrives.getTime())
    // The warehouse holds nothing for it: the units are those on the road.
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 2, reserved: 0 })
    // Only 5 are still free on that transfer: a pickup of 6 is refused (no other stock anywhere).
    const tooMany = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 6, fulfilment: 'pickup', pickup_location_id: f.store.id }],
      payments: [{ method: 'card', amount_cents: 11994 }],
    })
    expect(tooMany.statusCode).toBe(409)

    const received = await as(t.app, f.keys.store).post(
      `/api/v1/inventory/transfers/${sent.json().reference}/receive`,
    )
    expect(received.statusCode, received.body).toBe(200)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 8, reserved: 3, available: 5 })
    const task = (await as(t.app, f.keys.store).get(`/api/v1/fulfilment/tasks/${order.tasks[0].id}`)).json()
    expect(task.status).toBe('allocated')
  })
})
