import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { periodOf } from '../shared/period.domain.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, unique } from '../testing/harness.ts'
import { closeSettlement } from './partners.service.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as in the fixture
type Json = Record<string, any>

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let partnerKey: string
let otherKey: string
let sku: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  const key = async (body: Json) =>
    (await as(t.app, t.admin).post('/api/v1/api-keys', { name: `key ${unique()}`, ...body })).json()
      .secret as string
  partnerKey = await key({ role: 'channel', channel_id: f.channels.partner.id })
  otherKey = await key({ role: 'channel', channel_id: f.channels.web.id })
  sku = await f.product({ priceCents: 5000, stock: { [f.warehouse.id]: 1000 } })
  const terms = await as(t.app, t.admin).put(`/api/v1/partners/${f.channels.partner.code}/terms`, {
    commission_bp: 1500,
    order_fee_cents: 50,
  })
  expect(terms.statusCode, terms.body).toBe(200)
})
afterAll(() => t.close())

const url = () => `/api/v1/partners/${f.channels.partner.code}/orders`
const body = (id: string, over: Json = {}) => ({
  partner_order_id: id,
  customer: { name: 'Client Marketplace', email: 'client@example.fr', city: 'Lille', country: 'FR' },
  lines: [{ sku, quantity: 2, unit_price_cents: 4500 }],
  delivery_address: {
    name: 'Client Marketplace',
    line1: address.line1,
    postcode: address.postcode,
    city: address.city,
    country: 'FR',
  },
  ...over,
})

describe('partner orders', () => {
  it('an order arrives with the partner’s id, customer and prices, paid to the partner', async () => {
    const id = `MKP-${unique()}`
    const res = await as(t.app, partnerKey).post(url(), body(id))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      partner_order_id: id,
      customer: { name: 'Client Marketplace', city: 'Lille' },
      status: 'placed',
      total_cents: 9000,
      lines: [{ sku, quantity: 2, unit_price_cents: 5000, total_cents: 9000 }],
    })
    const order = (await as(t.app, t.admin).get(`/api/v1/orders/${res.json().order_id}`)).json()
    expect(order).toMatchObject({
      channel: { id: f.channels.partner.id },
      paid_cents: 9000,
      balance_due_cents: 0,
    })
    const read = await as(t.app, partnerKey).get(`${url()}/${id}`)
    expect(read.json().order_id).toBe(res.json().order_id)
  })

  it('the same partner order id sent twice, even at once, makes one order', async () => {
    const id = `MKP-${unique()}`
    const both = await Promise.all([
      as(t.app, partnerKey).post(url(), body(id)),
      as(t.app, partnerKey).post(url(), body(id)),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201])
    expect(both[0]!.json().order_id).toBe(both[1]!.json().order_id)
    const again = await as(t.app, partnerKey).post(url(), body(id))
    expect(again.statusCode).toBe(200)
    const changed = await as(t.app, partnerKey).post(url(), body(id, { lines: [{ sku, quantity: 3 }] }))
    expect(changed.statusCode).toBe(409)
    expect(changed.json().error.code).toBe('partner_order_id_reused')
  })

  it('a partner price above the brand’s is refused; another channel’s key may not pass partner orders', async () => {
    const high = await as(t.app, partnerKey).post(
      url(),
      body(`MKP-${unique()}`, { lines: [{ sku, quantity: 1, unit_price_cents: 6000 }] }),
    )
    expect(high.statusCode).toBe(422)
    expect(high.json().error.code).toBe('partner_price_above_list')
    expect((await as(t.app, otherKey).post(url(), body(`MKP-${unique()}`))).statusCode).toBe(403)
    const notPartner = await as(t.app, t.admin).post(
      `/api/v1/partners/${f.channels.web.code}/orders`,
      body(`X-${unique()}`),
    )
    expect(notPartner.json().error.code).toBe('not_a_partner')
  })

  it('a cancellation goes back through the partner and shows on its settlement', async () => {
    const id = `MKP-${unique()}`
    await as(t.app, partnerKey).post(url(), body(id))
    const cancelled = await as(t.app, partnerKey).post(`${url()}/${id}/cancel`, { reason: 'client a annulé' })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', refunded_cents: 9000 })
    const s = (
      await as(t.app, t.admin).get(
        `/api/v1/partners/${f.channels.partner.code}/settlements/${periodOf(new Date())}`,
      )
    ).json()
    expect(s.lines).toContainEqual(
      expect.objectContaining({ partner_order_id: id, kind: 'refund', amount_cents: 9000 }),
    )
  })

  it('orders are imported from a CSV file: one outcome per order, errors per row, repeats recognised', async () => {
    const a = `IMP-${unique()}`
    const b = `IMP-${unique()}`
    const csv = [
      'partner_order_id;sku;quantity;unit_price_cents;customer_name;line1;postcode;city;country',
      `${a};${sku};1;4800;Jeanne;1 rue Nationale;59000;Lille;FR`,
      `${a};${sku};2;;Jeanne;1 rue Nationale;59000;Lille;FR`,
      `${b};${sku};zero;;Paul;2 rue;75001;Paris;FR`,
      `${b};NOPE-${unique()};1;;Paul;2 rue;75001;Paris;FR`,
    ].join('\n')
    const res = await as(t.app, partnerKey).post(`${url()}/import`, { csv })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().row_errors).toEqual([{ row: 4, column: 'quantity', message: expect.any(String) }])
    const outcomes = Object.fromEntries(res.json().orders.map((o: Json) => [o.partner_order_id, o.outcome]))
    expect(outcomes).toEqual({ [a]: 'created', [b]: 'refused' })
    const again = await as(t.app, partnerKey).post(`${url()}/import`, { csv })
    expect(again.json().orders.find((o: Json) => o.partner_order_id === a).outcome).toBe('existing')
    const order = (await as(t.app, partnerKey).get(`${url()}/${a}`)).json()
    expect(order.total_cents).toBe(4800 + 2 * 5000)
  })
})

