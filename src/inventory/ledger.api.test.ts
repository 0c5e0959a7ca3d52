import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { rows } from '../db/database.ts'
import { expireDrafts } from '../orders/index.ts'
import { address, retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
})
afterAll(() => t.close())

type Op =
  | { kind: 'receive'; at: number; sku: number; qty: number }
  | { kind: 'adjust'; at: number; sku: number; delta: number }
  | { kind: 'count'; at: number; sku: number; qty: number }
  | { kind: 'transfer'; from: number; to: number; sku: number; qty: number }
  | {
      kind: 'order'
      mode: 'takeaway' | 'pickup' | 'delivery' | 'reserve'
      sku: number
      qty: number
      draft: boolean
    }
  | { kind: 'cancel'; nth: number }
  | { kind: 'fulfil'; nth: number }
  | { kind: 'expire'; nth: number }

const loc = fc.integer({ min: 0, max: 2 })
const skuIx = fc.integer({ min: 0, max: 2 })
const qty = fc.integer({ min: 1, max: 6 })
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), at: loc, sku: skuIx, qty }),
  fc.record({
    kind: fc.constant('adjust' as const),
    at: loc,
    sku: skuIx,
    delta: fc.integer({ min: -4, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('count' as const),
    at: loc,
    sku: skuIx,
    qty: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({ kind: fc.constant('transfer' as const), from: loc, to: loc, sku: skuIx, qty }),
  fc.record({
    kind: fc.constant('order' as const),
    mode: fc.constantFrom('takeaway' as const, 'pickup' as const, 'delivery' as const, 'reserve' as const),
    sku: skuIx,
    qty,
    draft: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('cancel' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('fulfil' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('expire' as const), nth: fc.nat() }),
)

it('after any sequence of stock and order operations, the ledger explains every unit', async () => {
  const locations = [f.warehouse.id, f.store.id, f.franchise.id]
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
      const skus = [
        await f.product({ priceCents: 1000 }),
        await f.product({ priceCents: 1000 }),
        await f.product(),
      ]
      const admin = as(t.app, t.admin)
      const price = (sku: string, units: number) => units * (sku === skus[2] ? 1999 : 1000)
      const orders: Array<{
        id: string
        lines: Array<{ id: string; sku: string; quantity: number; fulfilment: string }>
      }> = []
      for (const o of ops) {
        const sku = 'sku' in o ? skus[o.sku]! : ''
        if (o.kind === 'receive') {
          await admin.post('/api/v1/inventory/receipts', {
            location_id: locations[o.at],
            lines: [{ sku, quantity: o.qty }],
          })
        } else if (o.kind === 'adjust' && o.delta !== 0) {
          await admin.post('/api/v1/inventory/adjustments', {
            location_id: locations[o.at],
            sku,
            delta: o.delta,
            reason: 'p',
          })
        } else if (o.kind === 'count') {
          await admin.post('/api/v1/inventory/adjustments', {
            location_id: locations[o.at],
            sku,
            counted_quantity: o.qty,
            reason: 'count',
          })
        } else if (o.kind === 'transfer' && o.from !== o.to) {
          await admin.post('/api/v1/inventory/transfers', {
            from_location_id: locations[o.from],
            to_location_id: locations[o.to],
            lines: [{ sku, quantity: o.qty }],
          })
        } else if (o.kind === 'order') {
          const draft = o.draft && o.mode !== 'takeaway'
          const total = price(sku, o.qty)
          const res = await admin.post('/api/v1/orders', {
            channel: f.channels.store.code,
            store_id: f.store.id,
            draft,
            lines: [{ sku, quantity: o.qty, fulfilment: o.mode }],
            ...(o.mode === 'delivery' ? { delivery_address: address } : {}),
            payments: draft || o.mode === 'reserve' ? [] : [{ method: 'card', amount_cents: total }],
          })
          if (res.statusCode === 201) orders.push(res.json())
          else expect(res.statusCode, res.body).toBe(409)
        } else if (o.kind === 'cancel' && orders.length > 0) {
          await admin.post(`/api/v1/orders/${orders[o.nth % orders.length]!.id}/cancel`, { reason: 'p' })
        } else if (o.kind === 'fulfil' && orders.length > 0) {
          const order = orders[o.nth % orders.length]!
          const line = order.lines[0]!
          const value = price(line.sku, line.quantity)
          await admin.post(`/api/v1/orders/${order.id}/fulfil`, {
            lines: [{ line_id: line.id, quantity: line.quantity }],
            payments: line.fulfilment === 'reserve' ? [{ method: 'card', amount_cents: value }] : [],
          })
        } else if (o.kind === 'expire' && orders.length > 0) {
          const order = orders[o.nth % orders.length]!
          await t.database.db.execute(
            sql`UPDATE orders SET draft_expires_at = now() - interval '1 second' WHERE id = ${order.id} AND status = 'draft'`,
          )
          await expireDrafts(t.database.db)
        }
      }
      const broken = await rows(
        t.database.db,
        sql`SELECT s.location_id, s.sku, s.on_hand, s.reserved, m.on_hand AS ledger_on_hand,
                   m.reserved AS ledger_reserved, coalesce(r.active, 0)::int AS active_reservations
            FROM stock_level s
            LEFT JOIN (SELECT location_id, sku, sum(on_hand_delta)::int AS on_hand, sum(reserved_delta)::int AS reserved
                       FROM stock_movement GROUP BY location_id, sku) m USING (location_id, sku)
            LEFT JOIN (SELECT location_id, sku, sum(quantity)::int AS active FROM reservation
                       WHERE status = 'active' GROUP BY location_id, sku) r USING (location_id, sku)
            WHERE s.sku IN (${sql.join(
              skus.map((s) => sql`${s}`),
              sql`, `,
            )})
              AND (s.on_hand IS DISTINCT FROM coalesce(m.on_hand, 0)
                OR s.reserved IS DISTINCT FROM coalesce(m.reserved, 0)
                OR s.reserved IS DISTINCT FROM coalesce(r.active, 0)
                OR s.on_hand < 0 OR s.reserved < 0)`,
      )
      expect(broken).toEqual([])
    }),
    { numRuns: 8, seed: 20261123 },
  )
}, 300_000)
