import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toEan13 } from '../catalog/index.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

/** A product of a category of its own, priced everywhere, listed only in the channels named. */
async function product(category: string, listedIn: string[]) {
  const code = `${f.prefix}-A${unique()}`
  const sku = `${code}-S`
  const prices = Object.fromEntries(Object.values(f.channels).map((c) => [c.price_list.code, 2500]))
  const res = await as(t.app, t.admin).post('/api/v1/products', {
    code,
    name: `Produit ${code}`,
    category,
    vat_rate: 20,
    variants: [{ sku, ean: toEan13(`${Math.floor(Math.random() * 1e12)}`.padStart(12, '0')), prices }],
    channels: listedIn,
  })
  expect(res.statusCode, res.body).toBe(201)
  for (const location of [f.store.id, f.warehouse.id]) {
    await as(t.app, t.admin).post('/api/v1/inventory/receipts', {
      location_id: location,
      lines: [{ sku, quantity: 10 }],
    })
  }
  return { id: res.json().id as string, code, sku }
}

const report = async () =>
  (await as(t.app, t.admin).get('/api/v1/offer/assortment-report?limit=200')).json().data

describe('assortment strategies', () => {
  it('a selective web-only product is not sold over the counter, but a till orders it home through the endless aisle', async () => {
    const category = `webonly-${unique()}`
    const p = await product(category, [f.channels.web.code])
    const set = await as(t.app, t.admin).put(`/api/v1/offer/assortment-strategies/${category}`, {
      strategy: 'selective',
      endless_aisle: true,
    })
    expect(set.statusCode, set.body).toBe(200)
    const carried = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku: p.sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 2500 }],
    })
    expect(carried.statusCode).toBe(422)
    expect(carried.json().error).toMatchObject({
      code: 'not_in_assortment',
      details: { field: 'lines/0/sku' },
    })
    expect(carried.json().error.message).toMatch(/endless aisle/)
    const home = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku: p.sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 2500 }],
    })
    expect(home.statusCode, home.body).toBe(201)

    await as(t.app, t.admin).put(`/api/v1/offer/assortment-strategies/${category}`, {
      strategy: 'selective',
      endless_aisle: false,
    })
    const closed = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku: p.sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 2500 }],
    })
    expect(closed.statusCode).toBe(422)
    expect(closed.json().error.code).toBe('not_in_assortment')
    // Channels selling the same selective product compete: reported as an overlap.
    expect((await report()).some((r: { product_id: string }) => r.product_id === p.id)).toBe(false)
    const both = await product(category, [f.channels.web.code, f.channels.store.code])
    expect((await report()).find((r: { product_id: string }) => r.product_id === both.id)).toMatchObject({
      rule: 'overlap',
      channels: expect.arrayContaining([f.channels.web.code, f.channels.store.code]),
    })
  })

  it('a cross-channel product missing from a channel is reported until the exclusion is justified', async () => {
    const category = `everywhere-${unique()}`
    const everywhere = Object.values(f.channels).map((c) => c.code as string)
    const p = await product(
      category,
      everywhere.filter((c) => c !== f.channels.partner.code),
    )
    await as(t.app, t.admin).put(`/api/v1/offer/assortment-strategies/${category}`, {
      strategy: 'cross_channel',
    })
    expect((await report()).find((r: { product_id: string }) => r.product_id === p.id)).toEqual({
      rule: 'unjustified_exclusion',
      product_id: p.id,
      code: p.code,
      category,
      channels: [f.channels.partner.code],
    })
    const bad = await as(t.app, t.admin).put('/api/v1/offer/assortment-exclusions', {
      channel: f.channels.partner.code,
      product: p.code,
      reason: 'because',
    })
    expect(bad.statusCode).toBe(400)
    const justified = await as(t.app, t.admin).put('/api/v1/offer/assortment-exclusions', {
      channel: f.channels.partner.code,
      product: p.code,
      reason: 'brand_restriction',
      note: 'The brand does not allow marketplaces.',
    })
    expect(justified.statusCode, justified.body).toBe(200)
    expect((await report()).some((r: { product_id: string }) => r.product_id === p.id)).toBe(false)
    // The product may follow another strategy than its category's.
    const own = await as(t.app, t.admin).put(`/api/v1/offer/products/${p.code}/assortment-strategy`, {
      strategy: 'selective',
    })
    expect(own.statusCode, own.body).toBe(200)
    expect((await report()).find((r: { product_id: string }) => r.product_id === p.id)).toMatchObject({
      rule: 'overlap',
    })
    const byStore = await as(t.app, f.keys.store).put(`/api/v1/offer/assortment-strategies/${category}`, {
      strategy: 'selective',
    })
    expect(byStore.statusCode).toBe(403)
    const unknown = await as(t.app, t.admin).put('/api/v1/offer/assortment-strategies/no-such-category', {
      strategy: 'selective',
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.field).toBe('category')
  })
})
