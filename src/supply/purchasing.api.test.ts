import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let manager: string
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  manager = (
    await f.admin.post('/api/v1/api-keys', {
      name: `manager ${f.prefix}`,
      role: 'store_staff',
      location_id: f.store.id,
      manager: true,
    })
  ).json().secret
})
afterAll(() => t.close())

const level = async (location: string, sku: string) =>
  (
    await rows<{ on_hand: number; quarantined: number }>(
      t.database.db,
      sql`SELECT on_hand, quarantined FROM stock_level WHERE location_id = ${location} AND sku = ${sku}`,
    )
  )[0] ?? { on_hand: 0, quarantined: 0 }

async function supplier(
  items: Array<{ sku: string; unit_cost_cents: number; pack_size?: number }> = [],
  extra = {},
) {
  const res = await f.admin.post('/api/v1/suppliers', {
    code: `${f.prefix}-S${Math.floor(Math.random() * 1e6)}`,
    name: 'Fournisseur',
    lead_days: 7,
    over_tolerance_pct: 10,
    items,
    ...extra,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

describe('purchase orders', () => {
  it('a delivery with damaged and missing units, then an over-delivery held for approval, then a return of the damaged', async () => {
    const a = await f.product()
    const b = await f.product()
    const s = await supplier([{ sku: a, unit_cost_cents: 450 }])
    const po = await f.admin.post('/api/v1/purchase-orders', {
      reference: `${f.prefix}-PO1`,
      supplier: s.code,
      location_id: f.store.id,
      expected_on: '2030-03-02',
      lines: [
        { sku: a, quantity: 10 },
        { sku: b, quantity: 10, unit_cost_cents: 300 },
      ],
    })
    expect(po.statusCode, po.body).toBe(201)
    expect(po.json()).toMatchObject({
      status: 'open',
      total_cents: 7500,
      lines: [{ unit_cost_cents: 450 }, { unit_cost_cents: 300 }],
    })
    const id = po.json().id

    const notice = await f.admin.post(`/api/v1/purchase-orders/${id}/notices`, {
      reference: 'ASN-1',
      arrives_at: '2030-03-02T08:00:00Z',
      lines: [
        { sku: a, quantity: 10 },
        { sku: b, quantity: 8 },
      ],
    })
    expect(notice.statusCode, notice.body).toBe(201)

    const staff = as(t.app, f.keys.store)
    const first = await staff.post(`/api/v1/purchase-orders/${id}/receipts`, {
      notice_id: notice.json().id,
      lines: [
        { sku: a, received: 10 },
        { sku: b, received: 7, damaged: 1 },
      ],
    })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({
      status: 'posted',
      lines: [
        { sku: a, ordered: 10, outstanding: 10, received: 10, damaged: 0, over: 0, short: 0 },
        { sku: b, ordered: 10, outstanding: 10, received: 7, damaged: 1, over: 0, short: 2 },
      ],
    })
    expect(await level(f.store.id, a)).toEqual({ on_hand: 10, quarantined: 0 })
    expect(await level(f.store.id, b)).toEqual({ on_hand: 7, quarantined: 1 })
    expect((await f.admin.get(`/api/v1/purchase-orders/${id}`)).json()).toMatchObject({
      status: 'partially_received',
      notices: [{ status: 'received' }],
    })

    // 2 were owed, 5 came: 13 of 10 ordered is over the 10 % tolerance.
    const over = await staff.post(`/api/v1/purchase-orders/${id}/receipts`, {
      lines: [{ sku: b, received: 5 }],
    })
    expect(over.json()).toMatchObject({
      status: 'awaiting_approval',
      over_tolerance: [b],
      lines: [{ over: 3, short: 0 }],
    })
    expect(await level(f.store.id, b)).toEqual({ on_hand: 7, quarantined: 1 })
    const path = `/api/v1/purchase-orders/${id}/receipts/${over.json().id}/decision`
    expect((await staff.post(path, { accept: true })).statusCode).toBe(403)
    const accepted = await as(t.app, manager).post(path, { accept: true })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json().status).toBe('posted')
    expect(await level(f.store.id, b)).toEqual({ on_hand: 12, quarantined: 1 })
    expect((await f.admin.get(`/api/v1/purchase-orders/${id}`)).json().status).toBe('received')
    const again = await as(t.app, manager).post(path, { accept: true })
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'receipt_decided'])
    const closed = await staff.post(`/api/v1/purchase-orders/${id}/receipts`, {
      lines: [{ sku: a, received: 1 }],
    })
    expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'purchase_order_closed'])

    const back = await staff.post('/api/v1/supplier-returns', {
      supplier: s.id,
      location_id: f.store.id,
      purchase_order_id: id,
      reason: 'carton écrasé',
      lines: [{ sku: b, quantity: 1, from: 'quarantine' }],
    })
    expect(back.statusCode, back.body).toBe(201)
    expect(await level(f.store.id, b)).toEqual({ on_hand: 12, quarantined: 0 })
    const tooMany = await staff.post('/api/v1/supplier-returns', {
      supplier: s.id,
      location_id: f.store.id,
      reason: 'invendus',
      lines: [{ sku: a, quantity: 11, from: 'on_hand' }],
    })
    expect([tooMany.statusCode, tooMany.json().error.code]).toEqual([409, 'insufficient_stock'])

    const ledger = await rows<{ sku: string; on_hand: number; quarantined: number }>(
      t.database.db,
      sql`SELECT sku, sum(on_hand_delta)::int AS on_hand, sum(quarantined_delta)::int AS quarantined
          FROM stock_movement WHERE location_id = ${f.store.id} AND sku IN (${a}, ${b}) GROUP BY sku ORDER BY sku`,
    )
    expect(ledger).toEqual([
      { sku: a, on_hand: 10, quarantined: 0 },
      { sku: b, on_hand: 12, quarantined: 0 },
    ])
  })

  it('refuses what is not on the order, a reference twice, and purchasing by a store key', async () => {
    const a = await f.product()
    const other = await f.product()
    const s = await supplier()
    const po = await f.admin.post('/api/v1/purchase-orders', {
      reference: `${f.prefix}-PO2`,
      supplier: s.id,
      location_id: f.warehouse.id,
      expected_on: '2030-03-02',
      lines: [{ sku: a, quantity: 5 }],
    })
    const off = await f.admin.post(`/api/v1/purchase-orders/${po.json().id}/receipts`, {
      lines: [{ sku: other, received: 1 }],
    })
    expect([off.statusCode, off.json().error.code]).toEqual([422, 'sku_not_on_order'])
    const twice = await f.admin.post('/api/v1/purchase-orders', {
      reference: `${f.prefix}-PO2`,
      supplier: s.id,
      location_id: f.warehouse.id,
      expected_on: '2030-03-02',
      lines: [{ sku: a, quantity: 5 }],
    })
    expect([twice.statusCode, twice.json().error.details.field]).toEqual([400, 'reference'])
    const store = await as(t.app, f.keys.store).post('/api/v1/purchase-orders', {
      supplier: s.id,
      location_id: f.store.id,
      expected_on: '2030-03-02',
      lines: [{ sku: a, quantity: 5 }],
    })
    expect(store.statusCode).toBe(403)
    const dup = await f.admin.post('/api/v1/purchase-orders', {
      supplier: s.id,
      location_id: f.warehouse.id,
      expected_on: '2030-03-02',
      lines: [
        { sku: a, quantity: 5 },
        { sku: a, quantity: 1 },
      ],
    })
    expect([dup.statusCode, dup.json().error.details.field]).toEqual([400, 'lines/1/sku'])
    const cancelled = await f.admin.post(`/api/v1/purchase-orders/${po.json().id}/cancel`)
    expect(cancelled.json().status).toBe('cancelled')
  })

  it('imports the ERP’s file with row-level refusals, creates nothing twice, and exports the open orders', async () => {
    const a = await f.product()
    const b = await f.product()
    const s = await supplier()
    const file = [
      'reference,supplier,location,expected_on,sku,quantity,unit_cost_cents',
      `${f.prefix}-ERP1,${s.code},${f.warehouse.code},2030-04-01,${a},24,310`,
      `${f.prefix}-ERP1,${s.code},${f.warehouse.code},2030-04-01,${b},12,`,
      `${f.prefix}-ERP2,${s.code},${f.warehouse.code},2030-04-02,NOPE,5,100`,
      `${f.prefix}-ERP3,${s.code},${f.warehouse.code},04/02/2030,${a},5,100`,
      `${f.prefix}-ERP4,${s.code},${f.warehouse.code},2030-04-02,${a},-5,100`,
    ].join('\n')
    const post = (body: string, type = 'text/csv') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/purchase-orders/import',
        payload: body,
        headers: { authorization: `Bearer ${t.admin}`, 'content-type': type },
      })
    const first = await post(file)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({
      created: 1,
      unchanged: 0,
      refused: [
        { line: 4, column: 'sku', code: 'invalid_input' },
        { line: 5, column: 'expected_on', code: 'invalid' },
        { line: 6, column: 'quantity', code: 'invalid' },
      ],
    })
    const second = await post(file)
    expect(second.json()).toMatchObject({ created: 0, unchanged: 1 })
    const json = await post('{"a":1}', 'application/json')
    expect([json.statusCode, json.json().error.code]).toEqual([415, 'unsupported_file_type'])

    const csv = await f.admin.get('/api/v1/purchase-orders.csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.body).toContain(`${f.prefix}-ERP1,${s.code},${f.warehouse.code},2030-04-01,${a},24,310`)
    expect(csv.body).toContain(`${f.prefix}-ERP1,${s.code},${f.warehouse.code},2030-04-01,${b},12,0`)
  })

  it('suggests what a warehouse should buy from its demand, lead time and cover, in whole packs', async () => {
    const sku = await f.product({ stock: { [f.warehouse2.id]: 20 } })
    const s = await supplier([{ sku, unit_cost_cents: 200, pack_size: 5 }], { lead_days: 7 })
    await f.admin.put(`/api/v1/replenishment/warehouses/${f.warehouse2.id}`, {
      web_reserve_days: 0,
      purchase_cover_days: 28,
    })
    const moved = await f.admin.post('/api/v1/inventory/transfers', {
      from_location_id: f.warehouse2.id,
      to_location_id: f.store.id,
      lines: [{ sku, quantity: 14 }],
    })
    expect(moved.statusCode, moved.body).toBe(201)
    const res = await f.admin.get(`/api/v1/purchasing/suggestions?warehouse_id=${f.warehouse2.id}`)
    expect(res.statusCode, res.body).toBe(200)
    const mine = res.json().suppliers.find((x: any) => x.supplier_id === s.id)
    // 14 sent in 4 weeks: 0.5 a day × (7 + 28) = 18 wanted, 6 held: 12, so 15 in packs of 5.
    expect(mine.lines).toEqual([
      { sku, quantity: 15, unit_cost_cents: 200, daily_demand: 0.5, position: 6, target: 18, cover_days: 12 },
    ])
  })
})
