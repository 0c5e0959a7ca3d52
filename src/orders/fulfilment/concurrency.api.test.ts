import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

async function level(sku: string, locationId: string) {
  const res = await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)
  return (
    res.json().levels as Array<{ location_id: string; on_hand: number; reserved: number; in_transit: number }>
  ).find((l) => l.location_id === locationId)
}

const statuses = (list: Array<{ statusCode: number }>) => list.map((r) => r.statusCode).sort()

describe('fulfilment under concurrent requests', () => {
  it('a transfer received twice at once goes on hand once', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 10 } })
    const sent = await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 6 }],
      arrives_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    const id = sent.json().reference
    const both = await Promise.all(
      [0, 1].map(() => as(t.app, f.keys.store).post(`/api/v1/inventory/transfers/${id}/receive`)),
    )
    expect(statuses(both)).toEqual([200, 409])
    expect(await level(sku, f.store.id)).toMatchObject({ on_hand: 6, in_transit: 0 })
  })

  it('two pickups racing for the same units in transit: one keeps them, the other is refused', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 5 } })
    await as(t.app, t.admin).post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 5 }],
      arrives_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    const order = () =>
      as(t.app, f.keys.web).post('/api/v1/orders', {
        channel: f.channels.web.code,
        lines: [{ sku, quantity: 4, fulfilment: 'pickup', pickup_location_id: f.store.id }],
        payments: [{ method: 'card', amount_cents: 7996 }],
      })
    const both = await Promise.all([order(), order()])
    expect(statuses(both)).toEqual([201, 409])
    const transfers = (
      await as(t.app, t.admin).get(`/api/v1/inventory/transfers?location=${f.store.id}`)
    ).json()
    const lines = transfers.data.flatMap(
      (x: { lines: Array<{ sku: string; quantity: number; order_line_id: string | null }> }) =>
        x.lines.filter((l) => l.sku === sku),
    )
    expect(lines.reduce((n: number, l: { quantity: number }) => n + l.quantity, 0)).toBe(5)
    expect(
      lines
        .filter((l: { order_line_id: string | null }) => l.order_line_id)
        .map((l: { quantity: number }) => l.quantity),
    ).toEqual([4])
  })

  it('a task advanced twice at once takes the step once', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 5 } })
    const placed = (
      await as(t.app, f.keys.web).post('/api/v1/orders', {
        channel: f.channels.web.code,
        lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.store.id }],
        payments: [{ method: 'card', amount_cents: 1999 }],
      })
    ).json()
    const task = placed.tasks[0].id
    const both = await Promise.all(
      [0, 1].map(() =>
        as(t.app, f.keys.store).post(`/api/v1/fulfilment/tasks/${task}/advance`, { to: 'picking' }),
      ),
    )
    expect(statuses(both)).toEqual([200, 409])
    const events = (await as(t.app, f.keys.store).get(`/api/v1/fulfilment/tasks/${task}`)).json().events
    expect(events).toHaveLength(1)
  })

  it('a line rejected twice at once is written off once', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 5 } })
    const placed = (
      await as(t.app, f.keys.web).post('/api/v1/orders', {
        channel: f.channels.web.code,
        lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
        delivery_address: { name: 'A', line1: 'B', postcode: '45000', city: 'Orléans', country: 'FR' },
        payments: [{ method: 'card', amount_cents: 3998 }],
      })
    ).json()
    const reject = () =>
      as(t.app, t.admin).post(`/api/v1/fulfilment/tasks/${placed.tasks[0].id}/reject`, {
        line_id: placed.lines[0].id,
        quantity: 2,
        reason: 'damaged',
      })
    const both = await Promise.all([reject(), reject()])
    expect(statuses(both)[0]).toBe(200)
    expect(statuses(both)[1]).toBeGreaterThanOrEqual(400)
    expect(await level(sku, f.warehouse.id)).toMatchObject({ on_hand: 3, reserved: 0 })
    const order = (await as(t.app, t.admin).get(`/api/v1/orders/${placed.id}`)).json()
    expect(order.refunded_cents).toBe(3998)
  })
})
