import { sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { levelsAt, receiveDelivery, returnToSupplier } from '../inventory/index.ts'
import { type Actor, mayOverride } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { checkDelivery, orderStatus, purchaseNeed, toPacks } from './purchasing.domain.ts'
import { VELOCITY_DAYS } from './replenishment.domain.ts'
import { conflict, notFound, refused } from './supply.errors.ts'
import type { ReceiptLine } from './supply.schema.ts'

function assertHeadOffice(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('Purchasing is head office’s.')
}

/** Head office sees every order; a store the orders delivered straight to it. */
function assertMaySee(actor: Actor, locationId: string) {
  if (actor.role === 'admin') return
  if (actor.role === 'store_staff' && actor.locationId === locationId) return
  throw forbidden(`A ${actor.role} key may not see the purchases of ${locationId}.`)
}

interface SupplierRow {
  id: string
  code: string
  name: string
  email: string | null
  lead_days: number
  over_tolerance_pct: number
}

export interface SupplierInput {
  code: string
  name: string
  email?: string
  lead_days?: number
  over_tolerance_pct?: number
  items?: Array<{ sku: string; unit_cost_cents: number; pack_size?: number }>
}

export const createSupplier = inTransaction(createSupplierIn)

export async function createSupplierIn(tx: Tx, actor: Actor, body: SupplierInput) {
  assertHeadOffice(actor)
  const id = newId('sup')
  const [row] = await rows<SupplierRow>(
    tx,
    sql`INSERT INTO supplier (id, code, name, email, lead_days, over_tolerance_pct)
        VALUES (${id}, ${body.code}, ${body.name}, ${body.email ?? null}, ${body.lead_days ?? 7}, ${body.over_tolerance_pct ?? 5})
        ON CONFLICT (code) DO NOTHING
        RETURNING id, code, name, email, lead_days, over_tolerance_pct`,
  )
  if (!row) throw invalidInput('code', `a supplier has the code ${body.code} already`)
  if (body.items?.length) await putItemsIn(tx, id, body.items)
  return supplierView(tx, row)
}

async function putItemsIn(tx: Tx, supplierId: string, items: NonNullable<SupplierInput['items']>) {
  const skus = [...new Set(items.map((i) => i.sku))]
  const known = await rows<{ sku: string }>(
    tx,
    sql`SELECT sku FROM variant WHERE sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(skus)}::jsonb))`,
  )
  const set = new Set(known.map((k) => k.sku))
  const i = items.findIndex((x) => !set.has(x.sku))
  if (i >= 0) throw invalidInput(`items/${i}/sku`, `no variant with SKU ${items[i]!.sku}`)
  await tx.execute(
    sql`INSERT INTO supplier_item AS s (supplier_id, sku, unit_cost_cents, pack_size)
        SELECT ${supplierId}, sku, max(unit_cost_cents), max(coalesce(pack_size, 1))
        FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x(sku text, unit_cost_cents int, pack_size int)
        GROUP BY sku
        ON CONFLICT (supplier_id, sku) DO UPDATE SET unit_cost_cents = excluded.unit_cost_cents,
          pack_size = excluded.pack_size, updated_at = now()`,
  )
}

export const putSupplierItems = inTransaction(
  async (tx: Tx, actor: Actor, ref: string, items: NonNullable<SupplierInput['items']>) => {
    assertHeadOffice(actor)
    const s = await supplierOf(tx, ref)
    await putItemsIn(tx, s.id, items)
    return supplierView(tx, s)
  },
)

async function supplierOf(q: Executor, ref: string, field?: string) {
  const [s] = await rows<SupplierRow>(
    q,
    sql`SELECT id, code, name, email, lead_days, over_tolerance_pct FROM supplier WHERE id = ${ref} OR code = ${ref}
        ORDER BY (id = ${ref}) DESC LIMIT 1`,
  )
  if (!s) {
    if (field) throw invalidInput(field, `no supplier with id or code ${ref}`)
    throw notFound('supplier', ref)
  }
  return s
}

async function supplierView(q: Executor, s: SupplierRow) {
  const items = await rows<{ sku: string; unit_cost_cents: number; pack_size: number }>(
    q,
    sql`SELECT sku, unit_cost_cents, pack_size FROM supplier_item WHERE supplier_id = ${s.id} ORDER BY sku`,
  )
  return { ...s, items }
}

export async function getSupplier(q: Executor, actor: Actor, ref: string) {
  assertHeadOffice(actor)
  return supplierView(q, await supplierOf(q, ref))
}

export async function listSuppliers(q: Executor, actor: Actor, limit: number, cursor?: string) {
  assertHeadOffice(actor)
  const found = await rows<SupplierRow>(
    q,
    sql`SELECT id, code, name, email, lead_days, over_tolerance_pct FROM supplier
        ${cursor ? sql`WHERE id > ${cursor}` : sql``} ORDER BY id LIMIT ${limit + 1}`,
  )
  return found.map((s) => ({
    ...s,
    items: [] as Array<{ sku: string; unit_cost_cents: number; pack_size: number }>,
  }))
}

interface OrderRow {
  id: string
  reference: string
  supplier_id: string
  location_id: string
  status: 'open' | 'partially_received' | 'received' | 'cancelled'
  expected_on: string
  created_by: string | null
  created_at: Date
  lines: Array<{
    line_no: number
    sku: string
    quantity: number
    unit_cost_cents: number
    received: number
    damaged: number
  }>
}

const orderColumns = sql`po.id, po.reference, po.supplier_id, po.location_id, po.status, po.expected_on::text AS expected_on,
  po.created_by, po.created_at,
  (SELECT coalesce(json_agg(json_build_object('line_no', l.line_no, 'sku', l.sku, 'quantity', l.quantity,
      'unit_cost_cents', l.unit_cost_cents, 'received', l.received, 'damaged', l.damaged) ORDER BY l.line_no), '[]'::json)
   FROM purchase_order_line l WHERE l.purchase_order_id = po.id) AS lines`

function orderView(o: OrderRow) {
  return {
    ...o,
    created_at: new Date(o.created_at).toISOString(),
    total_cents: o.lines.reduce((s, l) => s + l.quantity * l.unit_cost_cents, 0),
    lines: o.lines.map((l) => ({ ...l, outstanding: Math.max(0, l.quantity - l.received - l.damaged) })),
  }
}

async function loadOrder(q: Executor, ref: string, lock = false) {
  const [o] = await rows<OrderRow>(
    q,
    sql`SELECT ${orderColumns} FROM purchase_order po WHERE po.id = ${ref} OR po.reference = ${ref}
        ORDER BY (po.id = ${ref}) DESC LIMIT 1 ${lock ? sql`FOR UPDATE OF po` : sql``}`,
  )
  if (!o) throw notFound('purchase_order', ref)
  return o
}

export interface OrderInput {
  reference?: string
  supplier: string
  location_id: string
  expected_on: string
  lines: Array<{ sku: string; quantity: number; unit_cost_cents?: number }>
}

/** A purchase order to a warehouse, or to a store for a direct delivery; the supplier's price unless given. */
export const createPurchaseOrder = inTransaction(createPurchaseOrderIn)

export async function createPurchaseOrderIn(tx: Tx, actor: Actor, body: OrderInput, createdBy = actor.keyId) {
  assertHeadOffice(actor)
  const supplier = await supplierOf(tx, body.supplier, 'supplier')
  const [location] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM location WHERE id = ${body.location_id} OR code = ${body.location_id} ORDER BY (id = ${body.location_id}) DESC LIMIT 1`,
  )
  if (!location) throw invalidInput('location_id', `no location ${body.location_id}`)
  if (Number.isNaN(Date.parse(body.expected_on))) throw invalidInput('expected_on', 'a date as YYYY-MM-DD')
  const seen = new Set<string>()
  body.lines.forEach((l, i) => {
    if (seen.has(l.sku)) throw invalidInput(`lines/${i}/sku`, `${l.sku} is ordered twice: one line per SKU`)
    seen.add(l.sku)
  })
  const prices = await rows<{ sku: string; unit_cost_cents: number | null }>(
    tx,
    sql`SELECT v.sku, si.unit_cost_cents FROM variant v
        LEFT JOIN supplier_item si ON si.sku = v.sku AND si.supplier_id = ${supplier.id}
        WHERE v.sku IN (SELECT jsonb_array_elements_text(${JSON.stringify([...seen])}::jsonb))`,
  )
  const priceOf = new Map(prices.map((p) => [p.sku, p.unit_cost_cents]))
  const unknown = body.lines.findIndex((l) => !priceOf.has(l.sku))
  if (unknown >= 0)
    throw invalidInput(`lines/${unknown}/sku`, `no variant with SKU ${body.lines[unknown]!.sku}`)
  const id = newId('pur')
  const reference = body.reference ?? id
  const lines = body.lines.map((l, i) => ({
    line_no: i + 1,
    sku: l.sku,
    quantity: l.quantity,
    unit_cost_cents: l.unit_cost_cents ?? priceOf.get(l.sku) ?? 0,
  }))
  const [made] = await rows<{ id: string }>(
    tx,
    sql`WITH po AS (
          INSERT INTO purchase_order (id, reference, supplier_id, location_id, expected_on, created_by)
          VALUES (${id}, ${reference}, ${supplier.id}, ${location.id}, ${body.expected_on}::date, ${createdBy})
          ON CONFLICT (reference) DO NOTHING RETURNING id
        ),
        l AS (
          INSERT INTO purchase_order_line (purchase_order_id, line_no, sku, quantity, unit_cost_cents)
          SELECT (SELECT id FROM po), line_no, sku, quantity, unit_cost_cents
          FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) AS x(line_no int, sku text, quantity int, unit_cost_cents int)
          WHERE EXISTS (SELECT 1 FROM po)
        )
        SELECT id FROM po`,
  )
  if (!made) throw invalidInput('reference', `a purchase order has the reference ${reference} already`)
  return orderView(await loadOrder(tx, id))
}

export async function getPurchaseOrder(q: Executor, actor: Actor, ref: string) {
  const o = await loadOrder(q, ref)
  assertMaySee(actor, o.location_id)
  const [notices, receipts] = await Promise.all([
    rows<{
      id: string
      reference: string
      arrives_at: Date
      status: string
      lines: Array<{ sku: string; quantity: number }>
    }>(
      q,
      sql`SELECT id, reference, arrives_at, status, lines FROM shipping_notice WHERE purchase_order_id = ${o.id} ORDER BY id`,
    ),
    rows<ReceiptRow>(q, sql`SELECT * FROM purchase_receipt WHERE purchase_order_id = ${o.id} ORDER BY id`),
  ])
  return {
    ...orderView(o),
    notices: notices.map((n) => ({ ...n, arrives_at: new Date(n.arrives_at).toISOString() })),
    receipts: receipts.map(receiptView),
  }
}

export async function listPurchaseOrders(
  q: Executor,
  actor: Actor,
  filter: { location_id?: string; supplier?: string; status?: OrderRow['status'] },
  limit: number,
  cursor?: string,
) {
  if (actor.role === 'store_staff') {
    if (filter.location_id && filter.location_id !== actor.locationId)
      throw forbidden(`This key sees the orders of ${actor.locationId} only.`)
  } else assertHeadOffice(actor)
  const location = actor.role === 'store_staff' ? actor.locationId! : filter.location_id
  const found = await rows<OrderRow>(
    q,
    sql`SELECT ${orderColumns} FROM purchase_order po
        WHERE TRUE ${location ? sql`AND po.location_id = ${location}` : sql``}
          ${filter.supplier ? sql`AND po.supplier_id IN (SELECT id FROM supplier WHERE id = ${filter.supplier} OR code = ${filter.supplier})` : sql``}
          ${filter.status ? sql`AND po.status = ${filter.status}` : sql``}
          ${cursor ? sql`AND po.id < ${cursor}` : sql``}
        ORDER BY po.id DESC LIMIT ${limit + 1}`,
  )
  return found.map(orderView)
}

export const cancelPurchaseOrder = inTransaction(async (tx: Tx, actor: Actor, ref: string) => {
  assertHeadOffice(actor)
  const o = await loadOrder(tx, ref, true)
  if (o.status !== 'open') {
    throw conflict(
      'purchase_order_closed',
      `Purchase order ${o.reference} is ${o.status}: only an order with nothing received is cancelled.`,
    )
  }
  await tx.execute(sql`UPDATE purchase_order SET status = 'cancelled', updated_at = now() WHERE id = ${o.id}`)
  return orderView(await loadOrder(tx, o.id))
})

/** The supplier says what is on the truck and when it arrives: the receipt is checked against it. */
export const addShippingNotice = inTransaction(
  async (
    tx: Tx,
    actor: Actor,
    ref: string,
    body: { reference: string; arrives_at: string; lines: Array<{ sku: string; quantity: number }> },
  ) => {
    assertHeadOffice(actor)
    const o = await loadOrder(tx, ref, true)
    if (o.status === 'received' || o.status === 'cancelled') {
      throw conflict('purchase_order_closed', `Purchase order ${o.reference} is ${o.status}.`)
    }
    const onOrder = new Set(o.lines.map((l) => l.sku))
    const i = body.lines.findIndex((l) => !onOrder.has(l.sku))
    if (i >= 0)
      throw refused('sku_not_on_order', `${body.lines[i]!.sku} is not on ${o.reference}.`, {
        field: `lines/${i}/sku`,
      })
    const id = newId('asn')
    const [made] = await rows<{ id: string }>(
      tx,
      sql`INSERT INTO shipping_notice (id, purchase_order_id, reference, arrives_at, lines)
          VALUES (${id}, ${o.id}, ${body.reference}, ${body.arrives_at}::timestamptz, ${JSON.stringify(body.lines)}::jsonb)
          ON CONFLICT (purchase_order_id, reference) DO NOTHING RETURNING id`,
    )
    if (!made) throw invalidInput('reference', `${o.reference} has a notice ${body.reference} already`)
    return {
      id,
      purchase_order_id: o.id,
      reference: body.reference,
      arrives_at: new Date(body.arrives_at).toISOString(),
      status: 'announced',
      lines: body.lines,
    }
  },
)

interface ReceiptRow {
  id: string
  purchase_order_id: string
  notice_id: string | null
  location_id: string
  status: 'posted' | 'awaiting_approval' | 'rejected'
  lines: ReceiptLine[]
  received_by: string | null
  decided_by: string | null
  created_at: Date
}

function receiptView(r: ReceiptRow) {
  return {
    id: r.id,
    purchase_order_id: r.purchase_order_id,
    notice_id: r.notice_id,
    location_id: r.location_id,
    status: r.status,
    lines: r.lines,
    received_by: r.received_by,
    decided_by: r.decided_by,
    created_at: new Date(r.created_at).toISOString(),
  }
}

/**
 * Goods received against a purchase order: good units on hand, damaged ones in quarantine, the
 * order's lines moved on. When a line, with what came before, exceeds the order by more than the
 * supplier's tolerance, the receipt waits for head office or a store manager and nothing moves yet.
 */
export const receivePurchase = inTransaction(receivePurchaseIn)

export async function receivePurchaseIn(
  tx: Tx,
  actor: Actor,
  ref: string,
  body: { notice_id?: string; lines: Array<{ sku: string; received: number; damaged?: number }> },
) {
  const o = await loadOrder(tx, ref, true)
  assertMaySee(actor, o.location_id)
  if (o.status === 'received' || o.status === 'cancelled') {
    throw conflict(
      'purchase_order_closed',
      `Purchase order ${o.reference} is ${o.status}: nothing more is received on it.`,
    )
  }
  const onOrder = new Set(o.lines.map((l) => l.sku))
  const i = body.lines.findIndex((l) => !onOrder.has(l.sku))
  if (i >= 0)
    throw refused('sku_not_on_order', `${body.lines[i]!.sku} is not on ${o.reference}.`, {
      field: `lines/${i}/sku`,
    })
  if (body.notice_id) {
    const [n] = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM shipping_notice WHERE id = ${body.notice_id} AND purchase_order_id = ${o.id}`,
    )
    if (!n) throw invalidInput('notice_id', `no notice ${body.notice_id} on ${o.reference}`)
  }
  const [supplier] = await rows<{ over_tolerance_pct: number }>(
    tx,
    sql`SELECT over_tolerance_pct FROM supplier WHERE id = ${o.supplier_id}`,
  )
  const check = checkDelivery(
    o.lines,
    body.lines.map((l) => ({ sku: l.sku, received: l.received, damaged: l.damaged ?? 0 })),
    supplier?.over_tolerance_pct ?? 0,
  )
  const id = newId('rcp')
  const status = check.needsApproval ? 'awaiting_approval' : 'posted'
  await tx.execute(
    sql`INSERT INTO purchase_receipt (id, purchase_order_id, notice_id, location_id, status, lines, received_by)
          VALUES (${id}, ${o.id}, ${body.notice_id ?? null}, ${o.location_id}, ${status}, ${JSON.stringify(check.lines)}::jsonb, ${actor.keyId})`,
  )
  if (status === 'posted') await post(tx, o, id, check.lines, body.notice_id ?? null, actor.keyId)
  const [r] = await rows<ReceiptRow>(tx, sql`SELECT * FROM purchase_receipt WHERE id = ${id}`)
  return { ...receiptView(r!), over_tolerance: check.overBy }
}

