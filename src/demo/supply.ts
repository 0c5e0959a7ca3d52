import { sql } from 'drizzle-orm'
import { scanItemIn, startCountIn } from '../counts/index.ts'
import { rows, type Tx } from '../db/database.ts'
import { receiveTransferIn } from '../inventory/index.ts'
import type { Actor } from '../shared/actor.ts'
import { dayOf } from '../shared/period.domain.ts'
import {
  approveProposalIn,
  createPurchaseOrderIn,
  createSupplierIn,
  receivePurchaseIn,
  runReplenishmentIn,
} from '../supply/index.ts'
import type { DemoLocation } from './network.ts'

const DAY_MS = 86_400_000
const headOffice: Actor = {
  keyId: 'demo-supply',
  name: 'Supply chain',
  role: 'admin',
  locationId: null,
  channelId: null,
}

/** The brand's suppliers, each selling some categories of the catalogue. */
const demoSuppliers = [
  { code: 'FOURN-LINGE', name: 'Filature des Vosges', lead_days: 10, over_tolerance_pct: 5 },
  { code: 'FOURN-CERAM', name: 'Faïencerie de Gien Sud', lead_days: 14, over_tolerance_pct: 3 },
  { code: 'FOURN-BOIS', name: 'Atelier du Jura', lead_days: 21, over_tolerance_pct: 0 },
  { code: 'FOURN-DECO', name: 'Maison Lumière Import', lead_days: 28, over_tolerance_pct: 10 },
]

/**
 * Replenishment, purchasing and a stock count as a week of the supply chain leaves them: every store
 * fed by its nearest warehouse twice a week with a policy on each SKU it holds, the proposals of the
 * last seven days (the six past ones approved and delivered, today's to review), four suppliers with
 * open purchase orders (one half received, one announced by its shipping notice), and a zone count
 * half scanned in the flagship store.
 */
export async function seedSupply(tx: Tx, network: readonly DemoLocation[], now: Date) {
  const warehouses = network.filter((l) => l.kind === 'warehouse')
  const stores = network.filter((l) => l.kind === 'store')
  const nearest = (s: DemoLocation) =>
    [...warehouses].sort(
      (a, b) =>
        (a.row.lat - s.row.lat) ** 2 +
        (a.row.lon - s.row.lon) ** 2 -
        ((b.row.lat - s.row.lat) ** 2 + (b.row.lon - s.row.lon) ** 2),
    )[0]!
  const supply = stores.map((s, i) => ({
    location_id: s.row.id,
    warehouse_id: nearest(s).row.id,
    // Two deliveries a week, the trucks' rounds spread over the week.
    delivery_days: [
      [1, 4],
      [2, 5],
      [3, 6],
    ][i % 3]!,
    pallets_per_truck: s.traffic > 1.2 ? 33 : 26,
  }))
  await tx.execute(
    sql`INSERT INTO store_supply (location_id, warehouse_id, delivery_days, lead_days, pallets_per_truck)
        SELECT location_id, warehouse_id, ARRAY(SELECT jsonb_array_elements_text(delivery_days)::int), 1, pallets_per_truck
        FROM jsonb_to_recordset(${JSON.stringify(supply)}::jsonb)
          AS x(location_id text, warehouse_id text, delivery_days jsonb, pallets_per_truck int)`,
  )
  await tx.execute(
    sql`INSERT INTO warehouse_supply (location_id, web_reserve_days, purchase_cover_days)
        SELECT id, 3, 28 FROM location WHERE kind = 'warehouse'`,
  )
  // Bulky categories travel few to a pallet; small goods by the hundred.
  await tx.execute(
    sql`INSERT INTO sku_pallet (sku, units_per_pallet)
        SELECT v.sku, CASE WHEN p.category IN ('garden', 'diy') THEN 12
                           WHEN p.category IN ('textile', 'kitchen', 'small_appliances') THEN 60 ELSE 120 END
        FROM variant v JOIN product p ON p.id = v.product_id`,
  )
  // A policy on every SKU a store holds: days of cover for most, min/max for the slow ones.
  await tx.execute(
    sql`INSERT INTO replenishment_policy (location_id, sku, method, min_qty, max_qty, cover_days)
        SELECT s.location_id, s.sku,
               CASE WHEN abs(hashtext(s.sku)) % 4 = 0 THEN 'min_max' ELSE 'cover' END,
               CASE WHEN abs(hashtext(s.sku)) % 4 = 0 THEN 2 ELSE 1 END,
               CASE WHEN abs(hashtext(s.sku)) % 4 = 0 THEN 6 ELSE 0 END,
               CASE WHEN abs(hashtext(s.sku)) % 4 = 0 THEN 0 ELSE 10 END
        FROM stock_level s JOIN location l ON l.id = s.location_id AND l.kind = 'store'`,
  )

  await seedPurchasing(tx, now)

  // The week's proposals: the six past days approved, shipped and received; today's waits for review.
  const today = dayOf(now)
  for (let back = 6; back >= 1; back--) {
    const date = dayOf(new Date(now.getTime() - back * DAY_MS))
    await runReplenishmentIn(tx, { date })
    const drafts = await rows<{ id: string; location_id: string }>(
      tx,
      sql`SELECT id, location_id FROM replenishment_proposal WHERE proposal_date = ${date} AND status = 'draft' ORDER BY id`,
    )
    for (const d of drafts) {
      const approved = await approveProposalIn(tx, headOffice, d.id)
      for (const id of approved.transfer_ids) await receiveTransferIn(tx, headOffice, id)
    }
  }
  await runReplenishmentIn(tx, { date: today })

  await seedCount(tx, stores[0]!)
}

