import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

const stockAt = async (sku: string, locationId: string) => {
  const res = await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)
  const level = res.json().levels.find((l: { location_id: string }) => l.location_id === locationId)
  return level ?? { on_hand: 0, reserved: 0, available: 0, quarantined: 0 }
}

/** A customer who bought 2 units of a 60 € article at the Lyon till, paid by card. */
async function customerTillSale() {
  const phone = `+3367${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
  const customer = await as(t.app, f.keys.store).post('/api/v1/customers', { phone, last_name: 'Roux' })
  expect(customer.statusCode, customer.body).toBe(201)
  const sku = await f.product({ priceCents: 6000, stock: { [f.store.id]: 3 } })
  const order = await as(t.app, f.keys.store).post('/api/v1/orders', {
    channel: f.channels.store.code,
    customer_id: customer.json().id,
    lines: [{ sku, quantity: 2, fulfilment: 'takeaway' }],
    payments: [{ method: 'card', amount_cents: 12000 }],
  })
  expect(order.statusCode, order.body).toBe(201)
  return { customerId: customer.json().id as string, sku, order: order.json() as Json }
}

const openTicketsIn360 = async (customerId: string) =>
  (
    (await as(t.app, f.keys.callCentre).get(`/api/v1/customers/${customerId}/360`)).json().tickets as Json[]
  ).filter((x) => !['resolved', 'closed'].includes(x.status))

describe('defective goods brought back', () => {
  it('refunded: the unit is quarantined and becomes the store’s supplier claim, not a ticket of the customer', async () => {
    const { customerId, sku, order } = await customerTillSale()
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'defective', condition: 'defective' }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const ret = res.json()
    expect(ret.lines[0]).toMatchObject({ resolution: 'refund', refund_cents: 6000 })
    expect(ret.refunds).toEqual([expect.objectContaining({ method: 'card', amount_cents: 6000 })])
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 1, available: 1, quarantined: 1 })
    const ledger = (
      await as(t.app, t.admin).get(`/api/v1/inventory/${sku}/movements?location_id=${f.store.id}`)
    ).json()
    expect(ledger.data).toContainEqual(
      expect.objectContaining({ kind: 'quarantine', on_hand_delta: 0, quarantined_delta: 1 }),
    )

    const ticket = (await as(t.app, f.keys.store).get(`/api/v1/tickets/${ret.lines[0].ticket_id}`)).json()
    expect(ticket).toMatchObject({
      kind: 'supplier_claim',
      customer_id: null,
      location_id: f.store.id,
      return_id: ret.id,
      status: 'open',
    })
    expect(await openTicketsIn360(customerId)).toEqual([])
    const listed = await as(t.app, f.keys.callCentre).get(`/api/v1/tickets?customer_id=${customerId}`)
    expect(listed.json().data).toEqual([])
    const claims = await as(t.app, f.keys.store).get(`/api/v1/tickets?location_id=${f.store.id}`)
    expect(claims.json().data.map((x: Json) => x.id)).toContain(ticket.id)
  })

  it('repaired: nothing is refunded or restocked, and the customer’s repair ticket follows the item', async () => {
    const { customerId, sku, order } = await customerTillSale()
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        {
          order_line_id: order.lines[0].id,
          quantity: 1,
          reason: 'defective',
          condition: 'defective',
          resolution: 'repair',
        },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const ret = res.json()
    expect(ret).toMatchObject({ status: 'completed', refund_cents: 0, refunds: [] })
    expect(ret.lines[0]).toMatchObject({ resolution: 'repair', refund_cents: 0, vat_cents: 0 })
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 1, quarantined: 0 })
    const after = (await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json()
    expect(after.refunded_cents).toBe(0)
    expect(after.lines[0].returned_quantity).toBe(0)

    const ticket = (await as(t.app, f.keys.store).get(`/api/v1/tickets/${ret.lines[0].ticket_id}`)).json()
    expect(ticket).toMatchObject({
      kind: 'repair',
      customer_id: customerId,
      location_id: f.store.id,
      status: 'open',
    })
    expect((await openTicketsIn360(customerId)).map((x) => x.id)).toEqual([ticket.id])
    // Both units can still be given back for a refund later (the repaired one too, if it fails again).
    const refund = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 2, reason: 'changed_mind', condition: 'resellable' },
      ],
    })
    expect(refund.statusCode, refund.body).toBe(201)
    expect(refund.json().refund_cents).toBe(12000)
  })

  it('sent for repair through the call centre: the customer’s ticket opens when the parcel is received', async () => {
    const { customerId, order } = await customerTillSale()
    const res = await as(t.app, f.keys.callCentre).post('/api/v1/returns', {
      order_id: order.id,
      method: 'carrier',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'defective', resolution: 'repair' }],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ status: 'awaiting_receipt', refund_cents: 0 })
    const received = await as(t.app, t.admin).post(`/api/v1/returns/${res.json().id}/receive`, {
      lines: [{ order_line_id: order.lines[0].id, condition: 'defective' }],
    })
    expect(received.statusCode, received.body).toBe(200)
    expect(received.json().refunds).toEqual([])
    const ticketId = received.json().lines[0].ticket_id
    const ticket = (await as(t.app, t.admin).get(`/api/v1/tickets/${ticketId}`)).json()
    expect(ticket).toMatchObject({ kind: 'repair', customer_id: customerId, location_id: f.warehouse.id })
  })

  it('a resolution other than refund or repair is refused naming the field, and nothing is written', async () => {
    const { order } = await customerTillSale()
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        {
          order_line_id: order.lines[0].id,
          quantity: 1,
          reason: 'defective',
          condition: 'defective',
          resolution: 'replace',
        },
      ],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toMatch(/resolution/)
    const after = (await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json()
    expect(after.lines[0].returned_quantity).toBe(0)
  })
})
