import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nextPeriod, periodOf } from '../shared/period.domain.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { propertyRuns } from '../testing/property-runs.ts'
import { deliverAsAWorkerMight, deliverySchedules } from '../testing/redelivery.ts'
import { settle } from '../testing/settle.ts'
import { accrueFromOrders } from './accrual.consumer.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let riviera: Json
let other: Json
let rivieraKey: string
let otherKey: string
let sku: string

const niceAddress = {
  name: 'Léa Rossi',
  line1: '3 rue de France',
  postcode: '06000',
  city: 'Nice',
  country: 'FR',
}
const thisMonth = periodOf(new Date())
const lastMonth = (() => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
})()

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  const admin = as(t.app, t.admin)
  const created = async (url: string, body: Json) => {
    const res = await admin.post(url, body)
    expect(res.statusCode, `${url} ${res.body}`).toBe(201)
    return res.json() as Json
  }
  riviera = await created('/api/v1/franchisees', { code: `${f.prefix}-RIV`, name: 'Riviera Maison SARL' })
  other = await created('/api/v1/franchisees', { code: `${f.prefix}-OTH`, name: 'Autre Franchisé SAS' })
  const assigned = await admin.put(`/api/v1/franchisees/${riviera.id}/stores/${f.franchise.id}`, {
    catchment: { kind: 'postcodes', postcodes: ['06000', '06100'] },
  })
  expect(assigned.statusCode, assigned.body).toBe(200)
  await created(`/api/v1/franchisees/${riviera.id}/commission-plans`, {
    valid_from: '2020-01-01',
    default_rate_bp: 500,
    category_rates_bp: { kitchen: 800 },
    click_collect_fee_cents: 250,
    ship_from_store_fee_cents: 300,
  })
  rivieraKey = (
    await created('/api/v1/api-keys', { name: 'Riviera', role: 'franchisee', franchisee_id: riviera.id })
  ).secret
  otherKey = (
    await created('/api/v1/api-keys', { name: 'Other', role: 'franchisee', franchisee_id: other.id })
  ).secret
  // 12,00 € incl. 20 % VAT: 10,00 € net, 0,80 € of commission at the kitchen rate.
  sku = await f.product({
    priceCents: 1200,
    category: 'kitchen',
    stock: { [f.franchise.id]: 20, [f.warehouse.id]: 20 },
  })
})
afterAll(() => t.close())

/** A web order, and the moment after it in which the franchise consumer attributes and accrues it. */
async function webOrder(body: Json) {
  const res = await as(t.app, f.keys.web).post('/api/v1/orders', { channel: f.channels.web.code, ...body })
  expect(res.statusCode, res.body).toBe(201)
  await settle(t.database.db)
  return res.json() as Json
}

/** A month's statement, read once what happened before has reached the ledger (cancellations, returns). */
const statement = async (key: string, period: string, franchisee = riviera.id) => {
  await settle(t.database.db)
  return as(t.app, key).get(`/api/v1/franchisees/${franchisee}/statements/${period}`)
}

const linesOf = (s: Json, orderId: string) => s.lines.filter((l: Json) => l.order_id === orderId)

