import { sql } from 'drizzle-orm'
import fc from 'fast-check'
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
  const res = await f.admin.post('/api/v1/api-keys', {
    name: `manager ${f.prefix}`,
    role: 'store_staff',
    location_id: f.store.id,
    manager: true,
  })
  manager = res.json().secret
})
afterAll(() => t.close())

const onHand = async (location: string, sku: string) =>
  (
    await rows<{ on_hand: number }>(
      t.database.db,
      sql`SELECT on_hand FROM stock_level WHERE location_id = ${location} AND sku = ${sku}`,
    )
  )[0]?.on_hand ?? 0

const sell = (sku: string, quantity: number) =>
  f.admin.post('/api/v1/orders', {
    channel: f.channels.store.code,
    store_id: f.store.id,
    lines: [{ sku, quantity, fulfilment: 'takeaway' }],
    payments: [{ method: 'card', amount_cents: quantity * 1000 }],
  })

async function toReview(id: string, recount?: Record<string, number>) {
  const staff = as(t.app, f.keys.store)
  let res = await staff.post(`/api/v1/counts/${id}/submit`)
  expect(res.statusCode, res.body).toBe(200)
  if (res.json().status === 'recount') {
    for (const [code, quantity] of Object.entries(recount ?? {})) {
      expect((await staff.post(`/api/v1/counts/${id}/scans`, { code, quantity })).statusCode).toBe(200)
    }
    res = await staff.post(`/api/v1/counts/${id}/submit`)
  }
  expect(res.json().status).toBe('review')
  return res.json()
}

describe('a blind count by scanning', () => {
  it('hides what is expected while counting, recounts a large variance, and approval sets on hand to what was found', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 10 } })
    const other = await f.product({ priceCents: 1000, stock: { [f.store.id]: 5 } })
    const staff = as(t.app, f.keys.store)
    const started = await staff.post('/api/v1/counts', {
      location_id: f.store.id,
      scope: 'zone',
      zone: 'aisle 3',
      skus: [sku, other],
    })
    expect(started.statusCode, started.body).toBe(201)
    const count = started.json()
    expect(count.status).toBe('counting')
    expect(count.lines.map((l: any) => l.expected)).toEqual([null, null])

    const [variant] = await rows<{ ean: string }>(
      t.database.db,
      sql`SELECT ean FROM variant WHERE sku = ${sku}`,
    )
    for (let i = 0; i < 4; i++) {
      const scan = await staff.post(`/api/v1/counts/${count.id}/scans`, { code: variant!.ean })
      expect(scan.statusCode, scan.body).toBe(200)
      expect(scan.json()).toEqual({ sku, found: i + 1, recount: false })
    }
    await staff.post(`/api/v1/counts/${count.id}/scans`, { code: other, quantity: 5 })
    const blind = (await staff.get(`/api/v1/counts/${count.id}`)).json()
    expect(blind.lines.find((l: any) => l.sku === sku)).toMatchObject({
      counted: 4,
      expected: null,
      variance: null,
    })

    const submitted = await staff.post(`/api/v1/counts/${count.id}/submit`)
    expect(submitted.json().status).toBe('recount')
    const toRecount = submitted
      .json()
      .lines.filter((l: any) => l.needs_recount)
      .map((l: any) => l.sku)
    expect(toRecount).toEqual([sku])
    const notAgain = await staff.post(`/api/v1/counts/${count.id}/scans`, { code: other })
    expect(notAgain.statusCode).toBe(422)
    expect(notAgain.json().error.code).toBe('not_in_count')
    await staff.post(`/api/v1/counts/${count.id}/scans`, { code: sku, quantity: 4 })
    const review = await toReview(count.id)
    expect(review.lines.find((l: any) => l.sku === sku)).toMatchObject({
      counted: 4,
      recounted: 4,
      expected: 10,
      variance: -6,
    })

    const refused = await staff.post(`/api/v1/counts/${count.id}/approve`)
    expect(refused.statusCode).toBe(403)
    const approved = await as(t.app, manager).post(`/api/v1/counts/${count.id}/approve`)
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().status).toBe('approved')
    expect(await onHand(f.store.id, sku)).toBe(4)
    expect(await onHand(f.store.id, other)).toBe(5)
    const moves = await rows<{ kind: string; on_hand_delta: number; reference: string }>(
      t.database.db,
      sql`SELECT kind, on_hand_delta, reference FROM stock_movement WHERE sku = ${sku} AND kind = 'count'`,
    )
    expect(moves).toEqual([{ kind: 'count', on_hand_delta: -6, reference: count.id }])

    const twice = await as(t.app, manager).post(`/api/v1/counts/${count.id}/approve`)
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('count_status')
  })

  it('refuses an item outside the zone, an unknown barcode, and another store’s count', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 3 } })
    const outside = await f.product({ stock: { [f.store.id]: 3 } })
    const staff = as(t.app, f.keys.store)
    const count = (
      await staff.post('/api/v1/counts', { location_id: f.store.id, scope: 'zone', skus: [sku] })
    ).json()
    const res = await staff.post(`/api/v1/counts/${count.id}/scans`, { code: outside })
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'not_in_count'])
    const unknown = await staff.post(`/api/v1/counts/${count.id}/scans`, { code: '0000000000000' })
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([422, 'unknown_item'])
    const foreign = await as(t.app, f.keys.franchise).post(`/api/v1/counts/${count.id}/scans`, { code: sku })
    expect(foreign.statusCode).toBe(403)
    const bad = await staff.post('/api/v1/counts', { location_id: f.store.id, scope: 'zone' })
    expect([bad.statusCode, bad.json().error.details?.field]).toEqual([400, 'skus'])
    const cancelled = await staff.post(`/api/v1/counts/${count.id}/cancel`)
    expect(cancelled.json().status).toBe('cancelled')
    const late = await staff.post(`/api/v1/counts/${count.id}/scans`, { code: sku })
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'count_status'])
  })

  it('a cycle count takes the items that move the most value first', async () => {
    const cheap = await f.product({ priceCents: 1000, stock: { [f.warehouse2.id]: 2 } })
    const dear = await f.product({ priceCents: 1000, stock: { [f.warehouse2.id]: 2 } })
    await t.database.db.execute(
      sql`INSERT INTO sku_cost (sku, cost_cents) VALUES (${cheap}, 100), (${dear}, 50000)`,
    )
    const count = await f.admin.post('/api/v1/counts', {
      location_id: f.warehouse2.id,
      scope: 'cycle',
      cycle_size: 1,
    })
    expect(count.statusCode, count.body).toBe(201)
    expect(count.json().lines.map((l: any) => l.sku)).toEqual([dear])
  })
})

