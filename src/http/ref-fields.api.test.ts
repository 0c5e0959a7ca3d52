import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

// People name stores and channels by the codes printed on their screens; every request takes them.
let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const levelAt = async (sku: string, locationId: string) => {
  const res = await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)
  const level = res.json().levels.find((l: { location_id: string }) => l.location_id === locationId)
  return level ?? { on_hand: 0, reserved: 0, available: 0 }
}

describe('naming a store by its code in an order', () => {
  it('click & collect at a store named by its code reserves the stock in that store', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 3 } })
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.code }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().lines[0]).toMatchObject({
      source_location_id: f.store.id,
      pickup_location_id: f.store.id,
    })
    expect(await levelAt(sku, f.store.id)).toMatchObject({ on_hand: 3, reserved: 1 })
  })

  it('head office records a till sale in a store named by its code', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    const res = await as(t.app, t.admin).post('/api/v1/orders', {
      channel: f.channels.store.code,
      store_id: f.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().store_id).toBe(f.store.id)
    const listed = await as(t.app, t.admin).get(
      `/api/v1/orders?location_id=${f.store.code}&channel_id=${f.channels.store.code}`,
    )
    expect(listed.statusCode, listed.body).toBe(200)
    expect(listed.json().data.map((o: { id: string }) => o.id)).toContain(res.json().id)
  })

  it('an unknown store code is a 400 naming the field, and nothing is reserved', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 2 } })
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: 'STO-NOWHERE' }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('lines/0/pickup_location_id')
    expect(res.json().error.message).toContain('unknown location code STO-NOWHERE')
    expect(await levelAt(sku, f.store.id)).toMatchObject({ on_hand: 2, reserved: 0 })
  })
})

describe('naming locations by their codes in stock work', () => {
  it('goods are received, moved and counted at locations named by their codes', async () => {
    const sku = await f.product()
    const admin = as(t.app, t.admin)
    const received = await admin.post('/api/v1/inventory/receipts', {
      location_id: f.warehouse.code,
      lines: [{ sku, quantity: 6 }],
    })
    expect(received.statusCode, received.body).toBe(201)
    const moved = await admin.post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.code,
      to_location_id: f.store.code,
      lines: [{ sku, quantity: 2 }],
    })
    expect(moved.statusCode, moved.body).toBe(201)
    expect(await levelAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 4 })
    expect(await levelAt(sku, f.store.id)).toMatchObject({ on_hand: 2 })
    const atStore = await admin.get(`/api/v1/inventory?location_id=${f.store.code}&limit=200`)
    expect(atStore.statusCode, atStore.body).toBe(200)
    expect(atStore.json().data.map((l: { sku: string }) => l.sku)).toContain(sku)
    const available = await admin.get(
      `/api/v1/availability?channel=${f.channels.web.code}&skus=${sku}&location=${f.store.code}`,
    )
    expect(available.statusCode, available.body).toBe(200)
    expect(available.json().items[0].available).toBe(2)
  })

  it('a receipt at an unknown location code is a 400 naming location_id', async () => {
    const sku = await f.product()
    const res = await as(t.app, t.admin).post('/api/v1/inventory/receipts', {
      location_id: 'WH-NOWHERE',
      lines: [{ sku, quantity: 1 }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('location_id')
    expect(res.json().error.message).toContain('unknown location code WH-NOWHERE')
  })
})