describe('partner settlement', () => {
  it('the month shows sales, returns, commission, fees and what the partner owes, as CSV and a printable page; a closed month is final', async () => {
    const code = f.channels.partner.code
    const month = periodOf(new Date())
    const s = (await as(t.app, partnerKey).get(`/api/v1/partners/${code}/settlements/${month}`)).json()
    expect(s.status).toBe('running')
    expect(s.sales_cents).toBeGreaterThan(0)
    expect(s.commission_cents).toBe(Math.round(((s.sales_cents - s.returns_cents) * 1500) / 10_000))
    expect(s.fees_cents).toBe(s.orders * 50)
    expect(s.due_from_partner_cents).toBe(s.sales_cents - s.returns_cents - s.commission_cents - s.fees_cents)

    const csv = await as(t.app, t.admin).get(`/api/v1/partners/${code}/settlements/${month}?format=csv`)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    expect(csv.body.split('\r\n')[0]).toBe(
      'month,partner,status,line,amount_cents,partner_order_id,order_number,at',
    )
    expect(csv.body).toContain(`due_from_partner,${s.due_from_partner_cents}`)
    const html = await as(t.app, t.admin).get(`/api/v1/partners/${code}/settlements/${month}?format=html`)
    expect(html.headers['content-type']).toMatch(/text\/html/)
    expect(html.body).toContain('Dû par le partenaire')

    // The partner's own file: every line as the brand has it, but one sale it reports 1 € short.
    const theirs = s.lines.map((l: Json, i: number) => [
      l.partner_order_id ?? `#${l.order_number}`,
      l.kind,
      i === 0 ? l.amount_cents - 100 : l.amount_cents,
    ])
    const check = await as(t.app, partnerKey).post(
      `/api/v1/partners/${code}/settlements/${month}/statement`,
      {
        csv: [
          'partner_order_id,kind,amount_cents',
          ...theirs.map((r: unknown[]) => r.join(',')),
          'X,gift,1',
        ].join('\n'),
      },
    )
    expect(check.statusCode, check.body).toBe(200)
    expect(check.json().differences).toHaveLength(1)
    expect(check.json().differences[0].brand_cents - check.json().differences[0].partner_cents).toBe(100)
    expect(check.json().row_errors).toEqual([
      { row: theirs.length + 2, column: 'kind', message: 'must be sale or refund' },
    ])

    const early = await as(t.app, t.admin).post(`/api/v1/partners/${code}/settlements/${month}/close`)
    expect(early.statusCode).toBe(409)
    expect(early.json().error.code).toBe('month_not_over')
    const nextMonth = new Date(Date.now() + 40 * 86_400_000)
    const admin = { keyId: 'test', name: 'admin', role: 'admin' as const, locationId: null, channelId: null }
    const closed = await t.database.db.transaction((tx) => closeSettlement(tx, admin, code, month, nextMonth))
    expect(closed).toMatchObject({ status: 'closed', due_from_partner_cents: s.due_from_partner_cents })
    // An order after the close does not move the closed figures.
    await as(t.app, partnerKey).post(url(), body(`MKP-${unique()}`))
    const after = (await as(t.app, t.admin).get(`/api/v1/partners/${code}/settlements/${month}`)).json()
    expect(after.due_from_partner_cents).toBe(s.due_from_partner_cents)
    await expect(
      t.database.db.transaction((tx) => closeSettlement(tx, admin, code, month, nextMonth)),
    ).rejects.toMatchObject({
      code: 'settlement_closed',
    })
  })
})
