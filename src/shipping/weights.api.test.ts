import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toEan13 } from '../catalog/index.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { carrierFixture, type TestService } from '../testing/shipping.fixture.ts'

// Variants carry their shipping weight: orders that do not send `weight_g` and parcels not weighed
// at the packing bench are priced from it (docs/shipping.md). Rates: 4.50 € up to 1 kg, 6.90 € up to
// 5 kg, 12.90 € up to 30 kg; fees 4.90 / 6.90 / 9.90 €.

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let home: TestService
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  ;({ home } = await carrierFixture(t, f))
})
afterAll(() => t.close())

let n = 0
const ean = () =>
  toEan13(`${Math.floor(Math.random() * 1e9)}`.padStart(9, '0') + String(++n).padStart(3, '0'))

describe('the weight of a variant', () => {
  it('is set when the variant is created, shown with it, and refused when not a whole number of grams', async () => {
    const sku = `${f.prefix}-W1`
    const res = await as(t.app, t.admin).post('/api/v1/products', {
      code: `${f.prefix}-WP1`,
      name: 'Cocotte en fonte',
      category: 'kitchen',
      vat_rate: 20,
      variants: [
        { sku, ean: ean(), weight_g: 4_200 },
        { sku: `${sku}-X`, ean: ean() },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().variants.map((v: { weight_g: number | null }) => v.weight_g)).toEqual([4_200, null])
    const read = await as(t.app, t.admin).get(`/api/v1/products/${f.prefix}-WP1`)
    expect(read.json().variants[0].weight_g).toBe(4_200)
    const scanned = await as(t.app, t.admin).get(`/api/v1/variants?sku=${sku}`)
    expect(scanned.json().weight_g).toBe(4_200)

    const bad = await as(t.app, t.admin).post('/api/v1/products', {
      code: `${f.prefix}-WP2`,
      name: 'Plume',
      category: 'kitchen',
      vat_rate: 20,
      variants: [{ sku: `${f.prefix}-W2`, ean: ean(), weight_g: 0 }],
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.field).toContain('weight_g')
  })

  it('is a column of the product import and export; a weight that is not grams refuses its row only', async () => {
    const sku = `${f.prefix}-WB1`
    const file = [
      'product_code;product_name;category;vat_rate;sku;ean;weight_g',
      `${f.prefix}-WBP;Plaid en laine;textile;20;${sku};${ean()};850`,
      `${f.prefix}-WBQ;Coussin;textile;20;${f.prefix}-WB2;${ean()};1,5 kg`,
    ].join('\n')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/products',
      payload: file,
      headers: { authorization: `Bearer ${t.admin}`, 'content-type': 'text/csv; charset=utf-8' },
    })
    expect(res.statusCode, res.body).toBe(200)
    const report = res.json()
    expect(report.created).toBe(1)
    expect(JSON.stringify(report.refused)).toContain('weight_g')
    const product = (await as(t.app, t.admin).get(`/api/v1/products/${f.prefix}-WBP`)).json()
    expect(product.variants[0].weight_g).toBe(850)

    // Re-imported without the column, the weight is kept; with it, changed.
    const again = (weight: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/products',
        payload: `product_code;product_name;category;vat_rate;sku;ean;weight_g\n${f.prefix}-WBP;Plaid en laine;textile;20;${sku};${product.variants[0].ean};${weight}`,
        headers: { authorization: `Bearer ${t.admin}`, 'content-type': 'text/csv; charset=utf-8' },
      })
    expect((await again('')).statusCode).toBe(200)
    expect(
      (await as(t.app, t.admin).get(`/api/v1/products/${f.prefix}-WBP`)).json().variants[0].weight_g,
    ).toBe(850)
    expect((await again('900')).statusCode).toBe(200)
    expect(
      (await as(t.app, t.admin).get(`/api/v1/products/${f.prefix}-WBP`)).json().variants[0].weight_g,
    ).toBe(900)

    const exported = await as(t.app, t.admin).get('/api/v1/exports/products?format=csv')
    expect(exported.statusCode).toBe(200)
    const header = exported.body.split('\n')[0]!
    const row = exported.body.split('\n').find((l: string) => l.includes(sku))!
    const col = header.split(',').indexOf('weight_g')
    expect(col, header).toBeGreaterThan(0)
    expect(row.split(',')[col]).toBe('900')
  })
})

