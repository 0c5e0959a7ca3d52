import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, rows } from '../db/database.ts'
import { runBatchConsumer, runConsumer } from '../events/index.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'
import { propertyRuns } from '../testing/property-runs.ts'
import { settle } from '../testing/settle.ts'
import { analyticsConsumers } from './analytics.consumers.ts'
import { insertCustomer } from './analytics.fixture.ts'

// biome-ignore lint/suspicious/noExplicitAny: response bodies read in assertions
type Json = Record<string, any>

const aggregates = [
  'analytics_sales_day',
  'analytics_sales_month',
  'analytics_orders_day',
  'analytics_orders_month',
  'analytics_customer_month',
  'analytics_customer_first',
  'analytics_order',
  'analytics_return_line',
]

/** Every row of every aggregate, in a stable order: what two ways of building them must agree on. */
async function snapshot(db: Db) {
  const out: Record<string, unknown[]> = {}
  for (const table of aggregates) {
    const found = await rows<Record<string, unknown>>(db, sql.raw(`SELECT * FROM ${table}`))
    out[table] = found.map((r) => JSON.stringify(r)).sort()
  }
  return out
}

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let admin: ReturnType<typeof as>
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date())
const todayFigures = async () =>
  (await admin.get(`/api/v1/analytics/sales?from=${today}&to=${today}&period=day&by=channel`)).json().totals

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  admin = as(t.app, t.admin)
})
afterAll(() => t?.close())

