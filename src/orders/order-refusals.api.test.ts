import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retailFixture } from '../testing/fixture.ts'
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

const admin = () => as(t.app, t.admin)

/** A SKU the store has had and sold out: its stock row is there, with nothing available. */
async function soldOut(priceCents = 1999, category?: string) {
  const sku = await f.product({ priceCents, stock: { [f.store.id]: 1 }, ...(category ? { category } : {}) })
  const res = await admin().post('/api/v1/inventory/adjustments', {
    location_id: f.store.id,
    sku,
    counted_quantity: 0,
    reason: 'last unit broken',
  })
  expect(res.statusCode, res.body).toBe(201)
  return sku
}

async function member() {
  const res = await admin().post('/api/v1/customers', {
    first_name: 'Inès',
    last_name: `Martin${unique()}`,
    email: `ines.${unique().toLowerCase()}@example.fr`,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

const tillSale = (body: Json) =>
  as(t.app, f.keys.store).post('/api/v1/orders', { channel: f.channels.store.code, ...body })

const stockAt = async (sku: string, locationId: string) => {
  const res = await admin().get(`/api/v1/inventory/${sku}`)
  const level = res.json().levels.find((l: { location_id: string }) => l.location_id === locationId)
  return level ?? { on_hand: 0, reserved: 0, available: 0 }
}

const ordersOf = async (customerId: string) =>
  (await admin().get(`/api/v1/orders?customer_id=${customerId}`)).json().data as Json[]

function expectOutOfStock(res: { statusCode: number; body: string; json(): Json }, sku: string) {
  expect(res.statusCode, res.body).toBe(409)
  expect(res.json().error).toMatchObject({
    code: 'insufficient_stock',
    details: { items: [{ sku, location_id: f.store.id, requested: 1, available: 0 }] },
  })
}

describe('an order short of stock is refused with what is missing, whatever else it carries', () => {
  it("a known customer's till sale of a SKU with none left answers 409 with the SKU, the store and what is available", async () => {
    const sku = await soldOut(1999)
    const customer = await member()
    const res = await tillSale({
      customer_id: customer,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expectOutOfStock(res, sku)
    expect(await ordersOf(customer)).toEqual([])
    const points = (await admin().get(`/api/v1/customers/${customer}/loyalty`)).json()
    expect(points.balance).toBe(0)
  })

  it('a refused till sale paid partly with loyalty points spends none of them', async () => {
    const sku = await soldOut(5000)
    const customer = await member()
    const gift = await admin().post(`/api/v1/customers/${customer}/loyalty/adjustments`, {
      points: 200,
      reason: 'welcome',
    })
    expect(gift.statusCode, gift.body).toBe(200)
    const res = await tillSale({
      customer_id: customer,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [
        { method: 'loyalty_points', amount_cents: 500 },
        { method: 'card', amount_cents: 4500 },
      ],
    })
    expectOutOfStock(res, sku)
    const points = (await admin().get(`/api/v1/customers/${customer}/loyalty`)).json()
    expect(points.balance).toBe(200)
  })

  it('a refused sale paid with a gift card, with a line to collect in another store, takes nothing from the card or the stores', async () => {
    const missing = await soldOut(1000)
    const elsewhere = await f.product({ priceCents: 2000, stock: { [f.franchise.id]: 3 } })
    const card = await as(t.app, f.keys.store).post('/api/v1/gift-cards', {
      amount_cents: 2500,
      paid_with: 'cash',
    })
    expect(card.statusCode, card.body).toBe(201)
    const code = card.json().code as string
    const res = await tillSale({
      customer_id: await member(),
      lines: [
        { sku: elsewhere, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.franchise.id },
        { sku: missing, quantity: 1, fulfilment: 'takeaway' },
      ],
      payments: [
        { method: 'gift_card', amount_cents: 2500, reference: code },
        { method: 'card', amount_cents: 500 },
      ],
    })
    expectOutOfStock(res, missing)
    expect((await admin().get(`/api/v1/stored-value/${code}`)).json().balance_cents).toBe(2500)
    expect(await stockAt(elsewhere, f.franchise.id)).toMatchObject({ on_hand: 3, reserved: 0 })
  })

  it('a refused sale with a promotion limited in number uses none of its uses', async () => {
    const cat = `refusal-${unique()}`
    const sku = await soldOut(1000, cat)
    const code = `ONCE${unique()}`
    const promo = await admin().post('/api/v1/promotions', {
      code: `P-${unique()}`,
      name: 'Une fois',
      kind: 'amount_off',
      amount_cents: 300,
      voucher_code: code,
      limit_total: 1,
      target: { kind: 'categories', categories: [cat] },
    })
    expect(promo.statusCode, promo.body).toBe(201)
    const res = await tillSale({
      customer_id: await member(),
      promotion_codes: [code],
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 700 }],
    })
    expectOutOfStock(res, sku)
    const after = (await admin().get(`/api/v1/promotions/${promo.json().code}`)).json()
    expect(after).toMatchObject({ used_count: 0, orders: 0 })
  })

  it('a till retrying the sale that took the last unit gets that sale back, not a refusal', async () => {
    const sku = await f.product({ priceCents: 1500, stock: { [f.store.id]: 1 } })
    const customer = await member()
    const body = {
      customer_id: customer,
      lines: [{ sku, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1500 }],
    }
    const headers = { 'idempotency-key': `last-${sku}` }
    const send = () =>
      as(t.app, f.keys.store).post('/api/v1/orders', { channel: f.channels.store.code, ...body }, headers)
    const [a, b] = await Promise.all([send(), send()])
    const c = await send()
    expect([a.statusCode, b.statusCode, c.statusCode], `${a.body} ${b.body}`).toEqual([201, 201, 201])
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1)
    expect(c.headers['idempotent-replayed']).toBe('true')
    expect(await stockAt(sku, f.store.id)).toMatchObject({ on_hand: 0 })
    const other = await tillSale(body)
    expectOutOfStock(other, sku)
  })

  it('an exchange for goods the store has run out of is refused with the SKU and gives nothing back', async () => {
    const kept = await f.product({ priceCents: 1999, stock: { [f.store.id]: 1 } })
    const wanted = await soldOut(1999)
    const sale = await tillSale({
      lines: [{ sku: kept, quantity: 1, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 1999 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    const order = sale.json()
    const res = await as(t.app, f.keys.store).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 1, reason: 'wrong_size', condition: 'resellable' },
      ],
      exchange: {
        channel: f.channels.store.code,
        lines: [{ sku: wanted, quantity: 1, fulfilment: 'takeaway' }],
      },
    })
    expectOutOfStock(res, wanted)
    const after = (await admin().get(`/api/v1/orders/${order.id}`)).json()
    expect(after).toMatchObject({ refunded_cents: 0 })
    expect(after.lines[0].returned_quantity).toBe(0)
    expect(await stockAt(kept, f.store.id)).toMatchObject({ on_hand: 0 })
  })
})

/**
 * Every statement the server sends outside a transaction (the driver's pool, or the embedded
 * database), the SQLSTATE of those the database refused and, on PostgreSQL, the connections the
 * pool threw away (the pool closes a connection whose query failed).
 */
function watchStatements() {
  const client = (t.database.db as unknown as { session: { client: Json } }).session.client
  const original = client.query
  const seen = { sent: 0, failed: [] as string[], dropped: 0 }
  client.query = async function (this: unknown, ...args: unknown[]) {
    seen.sent++
    try {
      return await original.apply(this, args)
    } catch (err) {
      seen.failed.push((err as { code?: string }).code ?? String(err))
      throw err
    }
  }
  // The pool is handed the query's error when the connection goes back, and closes it then.
  const dropped = (err?: Error) => {
    if (err) seen.dropped++
  }
  if (client instanceof pg.Pool) client.on('release', dropped)
  return {
    seen,
    stop() {
      client.query = original
      if (client instanceof pg.Pool) client.off('release', dropped)
    },
  }
}

describe('a refusal costs no more than a sale', () => {
  it('a till sale refused for lack of stock sends no failing statement and no more statements than a sale', async () => {
    const stocked = await f.product({ priceCents: 1000, stock: { [f.store.id]: 50 } })
    const gone = await soldOut(1000)
    const sale = (sku: string) =>
      tillSale({
        lines: [
          { sku: stocked, quantity: 1, fulfilment: 'takeaway' },
          { sku, quantity: 1, fulfilment: 'takeaway' },
        ],
        payments: [{ method: 'card', amount_cents: 2000 }],
      })
    // Caches (channel, locations, promotions, franchise contracts) warm, as under load.
    expect((await sale(stocked)).statusCode).toBe(201)

    const accepted = watchStatements()
    const placed = await sale(stocked)
    accepted.stop()
    expect(placed.statusCode, placed.body).toBe(201)

    const refused = watchStatements()
    const res = await sale(gone)
    refused.stop()
    expect(res.statusCode, res.body).toBe(409)
    expect(res.json().error.details.items).toEqual([
      { sku: gone, location_id: f.store.id, requested: 1, available: 0 },
    ])
    // A refusal raised as an SQL error made the pool close the connection, and its reason was read
    // by a second statement: every refused order then paid for a new connection and its planning.
    expect(refused.seen.failed).toEqual([])
    expect(refused.seen.dropped).toBe(0)
    expect(refused.seen.sent).toBeLessThanOrEqual(accepted.seen.sent)
    expect(await stockAt(stocked, f.store.id)).toMatchObject({ on_hand: 46, reserved: 0 })
  })
})