describe('franchise attribution and commissions', () => {
  it('a click & collect order in a franchised store is attributed and commissioned to it', async () => {
    const order = await webOrder({
      lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.franchise.id }],
      payments: [{ method: 'card', amount_cents: 2400 }],
    })
    const a = await as(t.app, rivieraKey).get(`/api/v1/franchise/attributions/${order.id}`)
    expect(a.statusCode, a.body).toBe(200)
    expect(a.json()).toMatchObject({
      location_id: f.franchise.id,
      franchisee_id: riviera.id,
      rule: 'collecting_store',
      net_cents: 2000,
      commission_cents: 160,
    })
    const s = (await statement(rivieraKey, thisMonth)).json()
    expect(linesOf(s, order.id)).toEqual([
      expect.objectContaining({
        kind: 'commission',
        quantity: 2,
        base_cents: 2000,
        rate_bp: 800,
        amount_cents: 160,
      }),
      expect.objectContaining({ kind: 'preparation_fee', category: 'click_collect', amount_cents: 250 }),
    ])
  })

  it("a web delivery in a franchisee's catchment is attributed to its store, with the rule and reason", async () => {
    const order = await webOrder({
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: niceAddress,
      payments: [{ method: 'card', amount_cents: 1200 }],
    })
    const a = (await as(t.app, t.admin).get(`/api/v1/franchise/attributions/${order.id}`)).json()
    expect(a).toMatchObject({ location_id: f.franchise.id, rule: 'delivery_catchment', commission_cents: 80 })
    expect(a.reason).toContain('06000')
    // A delivery in Lyon belongs to the owned store's catchment: nothing is attributed.
    const lyon = await webOrder({
      lines: [{ sku, quantity: 1, fulfilment: 'delivery' }],
      delivery_address: { ...niceAddress, postcode: '69002', city: 'Lyon' },
      payments: [{ method: 'card', amount_cents: 1200 }],
    })
    expect((await as(t.app, t.admin).get(`/api/v1/franchise/attributions/${lyon.id}`)).statusCode).toBe(404)
    const listed = (await as(t.app, rivieraKey).get('/api/v1/franchise/attributions?limit=200')).json().data
    expect(listed.map((x: Json) => x.order_id)).toContain(order.id)
  })

  it("a return reverses the commission in the return's period; a closed statement never changes", async () => {
    const order = await webOrder({
      lines: [{ sku, quantity: 3, fulfilment: 'pickup', pickup_location_id: f.franchise.id }],
      payments: [{ method: 'card', amount_cents: 3600 }],
    })
    // The sale happened last month (moved back in time in the ledger, as if placed then).
    await t.database.db.execute(
      sql`UPDATE commission_entry SET period = ${lastMonth}, event_at = now() - interval '32 days'
          WHERE order_id = ${order.id}`,
    )
    const closed = await as(t.app, t.admin).post(
      `/api/v1/franchisees/${riviera.id}/statements/${lastMonth}/close`,
      {},
    )
    expect(closed.statusCode, closed.body).toBe(201)
    const frozen = closed.json()
    expect(frozen).toMatchObject({
      status: 'closed',
      totals: { commission_cents: 240, preparation_fees_cents: 250 },
    })

    const collected = await as(t.app, f.keys.franchise).post(`/api/v1/orders/${order.id}/fulfil`, {
      lines: [{ line_id: order.lines[0].id, quantity: 3 }],
    })
    expect(collected.statusCode, collected.body).toBe(200)
    const ret = await as(t.app, f.keys.franchise).post('/api/v1/returns', {
      order_id: order.id,
      method: 'in_store',
      lines: [
        { order_line_id: order.lines[0].id, quantity: 2, reason: 'changed_mind', condition: 'resellable' },
      ],
    })
    expect(ret.statusCode, ret.body).toBe(201)

    const now = (await statement(rivieraKey, thisMonth)).json()
    expect(linesOf(now, order.id)).toEqual([
      expect.objectContaining({
        kind: 'commission_reversal',
        quantity: -2,
        base_cents: -2000,
        amount_cents: -160,
      }),
    ])
    const again = await statement(rivieraKey, lastMonth)
    expect(again.json()).toEqual(frozen)
    const twice = await as(t.app, t.admin).post(
      `/api/v1/franchisees/${riviera.id}/statements/${lastMonth}/close`,
      {},
    )
    expect(twice.statusCode).toBe(409)
    expect(
      (await as(t.app, t.admin).post(`/api/v1/franchisees/${riviera.id}/statements/${thisMonth}/close`, {}))
        .statusCode,
    ).toBe(422)
    expect(nextPeriod(lastMonth)).toBe(thisMonth)
  })

  it('a cancelled click & collect order gives back its commission and its preparation fee', async () => {
    const order = await webOrder({
      lines: [{ sku, quantity: 1, fulfilment: 'pickup', pickup_location_id: f.franchise.id }],
      payments: [{ method: 'card', amount_cents: 1200 }],
    })
    const res = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, {
      reason: 'customer called',
    })
    expect(res.statusCode, res.body).toBe(200)
    const lines = linesOf((await statement(t.admin, thisMonth)).json(), order.id)
    expect(lines.reduce((s: number, l: Json) => s + l.amount_cents, 0)).toBe(0)
    expect(lines.map((l: Json) => l.kind)).toEqual([
      'commission',
      'preparation_fee',
      'commission_reversal',
      'fee_reversal',
    ])
  })

  it('a cancelled order is commissioned once and reversed once, whatever the redeliveries and however many workers at once', async () => {
    await fc.assert(
      fc.asyncProperty(deliverySchedules, async (schedule) => {
        const placed = await as(t.app, f.keys.web).post('/api/v1/orders', {
          channel: f.channels.web.code,
          lines: [{ sku, quantity: 2, fulfilment: 'pickup', pickup_location_id: f.franchise.id }],
          payments: [{ method: 'card', amount_cents: 2400 }],
        })
        expect(placed.statusCode, placed.body).toBe(201)
        const order = placed.json()
        const cancelled = await as(t.app, t.admin).post(`/api/v1/orders/${order.id}/cancel`, {
          reason: 'customer called',
        })
        expect(cancelled.statusCode, cancelled.body).toBe(200)
        await deliverAsAWorkerMight(t.database.db, accrueFromOrders, order.id, schedule)
        const lines = linesOf((await statement(t.admin, thisMonth)).json(), order.id)
        expect(lines.map((l: Json) => [l.kind, l.amount_cents])).toEqual([
          ['commission', 160],
          ['preparation_fee', 250],
          ['commission_reversal', -160],
          ['fee_reversal', -250],
        ])
      }),
      { numRuns: propertyRuns(8) },
    )
  })

  it('shows a franchisee its stores by name and town, though its key reads no locations', async () => {
    const own = await as(t.app, rivieraKey).get(`/api/v1/franchisees/${riviera.id}`)
    expect(own.statusCode, own.body).toBe(200)
    const store = (await as(t.app, t.admin).get(`/api/v1/locations/${f.franchise.id}`)).json()
    expect(own.json().stores).toEqual([
      {
        location_id: f.franchise.id,
        name: store.name,
        city: store.city,
        catchment: { kind: 'postcodes', postcodes: ['06000', '06100'] },
      },
    ])
    expect((await as(t.app, rivieraKey).get('/api/v1/locations')).statusCode).toBe(403)
  })

  it("one franchisee cannot read another's statement nor its attributions, nor any order", async () => {
    expect((await statement(otherKey, thisMonth)).statusCode).toBe(404)
    expect((await statement(otherKey, thisMonth, other.id)).statusCode).toBe(200)
    expect((await as(t.app, otherKey).get('/api/v1/franchise/attributions')).json().data).toEqual([])
    expect(
      (await as(t.app, otherKey).get(`/api/v1/franchisees/${riviera.id}/statements/${thisMonth}/csv`))
        .statusCode,
    ).toBe(404)
    expect((await as(t.app, otherKey).get('/api/v1/orders')).statusCode).toBe(403)
    expect(
      (await as(t.app, otherKey).post(`/api/v1/franchisees/${other.id}/statements/${lastMonth}/close`, {}))
        .statusCode,
    ).toBe(403)
    const me = (await as(t.app, otherKey).get('/api/v1/me')).json()
    expect(me).toMatchObject({ role: 'franchisee', franchisee_id: other.id })
  })

  it('the statement downloads as CSV and prints as a page in French or English', async () => {
    const csv = await as(t.app, rivieraKey).get(
      `/api/v1/franchisees/${riviera.id}/statements/${lastMonth}/csv`,
    )
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('Commission;')
    expect(csv.body).toContain('2,40')
    const fr = await as(t.app, rivieraKey).get(
      `/api/v1/franchisees/${riviera.id}/statements/${lastMonth}/print`,
    )
    expect(fr.headers['content-type']).toContain('text/html')
    expect(fr.body).toContain('Relevé de commissions')
    expect(fr.body).toContain('4,90 €')
    const en = await as(t.app, rivieraKey).get(
      `/api/v1/franchisees/${riviera.id}/statements/${lastMonth}/print?lang=en`,
    )
    expect(en.body).toContain('Commission statement')
  })

  it('bad input names the field', async () => {
    const key = await as(t.app, t.admin).post('/api/v1/api-keys', { name: 'x', role: 'franchisee' })
    expect(key.statusCode).toBe(400)
    expect(key.json().error.details.field).toBe('franchisee_id')
    const rules = await as(t.app, t.admin).put('/api/v1/franchise/attribution-rules', {
      rules: ['home_store', 'psychic'],
    })
    expect(rules.statusCode).toBe(400)
    expect(rules.json().error.details.field).toBe('rules/1')
    const period = await statement(t.admin, '2025-13')
    expect(period.json().error.details.field).toBe('period')
    const owned = await as(t.app, t.admin).put(`/api/v1/franchisees/${riviera.id}/stores/${f.store.id}`, {
      catchment: { kind: 'nearest' },
    })
    expect(owned.statusCode).toBe(422)
  })
})