/** The receipt's units into stock and onto the order's lines; the order's status follows. */
async function post(
  tx: Tx,
  o: OrderRow,
  receiptId: string,
  lines: ReceiptLine[],
  noticeId: string | null,
  actor: string,
) {
  await receiveDelivery(tx, {
    locationId: o.location_id,
    lines: lines.map((l) => ({ sku: l.sku, good: l.received, damaged: l.damaged })),
    reference: receiptId,
    actor,
  })
  const [after] = await rows<{ lines: OrderRow['lines'] }>(
    tx,
    sql`WITH u AS (
          UPDATE purchase_order_line l SET received = l.received + x.received, damaged = l.damaged + x.damaged
          FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) AS x(sku text, received int, damaged int)
          WHERE l.purchase_order_id = ${o.id} AND l.sku = x.sku
          RETURNING l.sku, l.quantity, l.received, l.damaged
        )
        SELECT json_agg(json_build_object('sku', sku, 'quantity', quantity, 'received', received, 'damaged', damaged)) AS lines FROM u`,
  )
  const touched = new Map((after?.lines ?? []).map((l) => [l.sku, l]))
  const status = orderStatus(o.lines.map((l) => touched.get(l.sku) ?? l))
  await tx.execute(sql`UPDATE purchase_order SET status = ${status}, updated_at = now() WHERE id = ${o.id}`)
  if (noticeId)
    await tx.execute(
      sql`UPDATE shipping_notice SET status = 'received', updated_at = now() WHERE id = ${noticeId}`,
    )
}

