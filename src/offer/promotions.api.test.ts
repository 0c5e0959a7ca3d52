import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

/** A category of its own per test, so promotions of one test never touch another's baskets. */
const category = () => `promo-${unique()}`

async function promotion(body: Json) {
  const res = await as(t.app, t.admin).post('/api/v1/promotions', {
    code: `P-${unique()}`,
    name: 'Promo',
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Json
}

const tillSale = (lines: Json[], extra: Json = {}) =>
  as(t.app, f.keys.store).post('/api/v1/orders', {
    channel: f.channels.store.code,
    lines: lines.map((l) => ({ fulfilment: 'takeaway', ...l })),
    ...extra,
  })

const webOrder = (lines: Json[], extra: Json = {}, headers: Record<string, string> = {}) =>
  as(t.app, f.keys.web).post(
    '/api/v1/orders',
    {
      channel: f.channels.web.code,
      lines: lines.map((l) => ({ fulfilment: 'delivery', ...l })),
      delivery_address: address,
      ...extra,
    },
    headers,
  )

const quote = async (key: string, body: Json) => {
  const res = await as(t.app, key).post('/api/v1/orders/quote', body)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as Json
}

describe('promotions at order placement', () => {
  it('a promotion scoped to the web does not apply at the till; one defined everywhere applies in both', async () => {
    const cat = category()
    const sku = await f.product({
      priceCents: 2000,
      category: cat,
      stock: { [f.store.id]: 5, [f.warehouse.id]: 5 },
    })
    await promotion({
      kind: 'percentage',
      percent_bp: 1000,
      channel_kinds: ['web'],
      target: { kind: 'categories', categories: [cat] },
    })

    const till = await quote(f.keys.store, {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
    })
    expect(till).toMatchObject({ total_cents: 2000, promotions: [] })
    const sale = await tillSale([{ sku, quantity: 1 }], {
      payments: [{ method: 'card', amount_cents: 2000 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    expect(sale.json().lines[0]).toMatchObject({ discount_cents: 0, promotions: [] })

    const web = await webOrder([{ sku, quantity: 1 }], { payments: [{ method: 'card', amount_cents: 1800 }] })
    expect(web.statusCode, web.body).toBe(201)
    expect(web.json().lines[0]).toMatchObject({
      discount_cents: 200,
      total_cents: 1800,
      promotions: [expect.objectContaining({ cents: 200 })],
    })

    const everywhere = await promotion({
      kind: 'amount_off',
      amount_cents: 100,
      priority: 200,
      target: { kind: 'categories', categories: [cat] },
    })
    const both = await tillSale([{ sku, quantity: 1 }], {
      payments: [{ method: 'card', amount_cents: 1900 }],
    })
    expect(both.statusCode, both.body).toBe(201)
    expect(both.json().promotions).toEqual([
      { promotion_id: everywhere.id, code: everywhere.code, name: 'Promo', discount_cents: 100 },
    ])
    // On the web both apply: 10 % first (priority 100), then 1 € off what is left.
    const w = await quote(f.keys.web, {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
    })
    expect(w.total_cents).toBe(1700)
    expect(w.promotions).toHaveLength(2)
  })

  it('store-only in one definition: applies at every store till, not on the web', async () => {
    const cat = category()
    const sku = await f.product({
      priceCents: 1000,
      category: cat,
      stock: { [f.store.id]: 5, [f.warehouse.id]: 5 },
    })
    await promotion({
      kind: 'fixed_price',
      fixed_price_cents: 750,
      channel_kinds: ['store'],
      target: { kind: 'categories', categories: [cat] },
    })
    const till = await quote(f.keys.franchise, {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
    })
    expect(till.total_cents).toBe(1500)
    const web = await quote(f.keys.web, {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 2, fulfilment: 'delivery' }],
      delivery_address: address,
    })
    expect(web.total_cents).toBe(2000)
  })

  it('stacked promotions follow priority, and an exclusive one keeps its lines to itself', async () => {
    const cat = category()
    const sku = await f.product({ priceCents: 5000, category: cat, stock: { [f.store.id]: 5 } })
    const other = await f.product({ priceCents: 3000, category: cat, stock: { [f.store.id]: 5 } })
    const [a, b] = [sku, other]
    const euroOff = await promotion({
      kind: 'amount_off',
      amount_cents: 1000,
      priority: 20,
      target: { kind: 'categories', categories: [cat] },
    })
    const tenPercent = await promotion({
      kind: 'percentage',
      percent_bp: 1000,
      priority: 10,
      target: { kind: 'categories', categories: [cat] },
    })
    const basket = {
      channel: f.channels.store.code,
      lines: [{ sku: a, quantity: 1, fulfilment: 'takeaway' }],
    }
    // 10 % of 50 € first (5 €), then 10 € off: 35 €. In the other order it would be 36 €.
    const q = await quote(f.keys.store, basket)
    expect(q.total_cents).toBe(3500)
    expect(q.lines[0].promotions.map((p: Json) => [p.code, p.cents])).toEqual([
      [tenPercent.code, 500],
      [euroOff.code, 1000],
    ])

    const exclusive = await promotion({
      kind: 'percentage',
      percent_bp: 5000,
      priority: 1,
      stacking: 'exclusive',
      target: { kind: 'products', products: [(await productOf(a)).code] },
    })
    const both = await quote(f.keys.store, {
      ...basket,
      lines: [...basket.lines, { sku: b, quantity: 1, fulfilment: 'takeaway' }],
    })
    expect(both.lines[0].promotions).toEqual([expect.objectContaining({ code: exclusive.code, cents: 2500 })])
    // The other line still gets the stackable ones: 30 € − 3 € − 10 €.
    expect(both.lines[1].total_cents).toBe(1700)
    const placed = await tillSale(
      both.lines.map((l: Json) => ({ sku: l.sku, quantity: l.quantity })),
      {
        payments: [{ method: 'card', amount_cents: both.total_cents }],
      },
    )
    expect(placed.statusCode, placed.body).toBe(201)
    expect(placed.json().total_cents).toBe(2500 + 1700)
  })

  it('a partial return of a promoted line refunds what its units were paid, and the returns add up to the line', async () => {
    const cat = category()
    const sku = await f.product({ priceCents: 2000, category: cat, stock: { [f.store.id]: 5 } })
    await promotion({
      kind: 'buy_x_get_y',
      buy: 2,
      get: 1,
      target: { kind: 'categories', categories: [cat] },
    })
    const sale = await tillSale([{ sku, quantity: 3 }], {
      payments: [{ method: 'card', amount_cents: 4000 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const line = sale.json().lines[0]
    expect(line).toMatchObject({ total_cents: 4000, discount_cents: 2000 })
    const refunds: number[] = []
    for (let i = 0; i < 3; i++) {
      const ret = await as(t.app, f.keys.store).post('/api/v1/returns', {
        order_id: sale.json().id,
        method: 'in_store',
        lines: [{ order_line_id: line.id, quantity: 1, reason: 'changed_mind', condition: 'resellable' }],
      })
      expect(ret.statusCode, ret.body).toBe(201)
      refunds.push(ret.json().refund_cents)
    }
    expect(refunds).toEqual([1333, 1334, 1333])
    expect(refunds.reduce((s, r) => s + r, 0)).toBe(4000)
  })

  it('a delivery split over two warehouses splits each promotion’s share with the units', async () => {
    const cat = category()
    const sku = await f.product({
      priceCents: 999,
      category: cat,
      stock: { [f.warehouse.id]: 2, [f.warehouse2.id]: 3 },
    })
    await promotion({
      kind: 'percentage',
      percent_bp: 1500,
      channels: [f.channels.web.code],
      target: { kind: 'categories', categories: [cat] },
    })
    const discount = Math.floor((999 * 5 * 1500) / 10_000)
    const res = await webOrder([{ sku, quantity: 5 }], {
      payments: [{ method: 'card', amount_cents: 999 * 5 - discount }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const lines = res.json().lines as Json[]
    expect(lines).toHaveLength(2)
    expect(lines.reduce((s, l) => s + l.promotions[0].cents, 0)).toBe(discount)
    for (const l of lines) {
      expect(l.discount_cents).toBe(l.promotions[0].cents)
      expect(l.total_cents).toBe(999 * l.quantity - l.discount_cents)
    }
  })

  it('a voucher code applies only when given, in its channels, and an unknown one names the field', async () => {
    const cat = category()
    const sku = await f.product({
      priceCents: 4000,
      category: cat,
      stock: { [f.store.id]: 5, [f.warehouse.id]: 5 },
    })
    const code = `BIENVENUE${unique()}`.slice(0, 30).toUpperCase()
    await promotion({
      kind: 'basket_threshold',
      threshold_cents: 3000,
      amount_cents: 500,
      voucher_code: code,
      channel_kinds: ['web', 'mobile'],
      target: { kind: 'categories', categories: [cat] },
    })
    const line = { sku, quantity: 1, fulfilment: 'delivery' }
    const without = await quote(f.keys.web, {
      channel: f.channels.web.code,
      lines: [line],
      delivery_address: address,
    })
    expect(without.total_cents).toBe(4000)
    const withCode = await quote(f.keys.web, {
      channel: f.channels.web.code,
      lines: [line],
      delivery_address: address,
      promotion_codes: [code.toLowerCase()],
    })
    expect(withCode.total_cents).toBe(3500)

    const unknown = await as(t.app, f.keys.web).post('/api/v1/orders/quote', {
      channel: f.channels.web.code,
      lines: [line],
      delivery_address: address,
      promotion_codes: ['NOPE-123'],
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.field).toBe('promotion_codes/0')
    const atTill = await tillSale([{ sku, quantity: 1 }], {
      promotion_codes: [code],
      payments: [{ method: 'card', amount_cents: 3500 }],
    })
    expect(atTill.statusCode).toBe(422)
    expect(atTill.json().error).toMatchObject({ code: 'promotion_not_applicable' })
  })

  it('a promotion limited in total is used exactly that many times under parallel orders, and a cancellation gives a use back', async () => {
    const cat = category()
    const sku = await f.product({ priceCents: 1000, category: cat, stock: { [f.warehouse.id]: 20 } })
    const code = `FLASH${unique()}`.slice(0, 30).toUpperCase()
    const promo = await promotion({
      kind: 'amount_off',
      amount_cents: 300,
      voucher_code: code,
      limit_total: 2,
      target: { kind: 'categories', categories: [cat] },
    })
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () =>
        webOrder([{ sku, quantity: 1 }], {
          promotion_codes: [code],
          payments: [{ method: 'card', amount_cents: 700 }],
        }),
      ),
    )
    const placed = attempts.filter((r) => r.statusCode === 201)
    expect(placed).toHaveLength(2)
    for (const r of attempts.filter((r) => r.statusCode !== 201)) {
      expect([409, 422]).toContain(r.statusCode)
      expect(r.json().error.code).toBe('promotion_limit_reached')
    }
    const after = (await as(t.app, t.admin).get(`/api/v1/promotions/${promo.code}`)).json()
    expect(after).toMatchObject({ used_count: 2, orders: 2, discount_given_cents: 600 })

    const cancel = await as(t.app, t.admin).post(`/api/v1/orders/${placed[0]!.json().id}/cancel`, {
      reason: 'changed mind',
    })
    expect(cancel.statusCode, cancel.body).toBe(200)
    expect((await as(t.app, t.admin).get(`/api/v1/promotions/${promo.code}`)).json()).toMatchObject({
      used_count: 1,
      orders: 1,
    })
    const again = await webOrder([{ sku, quantity: 1 }], {
      promotion_codes: [code],
      payments: [{ method: 'card', amount_cents: 700 }],
    })
    expect(again.statusCode, again.body).toBe(201)
  })

  it('a promotion limited per customer needs the customer, and serves each one its number of times', async () => {
    const cat = category()
    const sku = await f.product({ priceCents: 1000, category: cat, stock: { [f.store.id]: 20 } })
    await promotion({
      kind: 'percentage',
      percent_bp: 2000,
      limit_per_customer: 1,
      target: { kind: 'categories', categories: [cat] },
    })
    const customer = await as(t.app, t.admin).post('/api/v1/customers', {
      first_name: 'Inès',
      last_name: 'Morel',
      email: `ines-${unique()}@example.fr`,
    })
    expect(customer.statusCode, customer.body).toBe(201)
    const anonymous = await quote(f.keys.store, {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
    })
    expect(anonymous.total_cents).toBe(1000)
    const lines = [{ sku, quantity: 1 }]
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        tillSale(lines, {
          customer_id: customer.json().id,
          payments: [{ method: 'card', amount_cents: 800 }],
        }),
      ),
    )
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1)
    for (const r of results.filter((r) => r.statusCode !== 201))
      expect(r.json().error.code).toBe('promotion_limit_reached')
  })

  it('an exchange for a promoted article is priced with the promotion: the credit pays it, the rest stays on the note', async () => {
    const cat = category()
    const kept = await f.product({ priceCents: 3000, stock: { [f.store.id]: 2 } })
    const wanted = await f.product({ priceCents: 3000, category: cat, stock: { [f.store.id]: 2 } })
    await promotion({
      kind: 'percentage',
      percent_bp: 2000,
      channel_kinds: ['store'],
      target: { kind: 'categories', categories: [cat] },
    })
    const sale = await tillSale([{ sku: kept, quantity: 1 }], {
      payments: [{ method: 'card', amount_cents: 3000 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: sale.json().id,
      method: 'in_store',
      lines: [
        {
          order_line_id: sale.json().lines[0].id,
          quantity: 1,
          reason: 'changed_mind',
          condition: 'resellable',
        },
      ],
      exchange: {
        channel: f.channels.store.code,
        lines: [{ sku: wanted, quantity: 1, fulfilment: 'takeaway' }],
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const exchanged = (await as(t.app, t.admin).get(`/api/v1/orders/${res.json().exchange_order_id}`)).json()
    expect(exchanged).toMatchObject({ total_cents: 2400, paid_cents: 2400 })
    const note = await as(t.app, t.admin).get(`/api/v1/stored-value/${res.json().refunds[0].credited_code}`)
    expect(note.json().balance_cents).toBe(600)
  })

  it('the price explanation lists the promotions of the channel, what each takes off and why', async () => {
    const cat = category()
    const sku = await f.product({ priceCents: 3000, category: cat })
    const sale = await promotion({
      kind: 'percentage',
      percent_bp: 2000,
      priority: 5,
      target: { kind: 'categories', categories: [cat] },
    })
    const coded = await promotion({
      kind: 'amount_off',
      amount_cents: 500,
      voucher_code: `CODE${unique()}`.slice(0, 30).toUpperCase(),
      target: { kind: 'categories', categories: [cat] },
    })
    await promotion({
      kind: 'percentage',
      percent_bp: 5000,
      channel_kinds: ['store'],
      target: { kind: 'categories', categories: [cat] },
    })
    const res = await as(t.app, t.admin).get(
      `/api/v1/offer/prices/${sku}/explanation?channel=${f.channels.web.code}`,
    )
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.price_cents).toBe(3000)
    expect(body.price_after_promotions_cents).toBe(2400)
    const byCode = Object.fromEntries(body.promotions.map((p: Json) => [p.code, p]))
    expect(byCode[sale.code]).toMatchObject({
      applies: true,
      cents_off_one_unit: 600,
      why: '20 % off, priority 5',
    })
    expect(byCode[coded.code]).toMatchObject({ applies: false, why: `needs the code ${coded.voucher_code}` })
    expect(body.promotions.find((p: Json) => p.why.includes('store channels only'))).toMatchObject({
      applies: false,
    })
  })

  it('a definition missing its amount, or naming an unknown channel, is refused naming the field', async () => {
    const missing = await as(t.app, t.admin).post('/api/v1/promotions', {
      code: `P-${unique()}`,
      name: 'x',
      kind: 'percentage',
      target: { kind: 'basket' },
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details.field).toBe('percent_bp')
    const channel = await as(t.app, t.admin).post('/api/v1/promotions', {
      code: `P-${unique()}`,
      name: 'x',
      kind: 'percentage',
      percent_bp: 1000,
      channels: ['NO-SUCH-CHANNEL'],
      target: { kind: 'basket' },
    })
    expect(channel.statusCode).toBe(400)
    expect(channel.json().error.details.field).toBe('channels/0')
    const list = await as(t.app, f.keys.store).get('/api/v1/promotions?live=true')
    expect(list.statusCode).toBe(200)
    expect(list.json().data.length).toBeGreaterThan(0)
  })
})

async function productOf(sku: string) {
  const res = await as(t.app, t.admin).get(`/api/v1/variants?sku=${sku}`)
  expect(res.statusCode, res.body).toBe(200)
  return { code: res.json().product_code as string }
}
