import { sql } from 'drizzle-orm'
import { rows, type Tx } from '../db/database.ts'
import type { Catchment, PlannedEntry } from '../franchise/index.ts'
import {
  accrualFor,
  assignStoreIn,
  closeStatement,
  commissionEntries,
  createFranchisee,
  createPlan,
  franchiseAttributions,
  networkStores,
  orderFacts,
  putPolicyIn,
  readConfig,
  reversalsFor,
  toPlacedOrder,
} from '../franchise/index.ts'
import { cachedLocations } from '../network/index.ts'
import type { Actor } from '../shared/actor.ts'
import { dayOf, isOver, nextPeriod, periodOf } from '../shared/period.domain.ts'
import { insertRows } from './bulk-insert.ts'

type Progress = (step: string, done: number, total: number) => void

/**
 * Attributes a history of orders loaded in bulk (the demo's 24 months), with the same rules as live
 * orders: each sale accrues when placed, each cancellation and return reverses in its own month.
 * For a ledger with no closed statement yet; computed in memory, written in batches.
 */
export async function backfillHistory(tx: Tx, progress: Progress = () => {}) {
  const config = await readConfig(tx)
  const stores = networkStores(await cachedLocations(tx), config)
  const orders = await orderFacts(tx, { all: true })
  const events = await rows<{
    order_id: string
    type: string
    data: Record<string, unknown> | null
    created_at: Date
  }>(
    tx,
    sql`SELECT order_id, type, data, created_at FROM order_event
        WHERE type IN ('cancelled', 'returned', 'line_cancelled', 'pickup_expired') ORDER BY id`,
  )
  const byOrder = new Map<string, typeof events>()
  for (const e of events) byOrder.set(e.order_id, [...(byOrder.get(e.order_id) ?? []), e])
  const attributions: Array<typeof franchiseAttributions.$inferInsert> = []
  const entries: Array<typeof commissionEntries.$inferInsert> = []
  const book = (order: { id: string; number: number }, list: PlannedEntry[], at: Date) => {
    for (const e of list)
      entries.push({ ...e, orderId: order.id, orderNumber: order.number, eventAt: at, period: periodOf(at) })
  }
  orders.forEach((facts, i) => {
    if (i % 2000 === 0) progress('franchise commissions', i, orders.length)
    const order = toPlacedOrder(facts)
    const accrual = accrualFor(order, stores, config)
    if (!accrual) return
    if (accrual.attribution) attributions.push({ ...accrual.attribution, attributedAt: order.at })
    const ledger = [...accrual.entries]
    book(order, accrual.entries, order.at)
    for (const e of byOrder.get(order.id) ?? []) {
      const at = new Date(e.created_at)
      const given =
        e.type === 'cancelled'
          ? order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity }))
          : e.type === 'returned'
            ? ((e.data?.lines as Array<{ order_line_id: string; quantity: number }>) ?? []).map((l) => ({
                orderLineId: l.order_line_id,
                quantity: l.quantity,
              }))
            : [{ orderLineId: String(e.data?.line_id), quantity: Number(e.data?.quantity ?? 0) }]
      const source = `${e.type}:${at.getTime()}`
      const reversed = reversalsFor(ledger, given, source, e.type === 'cancelled')
      ledger.push(...reversed)
      book(order, reversed, at)
    }
  })
  progress('franchise commissions', orders.length, orders.length)
  await insertRows(tx, franchiseAttributions, attributions, () => {})
  await insertRows(tx, commissionEntries, entries, (done) =>
    progress('commission ledger', done, entries.length),
  )
  return { orders: attributions.length, entries: entries.length }
}

const DAY_MS = 86_400_000

/** The demo's franchise contracts: five franchisees over the six franchised stores. */
const contracts: Array<{
  code: string
  name: string
  stores: Array<[string, Catchment]>
  minimumCents?: number
}> = [
  {
    code: 'FR-RIVIERA',
    name: 'Riviera Maison SARL',
    stores: [
      ['STO-NICE-MASSENA', { kind: 'postcodes', postcodes: ['06000', '06100', '06200', '06300', '06800'] }],
    ],
    minimumCents: 15_000,
  },
  {
    code: 'FR-ALPES-BOURGOGNE',
    name: 'Alpes Bourgogne Distribution SAS',
    stores: [
      ['STO-GRENOBLE-GRAND-PLACE', { kind: 'radius', radius_km: 25 }],
      ['STO-DIJON-TOISON-DOR', { kind: 'nearest' }],
    ],
  },
  { code: 'FR-ANJOU', name: 'Anjou Déco SARL', stores: [['STO-ANGERS-LENEPVEU', { kind: 'nearest' }]] },
  { code: 'FR-AUVERGNE', name: 'Maison Jaude SAS', stores: [['STO-CLERMONT-JAUDE', { kind: 'nearest' }]] },
  {
    code: 'FR-CHAMPAGNE',
    name: 'Champagne Intérieurs SARL',
    stores: [['STO-REIMS-DROUET-D-ERLON', { kind: 'nearest' }]],
  },
]