describe('delivery priced from the catalogue’s weights', () => {
  it('an order that does not send its weight pays the fee of its units’ weight', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 10 }, weightG: 1_400 })
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
      delivery_address: address,
      delivery: { service: home.code },
      payments: [{ method: 'card', amount_cents: 2 * 1999 + 690 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    // 2 × 1.4 kg = 2.8 kg: the 1–5 kg band, 6.90 € to the customer, 6.90 € from the carrier.
    expect(order.delivery_fee.total_cents).toBe(690)
    expect(order.routing.delivery).toMatchObject({ weight_g: 2_800, carrier_cost_cents: 690 })
  })

  it('a split order pays each parcel at the rate of its own weight', async () => {
    // The warehouse holds the heavy item only, a store the light one: two parcels.
    const heavy = await f.product({ stock: { [f.warehouse.id]: 5 }, weightG: 6_000 })
    const light = await f.product({ stock: { [f.warehouse2.id]: 5 }, weightG: 300 })
    const res = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [
        { sku: heavy, quantity: 1, fulfilment: 'delivery' },
        { sku: light, quantity: 1, fulfilment: 'delivery' },
      ],
      delivery_address: address,
      delivery: { service: home.code },
      payments: [{ method: 'card', amount_cents: 2 * 1999 + 990 }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    const costs = order.routing.shipments.map(
      (s: { cost: { shipment_cents: number } }) => s.cost.shipment_cents,
    )
    expect(costs.sort()).toEqual([1290, 450])
    expect(order.routing.delivery.carrier_cost_cents).toBe(1290 + 450)
  })

  it('a parcel not weighed at the bench weighs its units; a SKU without weight asks for the weight', async () => {
    const sku = await f.product({ stock: { [f.warehouse.id]: 10 }, weightG: 700 })
    const order = (
      await as(t.app, f.keys.web).post('/api/v1/orders', {
        channel: f.channels.web.code,
        lines: [{ sku, quantity: 3, fulfilment: 'delivery' }],
        delivery_address: address,
        payments: [{ method: 'card', amount_cents: 3 * 1999 }],
      })
    ).json()
    const box = { length_mm: 300, width_mm: 200, height_mm: 150 }
    const packed = await as(t.app, t.admin).post('/api/v1/parcels', {
      task_id: order.tasks[0].id,
      service: home.code,
      lines: [{ order_line_id: order.lines[0].id, quantity: 3 }],
      ...box,
    })
    expect(packed.statusCode, packed.body).toBe(201)
    expect(packed.json()).toMatchObject({ weight_g: 2_100, cost_cents: 690 })

    const unweighed = await f.product({ stock: { [f.warehouse.id]: 10 } })
    const other = (
      await as(t.app, f.keys.web).post('/api/v1/orders', {
        channel: f.channels.web.code,
        lines: [{ sku: unweighed, quantity: 1, fulfilment: 'delivery' }],
        delivery_address: address,
        payments: [{ method: 'card', amount_cents: 1999 }],
      })
    ).json()
    const refused = await as(t.app, t.admin).post('/api/v1/parcels', {
      task_id: other.tasks[0].id,
      service: home.code,
      lines: [{ order_line_id: other.lines[0].id, quantity: 1 }],
      ...box,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error).toMatchObject({ code: 'invalid_input', details: { field: 'weight_g' } })
    expect(refused.json().error.message).toContain(unweighed)
  })
})
