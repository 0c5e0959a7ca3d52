import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let sku: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  sku = await f.product({ stock: { [f.store.id]: 50, [f.franchise.id]: 50, [f.warehouse.id]: 50 } })
})
afterAll(() => t.close())

const tillSale = (storeId?: string) => ({
  channel: f.channels.store.code,
  ...(storeId ? { store_id: storeId } : {}),
  lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
  payments: [{ method: 'card', amount_cents: 1999 }],
})

describe('what each role may do with orders', () => {
  it('a store key sells at its own till but not for another store nor through the web', async () => {
    const own = await as(t.app, f.keys.store).post('/api/v1/orders', tillSale())
    expect(own.statusCode, own.body).toBe(201)
    const other = await as(t.app, f.keys.store).post('/api/v1/orders', tillSale(f.franchise.id))
    expect(other.statusCode).toBe(403)
    const web = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(web.statusCode).toBe(403)
  })

  it('the web shop sells only through its own channel and may not discount', async () => {
    const till = await as(t.app, f.keys.web).post('/api/v1/orders', tillSale(f.store.id))
    expect(till.statusCode).toBe(403)
    const discounted = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery', discount_cents: 500 }],
      delivery_address: address,
      payments: [{ method: 'card', amount_cents: 1499 }],
    })
    expect(discounted.statusCode).toBe(403)
  })

  it('a store key sees its own orders only, and the web key only web orders', async () => {
    const mine = (await as(t.app, f.keys.store).post('/api/v1/orders', tillSale())).json()
    const theirs = (await as(t.app, f.keys.franchise).post('/api/v1/orders', tillSale())).json()
    expect((await as(t.app, f.keys.store).get(`/api/v1/orders/${mine.id}`)).statusCode).toBe(200)
    expect((await as(t.app, f.keys.store).get(`/api/v1/orders/${theirs.id}`)).statusCode).toBe(404)
    expect((await as(t.app, f.keys.web).get(`/api/v1/orders/${mine.id}`)).statusCode).toBe(404)
    expect((await as(t.app, f.keys.callCentre).get(`/api/v1/orders/${theirs.id}`)).statusCode).toBe(200)
    const listed = (await as(t.app, f.keys.store).get('/api/v1/orders?limit=200')).json().data
    expect(listed.map((o: { id: string }) => o.id)).toContain(mine.id)
    expect(listed.map((o: { id: string }) => o.id)).not.toContain(theirs.id)
  })

  it('only the location holding the goods hands them over; channels never fulfil', async () => {
    const order = (
      await as(t.app, f.keys.web).post('/api/v1/orders', {
        channel: f.channels.web.code,
        lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.franchise.id }],
        payments: [{ method: 'card', amount_cents: 1999 }],
      })
    ).json()
    const body = { lines: [{ line_id: order.lines[0].id, quantity: 1 }] }
    expect((await as(t.app, f.keys.web).post(`/api/v1/orders/${order.id}/fulfil`, body)).statusCode).toBe(403)
    expect((await as(t.app, f.keys.store).post(`/api/v1/orders/${order.id}/fulfil`, body)).statusCode).toBe(
      404,
    )
    expect(
      (await as(t.app, f.keys.franchise).post(`/api/v1/orders/${order.id}/fulfil`, body)).statusCode,
    ).toBe(200)
  })

  it('stock is managed by admin and by each store for itself only', async () => {
    const adjust = (locationId: string) => ({ location_id: locationId, sku, delta: -1, reason: 'breakage' })
    expect(
      (await as(t.app, f.keys.store).post('/api/v1/inventory/adjustments', adjust(f.store.id))).statusCode,
    ).toBe(201)
    expect(
      (await as(t.app, f.keys.store).post('/api/v1/inventory/adjustments', adjust(f.franchise.id)))
        .statusCode,
    ).toBe(403)
    expect(
      (await as(t.app, f.keys.web).post('/api/v1/inventory/adjustments', adjust(f.store.id))).statusCode,
    ).toBe(403)
    expect((await as(t.app, f.keys.callCentre).get(`/api/v1/inventory/${sku}`)).statusCode).toBe(200)
    expect((await as(t.app, f.keys.web).get(`/api/v1/inventory/${sku}`)).statusCode).toBe(403)
  })
})

