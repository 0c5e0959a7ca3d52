import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { carrierFixture, type TestService } from '../testing/shipping.fixture.ts'

// Delivery fees are lines of the order's totals with their VAT; the routing prices each parcel at the
// carrier's rate; the fee is refunded when nothing delivered is kept (docs/shipping.md).

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let home: TestService
let relay: TestService
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  ;({ home, relay } = await carrierFixture(t, f))
})
afterAll(() => t.close())

async function deliveredOrder(quantity: number, delivery: Record<string, unknown>, paid: number) {
  const sku = await f.product({ stock: { [f.warehouse.id]: 10 } })
  return as(t.app, f.keys.web).post('/api/v1/orders', {
    channel: f.channels.web.code,
    lines: [{ sku, quantity, fulfilment: 'delivery' }],
    delivery_address: address,
    delivery,
    payments: [{ method: 'card', amount_cents: paid }],
  })
}

describe('delivery fees on web orders', () => {
  it('the fee is a line of the totals with its VAT, and the routing sets the carrier cost against it', async () => {
    const res = await deliveredOrder(2, { service: home.code, weight_g: 1200 }, 2 * 1999 + 690)
    expect(res.statusCode, res.body).toBe(201)
    const order = res.json()
    expect(order.total_cents).toBe(2 * 1999 + 690)
    expect(order.delivery_fee).toEqual({
      service_code: home.code,
      service_name: 'Colis national',
      relay_point_id: null,
      total_cents: 690,
      vat_rate: 20,
      vat_cents: 115,
      list_cents: 690,
      free_reason: null,
    })
    // 2 × 19.99 € of goods at 20 % and the fee at 20 %: one rate, one row.
    expect(order.vat_breakdown).toEqual([{ rate: 20, base_incl_cents: 2 * 1999 + 690, vat_cents: 666 + 115 }])
    expect(order.vat_cents).toBe(666 + 115)
    expect(order.routing.delivery).toMatchObject({
      service_code: home.code,
      zone: 'FR-M',
      fee_cents: 690,
      parcel_cost_cents: 690,
      carrier_cost_cents: 690,
      margin_cents: 575 - 690,
    })
    // The parcel is priced at the carrier's rate for 1.2 kg in the zone, not the channel's flat cost.
    expect(order.routing.shipments[0].cost.shipment_cents).toBe(690)
    expect(order.routing.explanation.join(' ')).toContain('Colis national: 1 parcel at 6.90 € cost 6.90 €')
    const read = (await as(t.app, f.keys.web).get(`/api/v1/orders/${order.id}`)).json()
    expect(read.delivery_fee).toEqual(order.delivery_fee)
    expect(read.total_cents).toBe(order.total_cents)
  })

  it('a payment that leaves the fee out is refused; the basket threshold and a promotion code waive it', async () => {
    const unpaid = await deliveredOrder(1, { service: home.code }, 1999)
    expect(unpaid.statusCode).toBe(422)
    expect(unpaid.json().error).toMatchObject({
      code: 'payment_mismatch',
      details: { due_cents: 1999 + 490 },
    })
    const big = await deliveredOrder(4, { service: home.code, weight_g: 2000 }, 4 * 1999)
    expect(big.statusCode, big.body).toBe(201)
    expect(big.json().delivery_fee).toMatchObject({
      total_cents: 0,
      list_cents: 690,
      free_reason: 'basket_threshold',
    })
    expect(big.json().routing.delivery.margin_cents).toBe(-690)
    const sku = await f.product({ stock: { [f.warehouse.id]: 2 } })
    const coded = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      delivery: { service: home.code },
      promotion_codes: ['livraisonofferte'],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(coded.statusCode, coded.body).toBe(201)
    expect(coded.json().delivery_fee.free_reason).toBe('promotion')
  })

  it('a service the channel does not sell there, or a relay without its point, is refused naming the field', async () => {
    const unknown = await deliveredOrder(1, { service: 'NO-SUCH-SERVICE' }, 1999)
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().error).toMatchObject({
      code: 'delivery_not_available',
      details: { field: 'delivery/service' },
    })
    const heavy = await deliveredOrder(1, { service: home.code, weight_g: 40000 }, 1999)
    expect(heavy.json().error.code).toBe('delivery_not_available')
    const noPoint = await deliveredOrder(1, { service: relay.code }, 1999 + 490)
    expect(noPoint.statusCode).toBe(400)
    expect(noPoint.json().error.details.field).toBe('delivery/relay_point_id')
    const atPoint = await deliveredOrder(1, { service: relay.code, relay_point_id: 'R001' }, 1999 + 490)
    expect(atPoint.statusCode, atPoint.body).toBe(201)
    expect(atPoint.json().delivery_fee.relay_point_id).toBe('R001')
  })
})

describe('delivery fee refunds', () => {
  it('an order cancelled before it ships gives the fee back with the goods', async () => {
    const order = (await deliveredOrder(1, { service: home.code }, 1999 + 490)).json()
    const cancelled = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, {
      reason: 'Client a changé d’avis',
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json().refunded_cents).toBe(1999 + 490)
  })

  it('returning every delivered unit refunds the fee; returning part keeps it; the return label is the customer’s', async () => {
    const order = (await deliveredOrder(2, { service: home.code, weight_g: 800 }, 2 * 1999 + 490)).json()
    const task = order.tasks[0]
    const parcel = (
      await as(t.app, t.admin).post('/api/v1/parcels', {
        task_id: task.id,
        service: home.code,
        lines: [{ order_line_id: order.lines[0].id, quantity: 2 }],
        weight_g: 800,
        length_mm: 300,
        width_mm: 200,
        height_mm: 100,
      })
    ).json()
    expect((await as(t.app, t.admin).post(`/api/v1/parcels/${parcel.id}/ship`)).statusCode).toBe(200)

    const part = await as(t.app, f.keys.web).post('/api/v1/returns', {
      order_id: order.id,
      method: 'carrier',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(part.statusCode, part.body).toBe(201)
    expect(part.json().refund_cents).toBe(1999)
    const rest = await as(t.app, f.keys.web).post('/api/v1/returns', {
      order_id: order.id,
      method: 'carrier',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(rest.statusCode, rest.body).toBe(201)
    expect(rest.json().refund_cents).toBe(1999 + 490)

    const label = await as(t.app, f.keys.web).post(`/api/v1/returns/${rest.json().id}/label`, {
      service: home.code,
      weight_g: 500,
      length_mm: 300,
      width_mm: 200,
      height_mm: 100,
    })
    expect(label.statusCode, label.body).toBe(201)
    expect(label.json()).toMatchObject({
      direction: 'return',
      return_id: rest.json().id,
      location_id: rest.json().location_id,
      status: 'packed',
    })
    const pdf = await as(t.app, f.keys.web).get(`/api/v1/parcels/${label.json().id}/label`)
    expect(pdf.statusCode).toBe(200)
    expect((await PDFDocument.load(pdf.rawPayload)).getPageCount()).toBe(1)
    // The outbound label is the packer's, not the web shop's.
    expect((await as(t.app, f.keys.web).get(`/api/v1/parcels/${parcel.id}/label`)).statusCode).toBe(403)
  })
})