/** Head office or a store manager accepts (the units go into stock) or refuses an over-delivery. */
export const decideReceipt = inTransaction(
  async (tx: Tx, actor: Actor, ref: string, receiptId: string, accept: boolean) => {
    const o = await loadOrder(tx, ref, true)
    assertMaySee(actor, o.location_id)
    if (!mayOverride(actor)) throw forbidden('Head office or a store manager approves an over-delivery.')
    const [r] = await rows<ReceiptRow>(
      tx,
      sql`SELECT * FROM purchase_receipt WHERE id = ${receiptId} AND purchase_order_id = ${o.id} FOR UPDATE`,
    )
    if (!r) throw notFound('receipt', receiptId)
    if (r.status !== 'awaiting_approval')
      throw conflict('receipt_decided', `Receipt ${receiptId} is ${r.status}.`)
    if (accept) {
      if (o.status === 'cancelled')
        throw conflict('purchase_order_closed', `Purchase order ${o.reference} is cancelled.`)
      await post(tx, o, r.id, r.lines, r.notice_id, actor.keyId)
    }
    const [after] = await rows<ReceiptRow>(
      tx,
      sql`UPDATE purchase_receipt SET status = ${accept ? 'posted' : 'rejected'}, decided_by = ${actor.keyId}, updated_at = now()
          WHERE id = ${r.id} RETURNING *`,
    )
    return { ...receiptView(after!), over_tolerance: [] as string[] }
  },
)