describe('sales during a count', () => {
  it('a sale made while the shelf is counted stays sold: the count replays it', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 10 } })
    const staff = as(t.app, f.keys.store)
    const count = (
      await staff.post('/api/v1/counts', { location_id: f.store.id, scope: 'zone', skus: [sku] })
    ).json()
    expect((await sell(sku, 2)).statusCode).toBe(201)
    // The counters found 9 of the 10 there were at the start: one unit is missing, two were sold.
    await staff.post(`/api/v1/counts/${count.id}/scans`, { code: sku, quantity: 9 })
    await toReview(count.id)
    const approved = await as(t.app, manager).post(`/api/v1/counts/${count.id}/approve`)
    expect(approved.json().lines[0]).toMatchObject({
      expected: 10,
      variance: -1,
      on_hand_at_approval: 8,
      applied_delta: -1,
    })
    expect(await onHand(f.store.id, sku)).toBe(7)
  })

  it('sales racing the approval are neither lost nor counted twice', async () => {
    const sku = await f.product({ priceCents: 1000, stock: { [f.store.id]: 30 } })
    const staff = as(t.app, f.keys.store)
    const count = (
      await staff.post('/api/v1/counts', { location_id: f.store.id, scope: 'zone', skus: [sku] })
    ).json()
    await staff.post(`/api/v1/counts/${count.id}/scans`, { code: sku, quantity: 28 })
    await toReview(count.id)
    const results = await Promise.all([
      sell(sku, 1),
      sell(sku, 2),
      as(t.app, manager).post(`/api/v1/counts/${count.id}/approve`),
      sell(sku, 3),
    ])
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 200, 201])
    expect(await onHand(f.store.id, sku)).toBe(28 - 6)
  })
})

type Op =
  | { kind: 'receive'; at: number; sku: number; qty: number }
  | { kind: 'sell'; sku: number; qty: number }
  | { kind: 'transfer'; from: number; sku: number; qty: number }
  | { kind: 'start' }
  | { kind: 'scan'; sku: number; qty: number }
  | { kind: 'approve' }