async function tillSale(sku: string, quantity: number, cents: number, customer?: string) {
  const res = await as(t.app, f.keys.store).post('/api/v1/orders', {
    channel: f.channels.store.code,
    lines: [{ sku, quantity, fulfilment: 'takeaway' }],
    payments: [{ method: 'card', amount_cents: cents }],
    ...(customer ? { customer_id: customer } : {}),
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Json
}

/** Orders, a cancellation, a return, a customer attached later and a merge, all through the API. */
async function history() {
  const kitchen = await f.product({ category: 'kitchen', priceCents: 1000, stock: { [f.store.id]: 20 } })
  const garden = await f.product({ category: 'garden', priceCents: 3000, stock: { [f.warehouse.id]: 10 } })
  const x = await insertCustomer(t.database.db, 'X')
  const y = await insertCustomer(t.database.db, 'Y')
  const first = await tillSale(kitchen, 3, 3000, x)
  const web = await as(t.app, f.keys.web).post('/api/v1/orders', {
    channel: f.channels.web.code,
    lines: [{ sku: garden, quantity: 2, fulfilment: 'delivery' }],
    delivery_address: {
      name: 'A B',
      line1: '1 rue de la Paix',
      postcode: '75002',
      city: 'Paris',
      country: 'FR',
    },
    payments: [{ method: 'card', amount_cents: 6000 }],
  })
  expect(web.statusCode, web.body).toBe(201)
  const cancelled = await admin.post(`/api/v1/orders/${web.json().id}/cancel`, { reason: 'customer called' })
  expect(cancelled.statusCode, cancelled.body).toBe(200)
  const anonymous = await tillSale(kitchen, 2, 2000)
  const attached = await as(t.app, f.keys.store).post(`/api/v1/orders/${anonymous.id}/customer`, {
    customer_id: y,
  })
  expect(attached.statusCode, attached.body).toBe(200)
  const returned = await as(t.app, f.keys.store).post('/api/v1/returns', {
    order_id: first.id,
    method: 'in_store',
    lines: [
      { order_line_id: first.lines[0].id, quantity: 1, reason: 'changed_mind', condition: 'resellable' },
    ],
  })
  expect(returned.statusCode, returned.body).toBe(201)
  const merged = await admin.post(`/api/v1/customers/${x}/merge`, { absorbed_id: y })
  expect(merged.statusCode, merged.body).toBe(200)
  return { x, y }
}

describe('analytics and customer statistics as consumers of the order events', () => {
  it('counts sales, cancellations, returns, a customer attached later and a merge a moment after, as a rebuild from scratch does', async () => {
    const before = await todayFigures()
    const { x, y } = await history()
    await settle(t.database.db)
    const applied = await snapshot(t.database.db)
    const after = await todayFigures()
    // Two till sales (3 and 2 units of 10 €); the web order was cancelled; one unit came back.
    expect(after.orders - before.orders).toBe(2)
    expect(after.sales_cents - before.sales_cents).toBe(5000)
    expect(after.returned_cents - before.returned_cents).toBe(1000)
    // Y's sale, attached after the fact, now counts for X, whom Y was merged into.
    const customers = await rows<{ customer_id: string; orders: number; sales_cents: number }>(
      t.database.db,
      sql`SELECT customer_id, sum(orders)::int AS orders, sum(sales_cents)::int AS sales_cents
          FROM analytics_customer_month WHERE customer_id IN (${x}, ${y}) GROUP BY customer_id`,
    )
    expect(customers).toEqual([{ customer_id: x, orders: 2, sales_cents: 5000 }])
    const full = await admin.post('/api/v1/analytics/refresh', { full: true })
    expect(full.statusCode, full.body).toBe(200)
    expect(await snapshot(t.database.db)).toEqual(applied)
  })

  type Step =
    | { kind: 'pass'; limit: number }
    | { kind: 'one-by-one' }
    | { kind: 'two-runners'; limit: number }
    | { kind: 'redeliver'; back: number }

  const steps: fc.Arbitrary<Step[]> = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('pass' as const), limit: fc.integer({ min: 1, max: 7 }) }),
      fc.record({ kind: fc.constant('one-by-one' as const) }),
      fc.record({ kind: fc.constant('two-runners' as const), limit: fc.integer({ min: 1, max: 7 }) }),
      fc.record({ kind: fc.constant('redeliver' as const), back: fc.integer({ min: 1, max: 30 }) }),
    ),
    { minLength: 1, maxLength: 8 },
  )

  it('duplicates, batches of any size and two runners at once leave the aggregates as one clean pass does', async () => {
    await history()
    const db = t.database.db
    const ids = analyticsConsumers.map((c) => c.id)
    // As if the consumers had never run: no aggregate, nothing applied, cursors at the start.
    const reset = async () => {
      for (const table of aggregates) await db.execute(sql.raw(`TRUNCATE ${table}`))
      await db.execute(sql`DELETE FROM event_applied WHERE consumer IN (${sql.join(ids, sql`, `)})`)
      await db.execute(sql`UPDATE event_cursor SET position = 0 WHERE id IN (${sql.join(ids, sql`, `)})`)
    }
    await settle(db)
    await reset()
    for (const c of analyticsConsumers) await runBatchConsumer(db, c, 100_000)
    const clean = await snapshot(db)
    expect(clean.analytics_order!.length).toBeGreaterThan(0)
    expect(clean.analytics_return_line!.length).toBeGreaterThan(0)
    await fc.assert(
      fc.asyncProperty(steps, async (schedule) => {
        await reset()
        for (const step of schedule) {
          for (const c of analyticsConsumers) {
            if (step.kind === 'pass') await runBatchConsumer(db, c, step.limit)
            else if (step.kind === 'one-by-one') await runConsumer(db, c, 3)
            else if (step.kind === 'two-runners')
              await Promise.all([runBatchConsumer(db, c, step.limit), runBatchConsumer(db, c, step.limit)])
            // At-least-once delivery: the cursor goes back and the same events (same ids) come again.
            else
              await db.execute(
                sql`UPDATE event_cursor SET position = greatest(0, position - ${step.back}) WHERE id = ${c.id}`,
              )
          }
        }
        await settle(db)
        expect(await snapshot(db)).toEqual(clean)
      }),
      { numRuns: propertyRuns(8) },
    )
  })
})
