import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let partnerKey: string
let manager: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  const key = async (body: Record<string, unknown>) => {
    const res = await as(t.app, t.admin).post('/api/v1/api-keys', { name: 'key', ...body })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().secret as string
  }
  partnerKey = await key({ role: 'channel', channel_id: f.channels.partner.id })
  manager = await key({ role: 'store_staff', location_id: f.store.id, manager: true })
})
afterAll(() => t.close())

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

/** This month in Paris, as the settlement names it. */
const month = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
}).format(new Date())

/** A marketplace order paid to the partner, delivered from the warehouse. */
async function marketplaceOrder(priceCents: number) {
  const sku = await f.product({ priceCents, stock: { [f.warehouse.id]: 3 } })
  const placed = await as(t.app, partnerKey).post('/api/v1/orders', {
    channel: f.channels.partner.code,
    lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
    delivery_address: address,
    payments: [{ method: 'card', amount_cents: priceCents, reference: 'MKP-20250301' }],
  })
  expect(placed.statusCode, placed.body).toBe(201)
  const order = placed.json()
  const shipped = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
    lines: [{ line_id: order.lines[0].id, quantity: 1 }],
  })
  expect(shipped.statusCode, shipped.body).toBe(200)
  return shipped.json() as Json
}

const settlement = async () => {
  const res = await as(t.app, t.admin).get(
    `/api/v1/channels/${f.channels.partner.code}/settlement?month=${month}`,
  )
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as Json
}

const tillReturn = (order: Json, key: string, extra: Json = {}) =>
  as(t.app, key).post('/api/v1/returns', {
    order_id: order.id,
    method: 'in_store',
    lines: [
      { order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
    ],
    ...extra,
  })

describe('marketplace orders returned in a store', () => {
  it('are refunded through the partner that collected the money, owed on its settlement, never from the till', async () => {
    expect(f.channels.partner.collects_payment).toBe(true)
    expect(f.channels.web.collects_payment).toBe(false)
    const before = await settlement()
    const order = await marketplaceOrder(4000)
    const res = await tillReturn(order, f.keys.store)
    expect(res.statusCode, res.body).toBe(201)
    const ret = res.json()
    expect(ret.refunds).toEqual([expect.objectContaining({ method: 'partner', amount_cents: 4000 })])
    const after = (await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json()
    expect(after.refunded_cents).toBe(4000)
    expect(after.payments.filter((p: Json) => p.kind === 'refund')).toEqual([
      expect.objectContaining({ method: 'partner', amount_cents: 4000 }),
    ])

    const owed = await settlement()
    expect(owed).toMatchObject({
      channel: { id: f.channels.partner.id, code: f.channels.partner.code },
      month,
      collects_payment: true,
      collected_cents: before.collected_cents + 4000,
      refunded_through_partner_cents: before.refunded_through_partner_cents + 4000,
      due_from_partner_cents: before.due_from_partner_cents,
    })
    expect(owed.refunds).toContainEqual(
      expect.objectContaining({
        order_id: order.id,
        return_id: ret.id,
        return_number: ret.number,
        amount_cents: 4000,
      }),
    )
  })

  it('a store manager may refund one at the till instead, with a reason recorded; a clerk may not', async () => {
    const before = await settlement()
    const order = await marketplaceOrder(2500)
    const override = { method: 'cash', reason: 'Marketplace account closed, customer in store' }
    const byClerk = await tillReturn(order, f.keys.store, { refund_override: override })
    expect(byClerk.statusCode).toBe(403)
    const res = await tillReturn(order, manager, { refund_override: override })
    expect(res.statusCode, res.body).toBe(201)
    const ret = res.json()
    expect(ret.refunds).toEqual([expect.objectContaining({ method: 'cash', amount_cents: 2500 })])
    expect(ret.override).toMatchObject({
      refund: { method: 'cash', reason: 'Marketplace account closed, customer in store' },
    })
    expect(ret.override.refund.by).toBeTruthy()
    const owed = await settlement()
    expect(owed.collected_cents).toBe(before.collected_cents + 2500)
    expect(owed.refunded_through_partner_cents).toBe(before.refunded_through_partner_cents)
    expect(owed.due_from_partner_cents).toBe(before.due_from_partner_cents + 2500)
  })

  it('an override is refused on a purchase the brand collected itself, naming the field', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 2 } })
    const sale = await as(t.app, f.keys.store).post('/api/v1/orders', {
      channel: f.channels.store.code,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1000 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const res = await tillReturn(sale.json(), manager, {
      refund_override: { method: 'cash', reason: 'Customer prefers cash' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.field).toBe('refund_override')
    const after = (await as(t.app, t.admin).get(`/api/v1/orders/${sale.json().id}`)).json()
    expect(after.lines[0].returned_quantity).toBe(0)
  })

  it('the settlement is head office’s and the partner’s own, for a month given as YYYY-MM', async () => {
    const web = await as(t.app, f.keys.web).get(
      `/api/v1/channels/${f.channels.partner.code}/settlement?month=${month}`,
    )
    expect(web.statusCode).toBe(403)
    const own = await as(t.app, partnerKey).get(
      `/api/v1/channels/${f.channels.partner.code}/settlement?month=${month}`,
    )
    expect(own.statusCode).toBe(200)
    const bad = await as(t.app, t.admin).get(
      `/api/v1/channels/${f.channels.partner.code}/settlement?month=2025-13`,
    )
    expect(bad.statusCode).toBe(400)
  })
})