/** Units sent back to a supplier (damaged out of quarantine, or unsold out of stock). */
export const returnGoods = inTransaction(
  async (
    tx: Tx,
    actor: Actor,
    body: {
      supplier: string
      location_id: string
      purchase_order_id?: string
      reason: string
      lines: Array<{ sku: string; quantity: number; from: 'quarantine' | 'on_hand' }>
    },
  ) => {
    assertMaySee(actor, body.location_id)
    const supplier = await supplierOf(tx, body.supplier, 'supplier')
    if (body.purchase_order_id) {
      const o = await loadOrder(tx, body.purchase_order_id)
      if (o.supplier_id !== supplier.id)
        throw invalidInput('purchase_order_id', `${o.reference} is not ${supplier.code}’s`)
    }
    const id = newId('srt')
    await returnToSupplier(tx, {
      locationId: body.location_id,
      lines: body.lines,
      reference: id,
      actor: actor.keyId,
    })
    await tx.execute(
      sql`INSERT INTO supplier_return (id, supplier_id, location_id, purchase_order_id, lines, reason, created_by)
          VALUES (${id}, ${supplier.id}, ${body.location_id}, ${body.purchase_order_id ?? null},
                  ${JSON.stringify(body.lines)}::jsonb, ${body.reason}, ${actor.keyId})`,
    )
    return {
      id,
      supplier_id: supplier.id,
      location_id: body.location_id,
      purchase_order_id: body.purchase_order_id ?? null,
      reason: body.reason,
      lines: body.lines,
    }
  },
)