const skuIx = fc.integer({ min: 0, max: 2 })
const qty = fc.integer({ min: 1, max: 6 })
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), at: fc.integer({ min: 0, max: 1 }), sku: skuIx, qty }),
  fc.record({ kind: fc.constant('sell' as const), sku: skuIx, qty }),
  fc.record({
    kind: fc.constant('transfer' as const),
    from: fc.integer({ min: 0, max: 1 }),
    sku: skuIx,
    qty,
  }),
  fc.record({ kind: fc.constant('start' as const) }),
  fc.record({ kind: fc.constant('scan' as const), sku: skuIx, qty: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('approve' as const) }),
)

it('after any sequence of receipts, sales, counts and transfers, on hand equals the ledger and no count loses a sale', async () => {
  const places = [f.warehouse.id, f.store.id]
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 6, maxLength: 24 }), async (ops) => {
      const skus = [
        await f.product({ priceCents: 1000, category: `prop-${f.prefix}` }),
        await f.product({ priceCents: 1000, category: `prop-${f.prefix}` }),
        await f.product({ priceCents: 1000, category: `prop-${f.prefix}` }),
      ]
      const admin = f.admin
      let open: {
        id: string
        since: number
        found: Map<string, number>
        snapshot: Map<string, number>
      } | null = null
      const lastMovement = async () =>
        (
          await rows<{ id: number }>(
            t.database.db,
            sql`SELECT coalesce(max(id), 0)::int AS id FROM stock_movement`,
          )
        )[0]!.id
      const approveOpen = async () => {
        if (!open) return
        const c = open
        open = null
        const submitted = await admin.post(`/api/v1/counts/${c.id}/submit`)
        if (submitted.json().status === 'recount') {
          for (const [sku, n] of c.found)
            await admin.post(`/api/v1/counts/${c.id}/scans`, { code: sku, quantity: n })
          await admin.post(`/api/v1/counts/${c.id}/submit`)
        }
        // What moved since the count started, by SKU, from the ledger itself.
        const moved = await rows<{ sku: string; delta: number }>(
          t.database.db,
          sql`SELECT sku, sum(on_hand_delta)::int AS delta FROM stock_movement
              WHERE location_id = ${f.store.id} AND id > ${c.since} GROUP BY sku`,
        )
        const res = await admin.post(`/api/v1/counts/${c.id}/approve`)
        expect(res.statusCode, res.body).toBe(200)
        for (const sku of skus) {
          const since = moved.find((m) => m.sku === sku)?.delta ?? 0
          const found = c.found.get(sku) ?? 0
          expect(await onHand(f.store.id, sku)).toBe(Math.max(0, found + since))
        }
      }
      for (const o of ops) {
        const sku = 'sku' in o ? skus[o.sku]! : ''
        if (o.kind === 'receive') {
          await admin.post('/api/v1/inventory/receipts', {
            location_id: places[o.at],
            lines: [{ sku, quantity: o.qty }],
          })
        } else if (o.kind === 'sell') {
          const res = await sell(sku, o.qty)
          expect([201, 409]).toContain(res.statusCode)
        } else if (o.kind === 'transfer') {
          await admin.post('/api/v1/inventory/transfers', {
            from_location_id: places[o.from],
            to_location_id: places[1 - o.from],
            lines: [{ sku, quantity: o.qty }],
          })
        } else if (o.kind === 'start' && !open) {
          const since = await lastMovement()
          const res = await admin.post('/api/v1/counts', {
            location_id: f.store.id,
            scope: 'zone',
            skus,
          })
          expect(res.statusCode, res.body).toBe(201)
          open = { id: res.json().id, since, found: new Map(), snapshot: new Map() }
        } else if (o.kind === 'scan' && open) {
          await admin.post(`/api/v1/counts/${open.id}/scans`, { code: sku, quantity: o.qty })
          open.found.set(sku, (open.found.get(sku) ?? 0) + o.qty)
        } else if (o.kind === 'approve') {
          await approveOpen()
        }
      }
      await approveOpen()
      const broken = await rows(
        t.database.db,
        sql`SELECT s.location_id, s.sku, s.on_hand, m.on_hand AS ledger
            FROM stock_level s
            LEFT JOIN (SELECT location_id, sku, sum(on_hand_delta)::int AS on_hand FROM stock_movement GROUP BY location_id, sku) m
              USING (location_id, sku)
            WHERE s.sku IN (${sql.join(
              skus.map((s) => sql`${s}`),
              sql`, `,
            )}) AND (s.on_hand IS DISTINCT FROM coalesce(m.on_hand, 0) OR s.on_hand < 0)`,
      )
      expect(broken).toEqual([])
    }),
    { numRuns: 8, seed: 20261203 },
  )
}, 300_000)
