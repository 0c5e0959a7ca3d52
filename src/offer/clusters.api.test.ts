import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let cluster: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  cluster = `city-${unique()}`.toLowerCase()
  // Lyon is a small city store; Nice has no cluster and carries its channel's whole offer.
  const res = await f.admin.patch(`/api/v1/locations/${f.store.id}`, { cluster })
  expect(res.statusCode, res.body).toBe(200)
  expect(res.json().cluster).toBe(cluster)
})
afterAll(() => t.close())

const sale = (key: string, sku: string, fulfilment = 'takeaway', amount = 1999) =>
  as(t.app, key).post('/api/v1/orders', {
    channel: f.channels.store.code,
    lines: [{ sku, quantity: 1, fulfilment }],
    ...(fulfilment === 'delivery' ? { delivery_address: address } : {}),
    payments: [{ method: 'card', amount_cents: amount }],
  })

describe('store clusters', () => {
  it('a category a cluster does not carry cannot be sold from its shelves, yet can be ordered for delivery; other stores sell it', async () => {
    const category = `bulky-${unique()}`
    const sku = await f.product({
      category,
      stock: { [f.store.id]: 3, [f.franchise.id]: 3, [f.warehouse.id]: 3 },
    })
    const noReason = await f.admin.put('/api/v1/offer/cluster-listings', { cluster, category, listed: false })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details.field).toBe('reason')
    const rule = await f.admin.put('/api/v1/offer/cluster-listings', {
      cluster,
      category,
      listed: false,
      reason: 'no room for furniture in city stores',
    })
    expect(rule.statusCode, rule.body).toBe(200)

    const refused = await sale(f.keys.store, sku)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toMatchObject({
      code: 'not_in_assortment',
      details: { field: 'lines/0/sku' },
    })
    expect(refused.json().error.message).toContain('endless aisle')
    expect((await sale(f.keys.store, sku, 'delivery')).statusCode).toBe(201)
    expect((await sale(f.keys.franchise, sku)).statusCode).toBe(201)

    // A product rule wins over its category's: this one the city stores do carry.
    const product = await f.admin.get(`/api/v1/variants?sku=${sku}`)
    const carried = await f.admin.put('/api/v1/offer/cluster-listings', {
      cluster,
      product: product.json().product_code,
      listed: true,
    })
    expect(carried.statusCode, carried.body).toBe(200)
    expect((await sale(f.keys.store, sku)).statusCode).toBe(201)
    const rules = (await f.admin.get(`/api/v1/offer/cluster-listings?cluster=${cluster}`)).json().data
    expect(rules).toHaveLength(2)
  })

  it('a cluster’s own price list prices its stores’ sales; other stores keep the channel’s prices', async () => {
    const sku = await f.product({ priceCents: 1999, stock: { [f.store.id]: 3, [f.franchise.id]: 3 } })
    const code = `CITY-${unique()}`.toUpperCase()
    const list = await f.admin.post('/api/v1/price-lists', { code, name: 'City stores' })
    expect(list.statusCode, list.body).toBe(201)
    const priced = await f.admin.put(`/api/v1/price-lists/${code}/prices`, {
      prices: [{ sku, amount_cents: 2199 }],
    })
    expect(priced.statusCode, priced.body).toBe(200)
    const linked = await f.admin.put('/api/v1/offer/cluster-price-lists', {
      channel: f.channels.store.code,
      cluster,
      price_list: code,
    })
    expect(linked.statusCode, linked.body).toBe(200)

    expect((await sale(f.keys.store, sku, 'takeaway', 1999)).json().error.code).toBe('payment_mismatch')
    const city = await sale(f.keys.store, sku, 'takeaway', 2199)
    expect(city.statusCode, city.body).toBe(201)
    expect(city.json().lines[0].unit_price_cents).toBe(2199)
    expect((await sale(f.keys.franchise, sku, 'takeaway', 1999)).statusCode).toBe(201)

    const resolved = await f.admin.post('/api/v1/offer/prices/resolve', {
      channel: f.channels.store.code,
      skus: [sku],
      store: f.store.id,
    })
    expect(resolved.json()).toMatchObject({ prices: [{ sku, price_cents: 2199 }] })
    const unlinked = await f.admin.delete(
      `/api/v1/offer/cluster-price-lists/${f.channels.store.code}/${cluster}`,
    )
    expect(unlinked.statusCode).toBe(204)
    expect((await sale(f.keys.store, sku, 'takeaway', 1999)).statusCode).toBe(201)
  })
})