const HEAD_OFFICE: Actor = { keyId: 'demo', name: 'demo', role: 'admin', locationId: null, channelId: null }

/**
 * Franchisees, catchments and commission plans (a first contract, renegotiated a year ago), the
 * attribution of the 24 months of history, and every finished month's statement closed but the last
 * (left open for head office to close). Returns the franchisees' ids by code.
 */
export async function seedFranchise(tx: Tx, start: Date, now: Date, progress: Progress) {
  await putPolicyIn(
    tx,
    ['collecting_store', 'selling_store', 'delivery_catchment', 'home_store', 'shipping_store'],
    40,
  )
  const ids = new Map<string, string>()
  const renegotiated = `${dayOf(new Date(now.getTime() - 365 * DAY_MS)).slice(0, 8)}01`
  for (const c of contracts) {
    const f = await createFranchisee(tx, {
      code: c.code,
      name: c.name,
      contract_ref: `CTR-${c.code.slice(3)}-2022`,
    })
    ids.set(c.code, f.id)
    for (const [code, catchment] of c.stores) await assignStoreIn(tx, HEAD_OFFICE, f.id, code, catchment)
    const base = {
      click_collect_fee_cents: 250,
      ship_from_store_fee_cents: 350,
      monthly_minimum_cents: c.minimumCents ?? 0,
    }
    await createPlan(tx, HEAD_OFFICE, f.id, {
      ...base,
      valid_from: dayOf(new Date(start.getTime() - 60 * DAY_MS)),
      valid_until: renegotiated,
      default_rate_bp: 500,
      category_rates_bp: { textiles: 700, kitchen: 600, small_appliances: 300 },
    })
    await createPlan(tx, HEAD_OFFICE, f.id, {
      ...base,
      valid_from: renegotiated,
      default_rate_bp: 600,
      category_rates_bp: { textiles: 800, kitchen: 700, small_appliances: 400 },
    })
  }
  await backfillHistory(tx, progress)
  const last = periodOf(now)
  const periods: string[] = []
  for (let p = periodOf(start); isOver(p, now) && nextPeriod(p) < last; p = nextPeriod(p)) periods.push(p)
  let done = 0
  for (const id of ids.values())
    for (const p of periods) {
      await closeStatement(tx, HEAD_OFFICE, id, p, now)
      progress('franchise statements', ++done, ids.size * periods.length)
    }
  return ids
}

/**
 * The demo franchisee of Nice prices a few kitchen articles itself (two below the brand's
 * recommendation, one above it within the maximum), and the brand caps those articles' resale price.
 */
export async function seedStorePrices(tx: Tx) {
  const found = await rows<{ location_id: string; franchisee_id: string; sku: string; cents: number }>(
    tx,
    sql`WITH ch AS (SELECT id, price_list_id FROM channel WHERE kind = 'store' ORDER BY code LIMIT 1),
             store AS (SELECT l.id, l.cluster, fs.franchisee_id FROM location l
                       JOIN franchise_store fs ON fs.location_id = l.id WHERE l.code = 'STO-NICE-MASSENA')
        SELECT store.id AS location_id, store.franchisee_id, v.sku,
               coalesce(cpr.amount_cents, pr.amount_cents) AS cents
        FROM store CROSS JOIN ch
        JOIN stock_level s ON s.location_id = store.id AND s.on_hand > 0
        JOIN variant v ON v.sku = s.sku
        JOIN product p ON p.id = v.product_id AND p.category = 'kitchen'
        JOIN price pr ON pr.price_list_id = ch.price_list_id AND pr.sku = v.sku
        LEFT JOIN cluster_price_list cpl ON cpl.channel_id = ch.id AND cpl.cluster = store.cluster
        LEFT JOIN price cpr ON cpr.price_list_id = cpl.price_list_id AND cpr.sku = v.sku
        ORDER BY v.sku LIMIT 4`,
  )
  // Prices end in ,90 like the brand's; the maximum is the recommendation plus about 10 %.
  const ninety = (cents: number) => Math.max(90, Math.floor(cents / 100) * 100 - 10)
  const own = [0.9, 0.95, 1.05]
  const maximums = found.map((r) => ({ sku: r.sku, max: ninety(Math.round(r.cents * 1.1) + 100) }))
  const prices = found.slice(0, own.length).map((r, i) => ({
    ...r,
    own: Math.min(ninety(Math.round(r.cents * own[i]!) + 100), maximums[i]!.max),
  }))
  if (maximums.length > 0)
    await tx.execute(
      sql`INSERT INTO price_maximum (sku, max_cents)
          SELECT sku, max FROM jsonb_to_recordset(${JSON.stringify(maximums)}::jsonb) AS x(sku text, max int)`,
    )
  if (prices.length > 0)
    await tx.execute(
      sql`INSERT INTO store_price (location_id, sku, amount_cents, franchisee_id)
          SELECT location_id, sku, own, franchisee_id
          FROM jsonb_to_recordset(${JSON.stringify(prices)}::jsonb)
            AS x(location_id text, sku text, own int, franchisee_id text)`,
    )
}