/**
 * What each warehouse should buy, by supplier: the SKUs whose position (on hand − reserved + in
 * transit + on order) falls under the demand of the supplier's lead time plus the warehouse's cover.
 * Demand is the warehouse's own sales and what it sent stores over the last four weeks.
 */
export async function purchaseSuggestions(q: Executor, actor: Actor, warehouseId: string) {
  assertHeadOffice(actor)
  const [wh] = await rows<{ kind: string; purchase_cover_days: number | null }>(
    q,
    sql`SELECT l.kind, ws.purchase_cover_days FROM location l LEFT JOIN warehouse_supply ws ON ws.location_id = l.id
        WHERE l.id = ${warehouseId}`,
  )
  if (!wh || wh.kind !== 'warehouse')
    throw invalidInput('querystring/warehouse_id', `no warehouse ${warehouseId}`)
  const cover = wh.purchase_cover_days ?? 28
  const [items, levels, demand, onOrder] = await Promise.all([
    rows<{
      sku: string
      supplier_id: string
      code: string
      lead_days: number
      unit_cost_cents: number
      pack_size: number
    }>(
      q,
      // A SKU several suppliers sell is bought from the cheapest.
      sql`SELECT DISTINCT ON (si.sku) si.sku, s.id AS supplier_id, s.code, s.lead_days, si.unit_cost_cents, si.pack_size
          FROM supplier_item si JOIN supplier s ON s.id = si.supplier_id
          ORDER BY si.sku, si.unit_cost_cents, s.id`,
    ),
    levelsAt(q, [warehouseId]),
    rows<{ sku: string; units: number }>(
      q,
      sql`SELECT sku, (-sum(on_hand_delta))::int AS units FROM stock_movement
          WHERE location_id = ${warehouseId} AND kind IN ('sale', 'transfer_out')
            AND created_at >= now() - make_interval(days => ${VELOCITY_DAYS}::int)
          GROUP BY sku`,
    ),
    rows<{ sku: string; units: number }>(
      q,
      sql`SELECT l.sku, sum(greatest(l.quantity - l.received - l.damaged, 0))::int AS units
          FROM purchase_order po JOIN purchase_order_line l ON l.purchase_order_id = po.id
          WHERE po.location_id = ${warehouseId} AND po.status IN ('open', 'partially_received') GROUP BY l.sku`,
    ),
  ])
  const levelOf = new Map(levels.map((l) => [l.sku, l]))
  const demandOf = new Map(demand.map((d) => [d.sku, d.units]))
  const orderedOf = new Map(onOrder.map((o) => [o.sku, o.units]))
  const bySupplier = new Map<
    string,
    {
      supplier_id: string
      supplier_code: string
      lead_days: number
      lines: Array<Record<string, number | string>>
    }
  >()
  for (const item of items) {
    const level = levelOf.get(item.sku)
    const dailyDemand = (demandOf.get(item.sku) ?? 0) / VELOCITY_DAYS
    if (dailyDemand === 0) continue
    const need = purchaseNeed({
      dailyDemand,
      onHand: level?.on_hand ?? 0,
      reserved: level?.reserved ?? 0,
      inTransit: level?.in_transit ?? 0,
      onOrder: orderedOf.get(item.sku) ?? 0,
      leadDays: item.lead_days,
      coverDays: cover,
      packSize: item.pack_size,
    })
    if (need.quantity <= 0) continue
    const s = bySupplier.get(item.supplier_id) ?? {
      supplier_id: item.supplier_id,
      supplier_code: item.code,
      lead_days: item.lead_days,
      lines: [],
    }
    s.lines.push({
      sku: item.sku,
      quantity: toPacks(need.quantity, item.pack_size),
      unit_cost_cents: item.unit_cost_cents,
      daily_demand: Math.round(dailyDemand * 1000) / 1000,
      position: need.position,
      target: need.target,
      cover_days: level && dailyDemand > 0 ? Math.floor(need.position / dailyDemand) : 0,
    })
    bySupplier.set(item.supplier_id, s)
  }
  return { warehouse_id: warehouseId, cover_days: cover, suppliers: [...bySupplier.values()] }
}

/** Open purchase orders as CSV, one row per line (`reference,supplier,location,expected_on,sku,quantity,unit_cost_cents`). */
export async function exportOrderRows(q: Executor, actor: Actor, status?: OrderRow['status']) {
  assertHeadOffice(actor)
  return rows<{
    reference: string
    supplier: string
    location: string
    expected_on: string
    sku: string
    quantity: number
    unit_cost_cents: number
  }>(
    q,
    sql`SELECT po.reference, s.code AS supplier, loc.code AS location, po.expected_on::text AS expected_on, l.sku, l.quantity, l.unit_cost_cents
        FROM purchase_order po JOIN supplier s ON s.id = po.supplier_id JOIN location loc ON loc.id = po.location_id
        JOIN purchase_order_line l ON l.purchase_order_id = po.id
        WHERE ${status ? sql`po.status = ${status}` : sql`po.status IN ('open', 'partially_received')`}
        ORDER BY po.reference, l.line_no`,
  )
}
