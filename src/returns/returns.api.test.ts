import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { settle } from '../testing/settle.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let manager: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  const key = await as(t.app, t.admin).post('/api/v1/api-keys', {
    name: 'Lyon store manager',
    role: 'store_staff',
    location_id: f.store.id,
    manager: true,
  })
  expect(key.statusCode, key.body).toBe(201)
  manager = key.json().secret
})
afterAll(() => t.close())

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

const stockAt = async (sku: string, locationId: string) => {
  const res = await as(t.app, t.admin).get(`/api/v1/inventory/${sku}`)
  const level = res.json().levels.find((l: { location_id: string }) => l.location_id === locationId)
  return level ?? { on_hand: 0, reserved: 0, available: 0, quarantined: 0 }
}

async function tillSale(sku: string, quantity: number, payments: Json[], extra: Json = {}) {
  const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
    channel: f.channels.store.code,
    lines: [{ sku, quantity, fulfilment: 'takeaway', ...(extra.line ?? {}) }],
    payments,
    ...(extra.customer_id ? { customer_id: extra.customer_id } : {}),
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Json
}

/** A web order delivered from the warehouse: placed, then shipped by head office. */
async function deliveredWebOrder(sku: string, quantity: number, payments: Json[]) {
  const placed = await as(t.app, f.keys.web).post('/api/v1/orders', {
    channel: f.channels.web.code,
    lines: [{ sku, quantity, fulfilment: 'delivery' }],
    delivery_address: address,
    payments,
  })
  expect(placed.statusCode, placed.body).toBe(201)
  const order = placed.json()
  const shipped = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/fulfil`, {
    lines: [{ line_id: order.lines[0].id, quantity }],
  })
  expect(shipped.statusCode, shipped.body).toBe(200)
  return shipped.json() as Json
}

async function giftCard(amount: number) {
  const res = await as(t.app, f.keys.store).post('/api/v1/gift-cards', {
    amount_cents: amount,
    paid_with: 'card',
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().code as string
}

const balanceOf = async (code: string) =>
  (await as(t.app, t.admin).get(`/api/v1/stored-value/${code}`)).json().balance_cents as number

describe('returns across channels', () => {
  it('a web order returned in a store is refunded to the card and its stock goes back on that store’s shelf', async () => {
    const sku = await f.product({ priceCents: 4500, stock: { [f.warehouse.id]: 5 } })
    const order = await deliveredWebOrder(sku, 1, [
      { method: 'card', amount_cents: 4500, reference: 'AUTH-1' },
    ])
    const found = await as(t.app, f.keys.store).get(`/api/v1/purchases?receipt=${order.receipt_barcode}`)
    expect(found.statusCode, found.body).toBe(200)
    expect(found.json().data[0]).toMatchObject({ id: order.id, channel: { code: f.channels.web.code } })
    expect(found.json().data[0].lines[0].returnable_quantity).toBe(1)

    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'wrong_size', condition: 'resellable' },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const ret = res.json()
    expect(ret).toMatchObject({
      status: 'completed',
      location_id: f.store.id,
      refund_cents: 4500,
      vat_cents: 750,
    })
    expect(ret.refunds).toEqual([expect.objectContaining({ method: 'card', amount_cents: 4500 })])
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 1, available: 1 })
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 4 })
    const after = (await as(t.app, f.keys.web).get(`/api/v1/orders/${order.id}`)).json()
    expect(after).toMatchObject({ refunded_cents: 4500 })
    expect(after.lines[0].returned_quantity).toBe(1)
    expect(after.events.at(-1)).toMatchObject({ type: 'returned' })
  })

  it('a store purchase returned through the call centre by carrier is refunded on receipt at the warehouse', async () => {
    const sku = await f.product({ priceCents: 2500, stock: { [f.store.id]: 3 } })
    const order = await tillSale(sku, 1, [{ method: 'card', amount_cents: 2500 }])
    const res = await as(t.app, f.keys.callCentre).post('/api/v1/returns', {
      order_id: order.id,
      method: 'carrier',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'defective' }],
    })
    expect(res.statusCode, res.body).toBe(201)
    const rma = res.json()
    expect(rma).toMatchObject({ status: 'awaiting_receipt', location_id: f.warehouse.id, refund_cents: 2500 })
    expect((await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json().refunded_cents).toBe(0)

    const wrongPlace = await as(t.app, f.keys.store).post(`/api/v1/returns/${rma.id}/receive`, {
      lines: [{ order_line_id: order.lines[0].id, condition: 'resellable' }],
    })
    expect(wrongPlace.statusCode).toBe(403)
    const received = await as(t.app, t.admin).post(`/api/v1/returns/${rma.id}/receive`, {
      lines: [{ order_line_id: order.lines[0].id, condition: 'resellable' }],
    })
    expect(received.statusCode, received.body).toBe(200)
    expect(received.json()).toMatchObject({ status: 'completed' })
    expect(received.json().refunds).toEqual([expect.objectContaining({ method: 'card', amount_cents: 2500 })])
    expect(await stockAt(sku, f.warehouse.id)).toMatchObject({ on_hand: 1 })
    const again = await as(t.app, t.admin).post(`/api/v1/returns/${rma.id}/receive`, {
      lines: [{ order_line_id: order.lines[0].id, condition: 'resellable' }],
    })
    expect(again.statusCode).toBe(422)
    expect((await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json().refunded_cents).toBe(2500)
  })

  it('a partial return of a discounted multi-unit line refunds its share of the price and of the VAT', async () => {
    const sku = await f.product({ priceCents: 1999, vatRate: 20, stock: { [f.store.id]: 5 } })
    // 3 × 19.99 − 1.00 = 58.97, VAT 9.83
    const order = await tillSale(sku, 3, [{ method: 'card', amount_cents: 5897 }], {
      line: { discount_cents: 100 },
    })
    expect(order.lines[0]).toMatchObject({ total_cents: 5897, vat_cents: 983 })
    const line = order.lines[0].id
    const one = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [{ order_line_id: line, quantity: 1, reason: 'changed_mind', condition: 'resellable' }],
    })
    expect(one.statusCode, one.body).toBe(201)
    expect(one.json()).toMatchObject({ refund_cents: 1966, vat_cents: 328 })
    expect(one.json().vat_breakdown).toEqual([{ rate: 20, base_incl_cents: 1966, vat_cents: 328 }])
    const rest = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [{ order_line_id: line, quantity: 2, reason: 'changed_mind', condition: 'resellable' }],
    })
    expect(rest.statusCode, rest.body).toBe(201)
    // Together exactly what was paid, never a cent more.
    expect(rest.json()).toMatchObject({ refund_cents: 5897 - 1966, vat_cents: 983 - 328 })
    const more = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [{ order_line_id: line, quantity: 1, reason: 'changed_mind', condition: 'resellable' }],
    })
    expect(more.statusCode).toBe(409)
    expect(more.json().error).toMatchObject({ code: 'return_exceeds_purchase' })
    expect(more.json().error.details).toMatchObject({ field: 'lines/0/quantity', returnable: 0 })
  })

  it('a split-tender order is refunded in the documented order: gift card first, then card', async () => {
    const sku = await f.product({ priceCents: 2000, stock: { [f.store.id]: 4 } })
    const code = await giftCard(1500)
    const order = await tillSale(sku, 2, [
      { method: 'card', amount_cents: 2500 },
      { method: 'gift_card', amount_cents: 1500, reference: code },
    ])
    expect(await balanceOf(code)).toBe(0)
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().refunds).toEqual([
      expect.objectContaining({ method: 'gift_card', amount_cents: 1500, credited_code: code }),
      expect.objectContaining({ method: 'card', amount_cents: 500 }),
    ])
    expect(await balanceOf(code)).toBe(1500)
  })

  it('cash is given back only at a till and never more than the cash taken; otherwise a credit note', async () => {
    const sku = await f.product({ priceCents: 3000, stock: { [f.store.id]: 4 } })
    const cash = await tillSale(sku, 1, [{ method: 'cash', amount_cents: 3000, tendered_cents: 5000 }])
    const byPost = await as(t.app, f.keys.callCentre).post('/api/v1/returns', {
      order_id: cash.id,
      method: 'carrier',
      location_id: f.store.id,
      lines: [{ order_line_id: cash.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(byPost.statusCode, byPost.body).toBe(201)
    const received = await as(t.app, f.keys.store).post(`/api/v1/returns/${byPost.json().id}/receive`, {
      lines: [{ order_line_id: cash.lines[0].id, condition: 'resellable' }],
    })
    expect(received.statusCode, received.body).toBe(200)
    const [refund] = received.json().refunds
    expect(refund).toMatchObject({ method: 'store_credit', amount_cents: 3000 })
    expect(await balanceOf(refund.credited_code)).toBe(3000)

    const atTill = await tillSale(sku, 1, [{ method: 'cash', amount_cents: 3000 }])
    const back = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: atTill.id,
      method: 'in_store',
      lines: [
        { order_line_id: atTill.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
      ],
    })
    expect(back.json().refunds).toEqual([expect.objectContaining({ method: 'cash', amount_cents: 3000 })])
  })

  it('a refund to store credit is then spent on the web', async () => {
    const sku = await f.product({ priceCents: 1800, stock: { [f.store.id]: 2, [f.warehouse.id]: 5 } })
    const order = await tillSale(sku, 1, [{ method: 'card', amount_cents: 1800 }])
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      refund_to: 'store_credit',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const [credit] = res.json().refunds
    expect(credit).toMatchObject({ method: 'store_credit', amount_cents: 1800 })
    const web = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'store_credit', amount_cents: 1800, reference: credit.credited_code }],
    })
    expect(web.statusCode, web.body).toBe(201)
    expect(await balanceOf(credit.credited_code)).toBe(0)
    const twice = await as(t.app, f.keys.web).post('/api/v1/orders', {
      channel: f.channels.web.code,
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: address,
      payments: [{ method: 'store_credit', amount_cents: 1800, reference: credit.credited_code }],
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('insufficient_balance')
  })

  it('exchanges: the customer pays the difference, or keeps it as credit', async () => {
    const cheap = await f.product({ priceCents: 1999, stock: { [f.store.id]: 5 } })
    const dear = await f.product({ priceCents: 2999, stock: { [f.store.id]: 5 } })
    const bought = await tillSale(cheap, 1, [{ method: 'card', amount_cents: 1999 }])
    const up = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: bought.id,
      method: 'in_store',
      lines: [
        { order_line_id: bought.lines[0].id, quantity: 1, reason: 'wrong_size', condition: 'resellable' },
      ],
      exchange: {
        channel: f.channels.store.code,
        lines: [{ sku: dear, quantity: 1, fulfilment: 'takeaway' }],
        payments: [{ method: 'card', amount_cents: 1000 }],
      },
    })
    expect(up.statusCode, up.body).toBe(201)
    const newOrder = (await as(t.app, t.admin).get(`/api/v1/orders/${up.json().exchange_order_id}`)).json()
    expect(newOrder).toMatchObject({ status: 'completed', total_cents: 2999, paid_cents: 2999 })
    expect(newOrder.payments.map((p: Json) => [p.method, p.amount_cents])).toEqual([
      ['store_credit', 1999],
      ['card', 1000],
    ])
    expect(await balanceOf(up.json().refunds[0].credited_code)).toBe(0)
    expect(await stockAt(cheap, f.store.id)).toMatchObject({ on_hand: 5 })
    expect(await stockAt(dear, f.store.id)).toMatchObject({ on_hand: 4 })

    const down = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: newOrder.id,
      method: 'in_store',
      lines: [
        { order_line_id: newOrder.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
      ],
      exchange: {
        channel: f.channels.store.code,
        lines: [{ sku: cheap, quantity: 1, fulfilment: 'takeaway' }],
      },
    })
    expect(down.statusCode, down.body).toBe(201)
    expect(await balanceOf(down.json().refunds[0].credited_code)).toBe(1000)

    const short = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: (await tillSale(cheap, 1, [{ method: 'card', amount_cents: 1999 }])).id,
      method: 'in_store',
      lines: [{ order_line_id: 'x', quantity: 1, reason: 'changed_mind', condition: 'resellable' }],
    })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.details.field).toBe('lines/0/order_line_id')
  })

  it('an exchange that is not paid in full is refused and leaves nothing behind', async () => {
    const cheap = await f.product({ priceCents: 1000, stock: { [f.store.id]: 2 } })
    const dear = await f.product({ priceCents: 5000, stock: { [f.store.id]: 2 } })
    const bought = await tillSale(cheap, 1, [{ method: 'card', amount_cents: 1000 }])
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: bought.id,
      method: 'in_store',
      lines: [
        { order_line_id: bought.lines[0].id, quantity: 1, reason: 'wrong_size', condition: 'resellable' },
      ],
      exchange: {
        channel: f.channels.store.code,
        lines: [{ sku: dear, quantity: 1, fulfilment: 'takeaway' }],
      },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('payment_mismatch')
    const after = (await as(t.app, t.admin).get(`/api/v1/orders/${bought.id}`)).json()
    expect(after).toMatchObject({ refunded_cents: 0 })
    expect(after.lines[0].returned_quantity).toBe(0)
    expect(await stockAt(cheap, f.store.id)).toMatchObject({ on_hand: 1 })
    expect(await stockAt(dear, f.store.id)).toMatchObject({ on_hand: 2 })
    expect((await as(t.app, t.admin).get(`/api/v1/returns?order_id=${bought.id}`)).json().data).toEqual([])
  })

  it('the same line returned twice at the same moment: one return succeeds, the other is refused', async () => {
    const sku = await f.product({ priceCents: 1500, stock: { [f.store.id]: 3 } })
    const order = await tillSale(sku, 1, [{ method: 'card', amount_cents: 1500 }])
    const attempt = () =>
      as(t.app, f.keys.store).post('/api/v1/returns', {
        order_id: order.id,
        method: 'in_store',
        lines: [
          { order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
        ],
      })
    const results = await Promise.all([attempt(), attempt(), attempt()])
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
    const after = (await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json()
    expect(after.refunded_cents).toBe(1500)
    expect(after.lines[0].returned_quantity).toBe(1)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 3 })
  })

  it('past the window or a non-returnable category is refused unless a store manager overrides it', async () => {
    const put = await as(t.app, t.admin).put('/api/v1/return-policies', {
      category: 'food_gifts',
      window_days: 0,
      returnable: false,
    })
    expect(put.statusCode, put.body).toBe(200)
    const sku = await f.product({ priceCents: 1200, category: 'food_gifts', stock: { [f.store.id]: 3 } })
    const order = await tillSale(sku, 1, [{ method: 'card', amount_cents: 1200 }])
    const body = {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
      ],
    }
    const refused = await as(t.app, f.keys.store).post('/api/v1/returns', body)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.code).toBe('return_not_allowed')
    expect(refused.json().error.details.rules.map((r: Json) => r.rule)).toEqual(['not_returnable', 'window'])
    const notManager = await as(t.app, f.keys.store).post('/api/v1/returns', {
      ...body,
      override: { reason: 'gift box crushed by us' },
    })
    expect(notManager.statusCode).toBe(403)
    const untouched = (await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json()
    expect(untouched.lines[0].returned_quantity).toBe(0)
    expect(untouched.refunded_cents).toBe(0)

    const overridden = await as(t.app, manager).post('/api/v1/returns', {
      ...body,
      override: { reason: 'gift box crushed by us' },
    })
    expect(overridden.statusCode, overridden.body).toBe(201)
    expect(overridden.json().override).toMatchObject({
      reason: 'gift box crushed by us',
      name: 'Lyon store manager',
      rules: [
        expect.objectContaining({ rule: 'not_returnable' }),
        expect.objectContaining({ rule: 'window', message: expect.stringMatching(/within 0 days/) }),
      ],
    })
  })

  it('a damaged item goes to quarantine, a defective one too with the store’s supplier claim; neither is sellable', async () => {
    const sku = await f.product({ priceCents: 8000, stock: { [f.store.id]: 2 } })
    const order = await tillSale(sku, 2, [{ method: 'card', amount_cents: 16000 }])
    const damaged = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'damaged_on_arrival', condition: 'damaged' },
      ],
    })
    expect(damaged.statusCode, damaged.body).toBe(201)
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 0, available: 0, quarantined: 1 })
    const defective = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'defective', condition: 'defective' }],
    })
    expect(defective.statusCode, defective.body).toBe(201)
    const ticketId = defective.json().lines[0].ticket_id
    expect(ticketId).toBeTruthy()
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 0, quarantined: 2 })
    const ticket = await as(t.app, f.keys.callCentre).get(`/api/v1/tickets/${ticketId}`)
    expect(ticket.statusCode, ticket.body).toBe(200)
    expect(ticket.json()).toMatchObject({
      kind: 'supplier_claim',
      customer_id: null,
      location_id: f.store.id,
      order_id: order.id,
    })
    const history = (
      await as(t.app, t.admin).get(`/api/v1/inventory/${sku}/movements?location_id=${f.store.id}`)
    ).json()
    expect(JSON.stringify(history)).toContain('quarantine')
  })

  it('a web shop returns its own orders only, cannot take goods back over the counter, and bad input names the field', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 2 } })
    const order = await tillSale(sku, 1, [{ method: 'card', amount_cents: 1000 }])
    const other = await as(t.app, f.keys.web).post('/api/v1/returns', {
      order_id: order.id,
      method: 'carrier',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(other.statusCode).toBe(404)
    const badReason = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'bored', condition: 'resellable' }],
    })
    expect(badReason.statusCode).toBe(400)
    expect(badReason.json().error.message).toMatch(/reason/)
    const noCondition = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(noCondition.statusCode).toBe(400)
    expect(noCondition.json().error.details.field).toBe('lines/0/condition')
    const dropOff = await as(t.app, f.keys.callCentre).post('/api/v1/returns', {
      order_id: order.id,
      method: 'store_drop_off',
      location_id: f.warehouse.id,
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(dropOff.statusCode).toBe(400)
    expect(dropOff.json().error.details.field).toBe('location_id')
    const after = (await as(t.app, t.admin).get(`/api/v1/orders/${order.id}`)).json()
    expect(after.lines[0].returned_quantity).toBe(0)
  })

  it('a return awaiting its parcel can be cancelled, and its units returned again later', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 2 } })
    const order = await tillSale(sku, 1, [{ method: 'card', amount_cents: 1000 }])
    const rma = await as(t.app, f.keys.callCentre).post('/api/v1/returns', {
      order_id: order.id,
      method: 'store_drop_off',
      location_id: f.store.id,
      lines: [{ order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind' }],
    })
    expect(rma.statusCode, rma.body).toBe(201)
    const cancelled = await as(t.app, f.keys.callCentre).post(`/api/v1/returns/${rma.json().id}/cancel`, {
      reason: 'customer kept it',
    })
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' })
    const again = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
      ],
    })
    expect(again.statusCode, again.body).toBe(201)
  })

  it('a return takes back the loyalty points its goods earned, in proportion', async () => {
    const phone = `+3367${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
    const customer = await as(t.app, f.keys.store).post('/api/v1/customers', {
      first_name: 'Inès',
      last_name: 'Moreau',
      phone,
    })
    expect(customer.statusCode, customer.body).toBe(201)
    const id = customer.json().id
    const points = async () => (await as(t.app, f.keys.store).get(`/api/v1/customers/${id}/loyalty`)).json()
    const sku = await f.product({ priceCents: 5000, stock: { [f.store.id]: 4 } })
    const order = await tillSale(sku, 2, [{ method: 'card', amount_cents: 10000 }], { customer_id: id })
    await settle(t.database.db) // the sale earns a moment after it completes
    const earned = (await points()).balance
    expect(earned).toBeGreaterThanOrEqual(100)
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const after = await points()
    expect(after.balance).toBe(earned - Math.floor(earned / 2))
    expect(after.entries[0]).toMatchObject({
      kind: 'reversal',
      points: -Math.floor(earned / 2),
      order_id: order.id,
    })
    const found = await as(t.app, f.keys.franchise).get(`/api/v1/purchases?phone=0${phone.slice(3)}`)
    expect(found.json().data.map((o: Json) => o.id)).toContain(order.id)
  })
})