async function seedPurchasing(tx: Tx, now: Date) {
  const categories = await rows<{ category: string }>(
    tx,
    sql`SELECT DISTINCT category FROM product ORDER BY category`,
  )
  const warehouses = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM location WHERE kind = 'warehouse' ORDER BY code`,
  )
  const day = (d: number) => dayOf(new Date(now.getTime() + d * DAY_MS))
  for (const [i, s] of demoSuppliers.entries()) {
    const mine = categories.filter((_, k) => k % demoSuppliers.length === i).map((c) => c.category)
    const items = await rows<{ sku: string; unit_cost_cents: number; pack_size: number }>(
      tx,
      sql`SELECT v.sku, coalesce(c.cost_cents, (pr.amount_cents * 0.45)::int, 500) AS unit_cost_cents,
                 CASE WHEN p.category IN ('garden', 'diy') THEN 1 ELSE 6 END AS pack_size
          FROM variant v JOIN product p ON p.id = v.product_id
          LEFT JOIN sku_cost c ON c.sku = v.sku
          LEFT JOIN LATERAL (SELECT amount_cents FROM price WHERE sku = v.sku ORDER BY amount_cents DESC LIMIT 1) pr ON true
          WHERE p.category IN (SELECT jsonb_array_elements_text(${JSON.stringify(mine)}::jsonb))
          ORDER BY v.sku`,
    )
    await createSupplierIn(tx, headOffice, {
      ...s,
      email: `commandes@${s.code.toLowerCase()}.example`,
      items,
    })
    // An open order per warehouse, ten lines, expected within the supplier's lead time.
    for (const [w, wh] of warehouses.entries()) {
      const lines = items.filter((_, k) => k % 37 === i + w).slice(0, 10)
      if (lines.length === 0) continue
      const order = await createPurchaseOrderIn(tx, headOffice, {
        reference: `CA-${2026}-${String(i * 10 + w + 1).padStart(4, '0')}`,
        supplier: s.code,
        location_id: wh.id,
        expected_on: day(i === 0 && w === 0 ? -1 : Math.min(s.lead_days, 3 + i * 2)),
        lines: lines.map((l, k) => ({ sku: l.sku, quantity: l.pack_size * (4 + ((k * 7) % 9)) })),
      })
      // The first supplier's truck came yesterday, one line short and two cartons damaged.
      if (i === 0 && w === 0) {
        await receivePurchaseIn(tx, headOffice, order.id, {
          lines: order.lines.slice(0, 6).map((l, k) => ({
            sku: l.sku,
            received: k === 0 ? l.quantity - 2 : l.quantity,
            damaged: k === 0 ? 2 : 0,
          })),
        })
      }
      // The second announced its delivery.
      if (i === 1 && w === 0) {
        await tx.execute(
          sql`INSERT INTO shipping_notice (id, purchase_order_id, reference, arrives_at, lines)
              VALUES (${`asn_demo_${order.id}`}, ${order.id}, 'BL-77120', ${new Date(`${order.expected_on}T07:30:00Z`).toISOString()}::timestamptz,
                      ${JSON.stringify(order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })))}::jsonb)`,
        )
      }
    }
  }
}

/** A zone count started this morning in the flagship store, a third of its shelf scanned. */
async function seedCount(tx: Tx, store: DemoLocation) {
  const shelf = await rows<{ sku: string; on_hand: number }>(
    tx,
    sql`SELECT s.sku, s.on_hand FROM stock_level s JOIN variant v ON v.sku = s.sku JOIN product p ON p.id = v.product_id
        WHERE s.location_id = ${store.row.id} AND p.category = 'kitchen' AND s.on_hand > 0 ORDER BY s.sku LIMIT 24`,
  )
  if (shelf.length === 0) return
  const count = await startCountIn(tx, headOffice, {
    location_id: store.row.id,
    scope: 'zone',
    zone: 'Allée 4 — cuisine',
    skus: shelf.map((s) => s.sku),
  })
  for (const [k, s] of shelf.slice(0, 8).entries()) {
    await scanItemIn(tx, headOffice, count.id, {
      code: s.sku,
      quantity: k === 3 ? Math.max(0, s.on_hand - 2) || 1 : s.on_hand,
    })
  }
}
