import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboxSize, recordedEvents } from '../events/events.fixture.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

// Each stock fact leaves one event per request (its lines summed per SKU), written with the movement.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const ofSku = async (locationOrTransfer: string, sku: string) =>
  (await recordedEvents(t.database.db, locationOrTransfer)).filter((e) =>
    e.payload.lines?.some((l: { sku: string }) => l.sku === sku),
  )

describe('the events of the stock', () => {
  it('a delivery received records one stock.received with its lines summed per SKU', async () => {
    const sku = await f.product()
    const other = await f.product()
    const res = await as(t.app, t.admin).post('/api/v1/inventory/receipts', {
      location_id: f.warehouse.id,
      lines: [
        { sku, quantity: 4 },
        { sku: other, quantity: 1 },
        { sku, quantity: 2 },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const [received, ...more] = await ofSku(f.warehouse.id, sku)
    expect(more).toEqual([])
    expect(received).toMatchObject({
      type: 'stock.received',
      aggregate_type: 'location',
      actor_kind: 'api_key',
      payload: {
        location_id: f.warehouse.id,
        lines: [
          { sku, quantity: 6 },
          { sku: other, quantity: 1 },
        ],
      },
    })
  })

  it('a correction records stock.adjusted with its delta; a count, stock.counted with what was counted', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 10 } })
    const store = as(t.app, f.keys.store)
    const broken = await store.post('/api/v1/inventory/adjustments', {
      location_id: f.store.id,
      sku,
      delta: -2,
      reason: 'casse en réserve',
    })
    expect(broken.statusCode, broken.body).toBe(201)
    const counted = await store.post('/api/v1/inventory/adjustments', {
      location_id: f.store.id,
      sku,
      counted_quantity: 7,
      reason: 'inventaire tournant',
    })
    expect(counted.statusCode, counted.body).toBe(201)
    const events = await ofSku(f.store.id, sku)
    expect(events.map((e) => [e.type, e.payload.lines])).toEqual([
      ['stock.received', [{ sku, quantity: 10 }]],
      ['stock.adjusted', [{ sku, delta: -2 }]],
      ['stock.counted', [{ sku, counted: 7, delta: -1 }]],
    ])
    // The reason is free text typed by staff: it stays in the ledger, not in the event.
    expect(JSON.stringify(events)).not.toContain('casse')
  })

  it('a correction refused (stock would go negative) records nothing', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 1 } })
    const before = await outboxSize(t.database.db)
    const res = await as(t.app, t.admin).post('/api/v1/inventory/adjustments', {
      location_id: f.store.id,
      sku,
      delta: -5,
      reason: 'vol',
    })
    expect(res.statusCode).toBe(422)
    expect(await outboxSize(t.database.db)).toBe(before)
  })

  it('an immediate transfer records shipped then received; a transfer in transit, shipped now and received on arrival', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 10 } })
    const now = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 3 }],
    })
    expect(now.statusCode, now.body).toBe(201)
    const id = now.json().reference
    const both = await recordedEvents(t.database.db, id)
    expect(both.map((e) => e.payload.stage)).toEqual(['shipped', 'received'])
    expect(both[0]).toMatchObject({
      type: 'stock.transferred',
      aggregate_type: 'transfer',
      payload: {
        transfer_id: id,
        from_location_id: f.warehouse.id,
        to_location_id: f.store.id,
        lines: [{ sku, quantity: 3 }],
      },
    })

    const later = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 2 }],
      arrives_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    expect(later.statusCode, later.body).toBe(201)
    const inTransit = later.json().reference
    expect((await recordedEvents(t.database.db, inTransit)).map((e) => e.payload.stage)).toEqual(['shipped'])
    const arrived = await as(t.app, f.keys.store).post(`/api/v1/inventory/transfers/${inTransit}/receive`)
    expect(arrived.statusCode, arrived.body).toBe(200)
    const before = await outboxSize(t.database.db)
    const twice = await as(t.app, f.keys.store).post(`/api/v1/inventory/transfers/${inTransit}/receive`)
    expect(twice.statusCode).toBe(409)
    expect(await outboxSize(t.database.db)).toBe(before)
    expect((await recordedEvents(t.database.db, inTransit)).map((e) => e.payload.stage)).toEqual([
      'shipped',
      'received',
    ])
  })

  it('a transfer refused for want of stock records nothing, sent now or to arrive later', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 1 } })
    const before = await outboxSize(t.database.db)
    const body = {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 5 }],
    }
    const now = await as(t.app, t.admin).post('/api/v1/inventory/transfers', body)
    expect(now.statusCode).toBe(409)
    expect(now.json().error.code).toBe('insufficient_stock')
    // This one's statement writes the transfer and its event, then the service refuses: all rolls back.
    const later = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      ...body,
      arrives_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    expect(later.statusCode).toBe(409)
    expect(await outboxSize(t.database.db)).toBe(before)
  })
})
