import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

const level = async (location: string, sku: string) =>
  (
    await rows<{ on_hand: number; in_transit: number }>(
      t.database.db,
      sql`SELECT on_hand, in_transit FROM stock_level WHERE location_id = ${location} AND sku = ${sku}`,
    )
  )[0] ?? { on_hand: 0, in_transit: 0 }

const supply = (store: string, body: Record<string, unknown> = {}) =>
  f.admin.put(`/api/v1/replenishment/stores/${store}`, {
    warehouse_id: f.warehouse.id,
    delivery_days: [1, 2, 3, 4, 5, 6, 7],
    lead_days: 1,
    pallets_per_truck: 26,
    ...body,
  })

async function proposalOf(store: string, date: string) {
  const list = await f.admin.get(`/api/v1/replenishment/proposals?location_id=${store}&date=${date}`)
  expect(list.statusCode, list.body).toBe(200)
  const [first] = list.json().data
  return first ? (await f.admin.get(`/api/v1/replenishment/proposals/${first.id}`)).json() : null
}

describe('the daily replenishment proposal', () => {
  it('proposes by policy with each line explained, replaces its draft on a re-run, and approval sends one transfer per truck, once', async () => {
    const shelf = await f.product({ priceCents: 1000, stock: { [f.warehouse.id]: 100, [f.store.id]: 1 } })
    const seller = await f.product({ priceCents: 1000, stock: { [f.warehouse.id]: 100, [f.store.id]: 40 } })
    // 35 sold over the last weeks: 1.25 a day.
    const sale = await f.admin.post('/api/v1/orders', {
      channel: f.channels.store.code,
      store_id: f.store.id,
      lines: [{ sku: seller, quantity: 35, fulfilment: 'takeaway' }],
      payments: [{ method: 'card', amount_cents: 35000 }],
    })
    expect(sale.statusCode, sale.body).toBe(201)
    expect((await supply(f.store.id, { pallets_per_truck: 1 })).statusCode).toBe(200)
    const policies = await as(t.app, f.keys.store).put(
      `/api/v1/replenishment/stores/${f.store.id}/policies`,
      {
        policies: [
          { sku: shelf, method: 'min_max', min_qty: 2, max_qty: 10, units_per_pallet: 10 },
          { sku: seller, method: 'cover', cover_days: 7, units_per_pallet: 10 },
        ],
      },
    )
    expect(policies.statusCode, policies.body).toBe(200)
    // A direct delivery on its way to the store counts as stock to come.
    const supplier = await f.admin.post('/api/v1/suppliers', { code: `${f.prefix}-DIRECT`, name: 'Direct' })
    const po = await f.admin.post('/api/v1/purchase-orders', {
      supplier: supplier.json().id,
      location_id: f.store.id,
      expected_on: '2030-01-09',
      lines: [{ sku: seller, quantity: 2 }],
    })
    expect(po.statusCode, po.body).toBe(201)

    const date = '2030-01-07'
    const run = await f.admin.post('/api/v1/replenishment/runs', { date })
    expect(run.statusCode, run.body).toBe(200)
    const first = await proposalOf(f.store.id, date)
    expect(first).toMatchObject({
      status: 'draft',
      delivery_date: '2030-01-08',
      warehouse_id: f.warehouse.id,
    })
    const line = (sku: string) => first.lines.find((l: any) => l.sku === sku)
    expect(line(shelf)).toMatchObject({
      proposed: 9,
      quantity: 9,
      explanation: { method: 'min_max', on_hand: 1, target: 10, need: 9, short_by: 0 },
    })
    // Cover: 1.25 a day × (1 day to the truck + 7) = 10, less 5 on hand and 2 on order.
    expect(line(seller)).toMatchObject({
      proposed: 3,
      explanation: {
        method: 'cover',
        velocity_per_day: 1.25,
        on_hand: 5,
        open_orders: 2,
        in_transit: 0,
        target: 10,
        need: 3,
      },
    })
    expect(first.trucks).toBe(2)

    const again = await f.admin.post('/api/v1/replenishment/runs', { date })
    expect(again.statusCode).toBe(200)
    const second = await proposalOf(f.store.id, date)
    expect(second.id).not.toBe(first.id)
    expect((await f.admin.get(`/api/v1/replenishment/proposals/${first.id}`)).statusCode).toBe(404)
    const [day] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM replenishment_proposal WHERE location_id = ${f.store.id} AND proposal_date = ${date}`,
    )
    expect(day?.n).toBe(1)

    const staff = as(t.app, f.keys.store)
    const edited = await staff.put(`/api/v1/replenishment/proposals/${second.id}/lines/${shelf}`, {
      quantity: 8,
    })
    expect(edited.statusCode, edited.body).toBe(200)
    const approved = await staff.post(`/api/v1/replenishment/proposals/${second.id}/approve`)
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().status).toBe('approved')
    expect(approved.json().transfer_ids).toHaveLength(2)
    expect(await level(f.warehouse.id, shelf)).toMatchObject({ on_hand: 92 })
    expect(await level(f.store.id, shelf)).toMatchObject({ in_transit: 8 })
    expect(await level(f.store.id, seller)).toMatchObject({ in_transit: 3 })

    const twice = await Promise.all([
      staff.post(`/api/v1/replenishment/proposals/${second.id}/approve`),
      f.admin.post(`/api/v1/replenishment/proposals/${second.id}/approve`),
    ])
    for (const res of twice) expect(res.json().transfer_ids).toEqual(approved.json().transfer_ids)
    expect(await level(f.warehouse.id, shelf)).toMatchObject({ on_hand: 92 })
    const transfers = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM transfer WHERE to_location_id = ${f.store.id} AND created_by IS NOT NULL
            AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(approved.json().transfer_ids)}::jsonb))`,
    )
    expect(transfers[0]!.n).toBe(2)

    const late = await staff.put(`/api/v1/replenishment/proposals/${second.id}/lines/${shelf}`, {
      quantity: 1,
    })
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'proposal_approved'])
    const rerun = await f.admin.post('/api/v1/replenishment/runs', { date })
    expect(rerun.json().kept).toBeGreaterThanOrEqual(1)
    expect((await proposalOf(f.store.id, date)).id).toBe(second.id)
  })

  it('a short warehouse shares fairly between stores, keeps the web’s reserve, and skips what a cluster does not list', async () => {
    const scarce = await f.product({ priceCents: 1000, stock: { [f.warehouse2.id]: 14 } })
    const bulky = await f.product({
      priceCents: 1000,
      category: `bulky-${f.prefix}`,
      stock: { [f.warehouse2.id]: 50 },
    })
    // The warehouse sold 28 by parcel over the last weeks: 1 a day, 4 days kept for the web.
    await t.database.db.execute(
      sql`WITH m AS (INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reason)
                     VALUES (${f.warehouse2.id}, ${scarce}, 'receipt', 28, 'test'), (${f.warehouse2.id}, ${scarce}, 'sale', -28, 'test'))
          SELECT 1`,
    )
    expect(
      (
        await f.admin.put(`/api/v1/replenishment/warehouses/${f.warehouse2.id}`, {
          web_reserve_days: 4,
          purchase_cover_days: 28,
        })
      ).statusCode,
    ).toBe(200)
    for (const store of [f.store.id, f.franchise.id]) {
      expect((await supply(store, { warehouse_id: f.warehouse2.id })).statusCode).toBe(200)
      const res = await f.admin.put(`/api/v1/replenishment/stores/${store}/policies`, {
        policies: [
          {
            sku: scarce,
            method: 'min_max',
            min_qty: store === f.store.id ? 2 : 5,
            max_qty: store === f.store.id ? 5 : 15,
          },
          { sku: bulky, method: 'min_max', min_qty: 1, max_qty: 4 },
        ],
      })
      expect(res.statusCode, res.body).toBe(200)
    }
    await t.database.db.execute(
      sql`UPDATE location SET cluster = ${`small-${f.prefix}`} WHERE id = ${f.franchise.id}`,
    )
    await t.database.db.execute(
      sql`INSERT INTO cluster_listing (cluster, target_kind, target, listed) VALUES (${`small-${f.prefix}`}, 'category', ${`bulky-${f.prefix}`}, false)`,
    )
    const date = '2030-02-05'
    expect(
      (await f.admin.post('/api/v1/replenishment/runs', { date, warehouse_id: f.warehouse2.id })).statusCode,
    ).toBe(200)
    const own = await proposalOf(f.store.id, date)
    const franchised = await proposalOf(f.franchise.id, date)
    // 14 on hand, 4 kept for the web: 10 for needs of 5 and 15, a quarter each.
    expect(own.lines.find((l: any) => l.sku === scarce)).toMatchObject({
      quantity: 3,
      explanation: { need: 5, short_by: 2 },
    })
    expect(franchised.lines.find((l: any) => l.sku === scarce)).toMatchObject({
      quantity: 7,
      explanation: { need: 15, short_by: 8 },
    })
    expect(own.lines.find((l: any) => l.sku === bulky)).toMatchObject({ quantity: 4 })
    expect(franchised.lines.find((l: any) => l.sku === bulky)).toBeUndefined()
  })

  it('refuses bad settings naming the field, and keeps other stores’ proposals from a store key', async () => {
    const sku = await f.product()
    const bad = await f.admin.put(`/api/v1/replenishment/stores/${f.store.id}/policies`, {
      policies: [{ sku, method: 'min_max', min_qty: 5, max_qty: 2 }],
    })
    expect([bad.statusCode, bad.json().error.details.field]).toEqual([400, 'policies/0/max_qty'])
    const unknown = await f.admin.put(`/api/v1/replenishment/stores/${f.store.id}/policies`, {
      policies: [{ sku: 'NOPE', method: 'cover', cover_days: 3 }],
    })
    expect([unknown.statusCode, unknown.json().error.details.field]).toEqual([400, 'policies/0/sku'])
    const notWarehouse = await supply(f.store.id, { warehouse_id: f.franchise.id })
    expect([notWarehouse.statusCode, notWarehouse.json().error.details.field]).toEqual([400, 'warehouse_id'])
    const days = await supply(f.store.id, { delivery_days: [8] })
    expect(days.statusCode).toBe(400)
    const foreign = await as(t.app, f.keys.franchise).put(
      `/api/v1/replenishment/stores/${f.store.id}/policies`,
      {
        policies: [{ sku, method: 'cover', cover_days: 3 }],
      },
    )
    expect(foreign.statusCode).toBe(403)
    const list = await as(t.app, f.keys.franchise).get(
      `/api/v1/replenishment/proposals?location_id=${f.store.id}`,
    )
    expect(list.statusCode).toBe(403)
  })
})
