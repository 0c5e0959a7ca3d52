import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { loyaltyKit } from '../testing/loyalty.fixture.ts'
import { propertyRuns } from '../testing/property-runs.ts'
import { deliverAsAWorkerMight, deliverySchedules } from '../testing/redelivery.ts'
import { settle } from '../testing/settle.ts'
import { earnOnCompletion } from './earning.consumer.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ priceCents: 5000, stock: { [f.store.id]: 100, [f.warehouse.id]: 100 } })
})
afterAll(() => t.close())

async function member() {
  const res = await as(t.app, t.admin).post('/api/v1/customers', {
    first_name: 'Inès',
    last_name: `Martin${unique()}`,
    email: `ines.${unique().toLowerCase()}@example.fr`,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

const balance = async (id: string) =>
  (await as(t.app, f.keys.store).get(`/api/v1/customers/${id}/loyalty`)).json()

/** A web order of the one product by the customer, logged in on the web shop. */
const webOrder = (customerId: string, payments: Array<Record<string, unknown>>) =>
  loyaltyKit(t, f).webOrder(customerId, sku, payments)

describe('loyalty earned and spent anywhere', () => {
  it('points earned at the till pay part of a web order', async () => {
    const id = await member()
    const till = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      customer_id: id,
      lines: [{ sku, quantity: 3, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 15000 }],
    })
    expect(till.statusCode, till.body).toBe(201)
    expect(till.json().status).toBe('completed')
    // The points are earned a moment after the sale, from its `order.completed`.
    await settle(t.database.db)
    expect(await balance(id)).toMatchObject({
      balance: 150,
      worth_cents: 750,
      entries: [{ kind: 'earn', points: 150 }],
    })

    // 100 points pay 5 € of a 50 € web order; the rest by card.
    const web = await webOrder(id, [
      { method: 'loyalty_points', amount_cents: 500 },
      { method: 'card', amount_cents: 4500 },
    ])
    expect(web.statusCode, web.body).toBe(201)
    const after = await balance(id)
    expect(after.balance).toBe(50)
    expect(after.entries[0]).toMatchObject({ kind: 'burn', points: -100, order_id: web.json().id })
    // The ledger explains the balance.
    expect(after.entries.reduce((n: number, e: { points: number }) => n + e.points, 0)).toBe(after.balance)
  })

  it('cannot spend more than the balance, nor a fraction of a point, and writes nothing then', async () => {
    const id = await member()
    await as(t.app, t.admin).post(`/api/v1/customers/${id}/loyalty/adjustments`, {
      points: 40,
      reason: 'welcome',
    })
    const tooMuch = await webOrder(id, [
      { method: 'loyalty_points', amount_cents: 250 },
      { method: 'card', amount_cents: 4750 },
    ])
    expect(tooMuch.statusCode).toBe(409)
    expect(tooMuch.json().error).toMatchObject({
      code: 'insufficient_points',
      details: { balance: 40, requested: 50 },
    })
    const fraction = await webOrder(id, [
      { method: 'loyalty_points', amount_cents: 3 },
      { method: 'card', amount_cents: 4997 },
    ])
    expect(fraction.statusCode).toBe(400)
    expect((await balance(id)).balance).toBe(40)
    const orders = (await as(t.app, t.admin).get(`/api/v1/orders?customer_id=${id}`)).json()
    expect(orders.data).toHaveLength(0)
    const below = await as(t.app, t.admin).post(`/api/v1/customers/${id}/loyalty/adjustments`, {
      points: -41,
      reason: 'error',
    })
    expect(below.statusCode).toBe(409)
  })

  it('of two orders spending the same points at once, exactly one succeeds', async () => {
    const id = await member()
    await as(t.app, t.admin).post(`/api/v1/customers/${id}/loyalty/adjustments`, {
      points: 100,
      reason: 'gift',
    })
    const spend = () =>
      webOrder(id, [
        { method: 'loyalty_points', amount_cents: 500 },
        { method: 'card', amount_cents: 4500 },
      ])
    const results = await Promise.all([spend(), spend(), spend()])
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
    expect((await balance(id)).balance).toBe(0)
  })

  it('a cancelled order gives its points back', async () => {
    const id = await member()
    await as(t.app, t.admin).post(`/api/v1/customers/${id}/loyalty/adjustments`, {
      points: 200,
      reason: 'gift',
    })
    const placed = await webOrder(id, [
      { method: 'loyalty_points', amount_cents: 1000 },
      { method: 'card', amount_cents: 4000 },
    ])
    expect((await balance(id)).balance).toBe(0)
    const cancelled = await as(t.app, f.keys.web).post(`/api/v1/orders/${placed.json().id}/cancel`, {
      reason: 'oops',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    const after = await balance(id)
    expect(after.balance).toBe(200)
    expect(after.entries[0]).toMatchObject({ kind: 'reversal', points: 200 })
  })

  it('a completed sale earns its points once, whatever the redeliveries and however many workers at once', async () => {
    await fc.assert(
      fc.asyncProperty(deliverySchedules, async (schedule) => {
        const id = await member()
        const till = await as(t.app, f.keys.store).post('/api/v1/orders', {
          channel: f.channels.store.code,
          customer_id: id,
          lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
          payments: [{ method: 'card', amount_cents: 5000 }],
        })
        expect(till.statusCode, till.body).toBe(201)
        await deliverAsAWorkerMight(t.database.db, earnOnCompletion, till.json().id, schedule)
        const after = await balance(id)
        expect(after.entries).toEqual([
          expect.objectContaining({ kind: 'earn', points: 50, order_id: till.json().id }),
        ])
        expect(after.balance).toBe(50)
      }),
      { numRuns: propertyRuns(8) },
    )
  })
})