describe('bad input is refused with the field named and nothing written', () => {
  const countOrders = async () =>
    (await as(t.app, t.admin).get('/api/v1/orders?limit=200')).json().data.length
  const stock = async () => (await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)).json().levels

  it.each([
    ['no lines', { lines: [] }, 'body/lines'],
    [
      'a zero quantity',
      { lines: [{ sku: 'X', quantity: 0, fulfilment: 'takeaway' }] },
      'body/lines/0/quantity',
    ],
    [
      'an unknown fulfilment',
      { lines: [{ sku: 'X', quantity: 1, fulfilment: 'drone' }] },
      'body/lines/0/fulfilment',
    ],
    ['an unknown field', { colour: 'red' }, 'body/colour'],
    [
      'a negative payment',
      { payments: [{ method: 'card', amount_cents: -5 }] },
      'body/payments/0/amount_cents',
    ],
  ])('placing an order with %s', async (_name, patch, field) => {
    const before = [await countOrders(), await stock()]
    const res = await as(t.app, f.keys.store).post('/api/v1/orders', { ...tillSale(), ...patch })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('invalid_input')
    expect(res.json().error.details.field).toBe(field)
    expect([await countOrders(), await stock()]).toEqual(before)
  })

  it.each([
    ['an unknown SKU', { lines: [{ sku: 'NOPE', quantity: 1, fulfilment: 'takeaway' }] }, 400, 'lines/0/sku'],
    [
      'a delivery without address',
      { lines: [{ sku: 'S', quantity: 1, fulfilment: 'delivery' }], payments: [] },
      400,
      'delivery_address',
    ],
    ['payments that do not add up', { payments: [{ method: 'card', amount_cents: 100 }] }, 422, 'payments'],
    [
      'a pickup at a warehouse',
      { lines: [{ sku: 'S', quantity: 1, fulfilment: 'pickup', pickup_location_id: 'WH' }], payments: [] },
      400,
      'lines/0/pickup_location_id',
    ],
  ])('placing an order with %s', async (_name, patch, status, field) => {
    const body = JSON.parse(
      JSON.stringify({ ...tillSale(), ...patch })
        .replaceAll('"S"', JSON.stringify(sku))
        .replaceAll('"WH"', JSON.stringify(f.warehouse.id)),
    )
    const before = [await countOrders(), await stock()]
    const res = await as(t.app, f.keys.store).post('/api/v1/orders', body)
    expect(res.statusCode, res.body).toBe(status)
    expect(res.json().error.details.field).toBe(field)
    expect([await countOrders(), await stock()]).toEqual(before)
  })

  it('an unknown order is 404 on every order route', async () => {
    const admin = as(t.app, t.admin)
    expect((await admin.get('/api/v1/orders/ord_nope')).statusCode).toBe(404)
    expect((await admin.post('/api/v1/orders/ord_nope/cancel', { reason: 'x' })).statusCode).toBe(404)
    expect((await admin.post('/api/v1/orders/ord_nope/confirm', { payments: [] })).statusCode).toBe(404)
    expect(
      (await admin.post('/api/v1/orders/ord_nope/fulfil', { lines: [{ line_id: 'oln_x', quantity: 1 }] }))
        .statusCode,
    ).toBe(404)
  })

  it('stock movements with a bad location, SKU or quantity name the field and change nothing', async () => {
    const admin = as(t.app, t.admin)
    const before = await stock()
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        '/api/v1/inventory/receipts',
        { location_id: 'loc_nope', lines: [{ sku, quantity: 1 }] },
        'location_id',
      ],
      [
        '/api/v1/inventory/receipts',
        { location_id: f.store.id, lines: [{ sku: 'NOPE', quantity: 1 }] },
        'lines/0/sku',
      ],
      [
        '/api/v1/inventory/receipts',
        { location_id: f.store.id, lines: [{ sku, quantity: 0 }] },
        'body/lines/0/quantity',
      ],
      ['/api/v1/inventory/adjustments', { location_id: f.store.id, sku, reason: 'x' }, 'delta'],
      [
        '/api/v1/inventory/transfers',
        { from_location_id: f.store.id, to_location_id: f.store.id, lines: [{ sku, quantity: 1 }] },
        'to_location_id',
      ],
    ]
    for (const [url, body, field] of cases) {
      const res = await admin.post(url, body)
      expect(res.statusCode, `${url} ${res.body}`).toBe(400)
      expect(res.json().error.details.field).toBe(field)
    }
    expect(await stock()).toEqual(before)
  })
})
