import { sql } from 'drizzle-orm'
import { type Db, type Executor, inTransaction, rows, rowsAsJson, type Tx } from '../db/database.ts'
import { levelsAt, shipTransfer, unitsSold } from '../inventory/index.ts'
import type { Actor } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { dayOf } from '../shared/period.domain.ts'
import {
  DEFAULT_UNITS_PER_PALLET,
  daysBetween,
  deliveryDate,
  needOf,
  type Policy,
  packTrucks,
  shareable,
  shareFairly,
  VELOCITY_DAYS,
} from './replenishment.domain.ts'
import { conflict, notFound, refused } from './supply.errors.ts'

/** Head office manages every store; store staff their own. */
export function assertMayReplenish(actor: Actor, locationId: string) {
  if (actor.role === 'admin') return
  if (actor.role === 'store_staff' && actor.locationId === locationId) return
  throw forbidden(`A ${actor.role} key may not manage the replenishment of ${locationId}.`)
}

interface StoreRow {
  location_id: string
  warehouse_id: string
  delivery_days: number[]
  lead_days: number
  pallets_per_truck: number
}

interface PolicyRow {
  location_id: string
  sku: string
  method: 'min_max' | 'cover'
  min_qty: number
  max_qty: number
  cover_days: number
}

export interface RunResult {
  date: string
  proposals: number
  lines: number
  units: number
  /** Stores skipped because their proposal of the day is approved already. */
  kept: number
}

/**
 * The day's replenishment for every supplied store (or those of one warehouse): needs by policy
 * for the SKUs the store's cluster lists, shared fairly where the warehouse is short of what the
 * stores ask beyond the web's reserve, packed into trucks for the first delivery day. A run on a
 * day that has one already replaces the proposals not yet approved; approved ones stay as they are.
 */
export async function runReplenishment(db: Db, options: { date?: string; warehouseId?: string } = {}) {
  return db.transaction((tx) => runReplenishmentIn(tx, options))
}

export async function runReplenishmentIn(
  tx: Tx,
  options: { date?: string; warehouseId?: string } = {},
): Promise<RunResult> {
  const date = options.date ?? dayOf(new Date())
  // One run at a time: two would each replace the other's drafts.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('supply.replenishment'))`)
  const stores = await rows<StoreRow & { approved: boolean }>(
    tx,
    sql`SELECT ss.location_id, ss.warehouse_id, ss.delivery_days, ss.lead_days, ss.pallets_per_truck,
               EXISTS (SELECT 1 FROM replenishment_proposal p WHERE p.location_id = ss.location_id
                       AND p.proposal_date = ${date} AND p.status = 'approved') AS approved
        FROM store_supply ss JOIN location l ON l.id = ss.location_id AND l.kind <> 'warehouse'
        ${options.warehouseId ? sql`WHERE ss.warehouse_id = ${options.warehouseId}` : sql``}
        ORDER BY ss.location_id`,
  )
  const open = stores.filter((s) => !s.approved)
  const storeIds = open.map((s) => s.location_id)
  const warehouseIds = [...new Set(open.map((s) => s.warehouse_id))]
  const [policies, storeLevels, warehouseLevels, sold, openOrders, pallets, warehouses, clusterRules] =
    await Promise.all([
      rowsAsJson<PolicyRow & { cluster: string | null; product_id: string; category: string }>(
        tx,
        sql`SELECT p.location_id, p.sku, p.method, p.min_qty, p.max_qty, p.cover_days,
                 l.cluster, v.product_id, pr.category
          FROM replenishment_policy p
          JOIN location l ON l.id = p.location_id
          JOIN variant v ON v.sku = p.sku
          JOIN product pr ON pr.id = v.product_id
          WHERE p.location_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(storeIds)}::jsonb))`,
      ),
      levelsAt(tx, storeIds),
      levelsAt(tx, warehouseIds),
      unitsSold(tx, [...storeIds, ...warehouseIds], VELOCITY_DAYS),
      rows<{ location_id: string; sku: string; units: number }>(
        tx,
        sql`SELECT po.location_id, l.sku, sum(greatest(l.quantity - l.received - l.damaged, 0))::int AS units
          FROM purchase_order po JOIN purchase_order_line l ON l.purchase_order_id = po.id
          WHERE po.status IN ('open', 'partially_received')
            AND po.location_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(storeIds)}::jsonb))
          GROUP BY po.location_id, l.sku`,
      ),
      rows<{ sku: string; units_per_pallet: number }>(tx, sql`SELECT sku, units_per_pallet FROM sku_pallet`),
      rows<{ location_id: string; web_reserve_days: number }>(
        tx,
        sql`SELECT location_id, web_reserve_days FROM warehouse_supply`,
      ),
      rows<{ cluster: string; target_kind: 'product' | 'category'; target: string; listed: boolean }>(
        tx,
        sql`SELECT cluster, target_kind, target, listed FROM cluster_listing
          WHERE cluster IN (SELECT cluster FROM location WHERE cluster IS NOT NULL
                              AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(storeIds)}::jsonb)))`,
      ),
    ])
  // A cluster's rule on the product wins over its rule on the category; no rule: listed.
  const rule = new Map(clusterRules.map((r) => [`${r.cluster}|${r.target_kind}|${r.target}`, r.listed]))
  const listedIn = (p: { cluster: string | null; product_id: string; category: string }) =>
    p.cluster === null ||
    (rule.get(`${p.cluster}|product|${p.product_id}`) ??
      rule.get(`${p.cluster}|category|${p.category}`) ??
      true)
  const key = (location: string, sku: string) => `${location}\u0000${sku}`
  const levelOf = new Map(storeLevels.map((l) => [key(l.location_id, l.sku), l]))
  const whLevelOf = new Map(warehouseLevels.map((l) => [key(l.location_id, l.sku), l]))
  const soldOf = new Map(sold.map((s) => [key(s.location_id, s.sku), s.units]))
  const orderedOf = new Map(openOrders.map((o) => [key(o.location_id, o.sku), o.units]))
  const palletOf = new Map(pallets.map((p) => [p.sku, p.units_per_pallet]))
  const reserveDays = new Map(warehouses.map((w) => [w.location_id, w.web_reserve_days]))
  const storeOf = new Map(open.map((s) => [s.location_id, s]))
  const deliveryOf = new Map(
    open.map((s) => [
      s.location_id,
      deliveryDate(date, { deliveryDays: s.delivery_days, leadDays: s.lead_days }),
    ]),
  )

  type Line = {
    location_id: string
    sku: string
    policy: Policy
    velocity: number
    on_hand: number
    reserved: number
    in_transit: number
    open_orders: number
    target: number
    need: number
    quantity: number
  }
  const lines: Line[] = []
  const asked = new Map<string, Array<{ storeId: string; need: number }>>()
  for (const p of policies) {
    const delivery = deliveryOf.get(p.location_id)
    if (!delivery || !listedIn(p)) continue
    const level = levelOf.get(key(p.location_id, p.sku))
    const velocity = (soldOf.get(key(p.location_id, p.sku)) ?? 0) / VELOCITY_DAYS
    const position = {
      onHand: level?.on_hand ?? 0,
      reserved: level?.reserved ?? 0,
      inTransit: level?.in_transit ?? 0,
      openOrders: orderedOf.get(key(p.location_id, p.sku)) ?? 0,
      velocity,
    }
    const policy: Policy = {
      sku: p.sku,
      method: p.method,
      minQty: p.min_qty,
      maxQty: p.max_qty,
      coverDays: p.cover_days,
    }
    const { target, need } = needOf(policy, position, daysBetween(date, delivery))
    if (need <= 0) continue
    const wh = storeOf.get(p.location_id)!.warehouse_id
    const k = key(wh, p.sku)
    const needs = asked.get(k)
    if (needs) needs.push({ storeId: p.location_id, need })
    else asked.set(k, [{ storeId: p.location_id, need }])
    lines.push({
      location_id: p.location_id,
      sku: p.sku,
      policy,
      velocity,
      on_hand: position.onHand,
      reserved: position.reserved,
      in_transit: position.inTransit,
      open_orders: position.openOrders,
      target,
      need,
      quantity: 0,
    })
  }
  const given = new Map<string, number>()
  for (const [k, needs] of asked) {
    const [wh, sku] = k.split('\u0000') as [string, string]
    const level = whLevelOf.get(k)
    const webVelocity = (soldOf.get(k) ?? 0) / VELOCITY_DAYS
    const available = level
      ? shareable(
          { onHand: level.on_hand, reserved: level.reserved, safetyStock: level.safety_stock, webVelocity },
          reserveDays.get(wh) ?? 3,
        )
      : 0
    for (const [storeId, units] of shareFairly(needs, available)) given.set(key(storeId, sku), units)
  }
  const byStore = new Map<string, Line[]>()
  for (const l of lines) {
    l.quantity = given.get(key(l.location_id, l.sku)) ?? 0
    const mine = byStore.get(l.location_id)
    if (mine) mine.push(l)
    else byStore.set(l.location_id, [l])
  }

  const proposals: Array<Record<string, unknown>> = []
  const lineRows: Array<Record<string, unknown>> = []
  for (const store of open) {
    const delivery = deliveryOf.get(store.location_id)
    const storeLines = byStore.get(store.location_id) ?? []
    if (!delivery || storeLines.length === 0) continue
    const id = newId('rpp')
    proposals.push({
      id,
      location_id: store.location_id,
      warehouse_id: store.warehouse_id,
      delivery_date: delivery,
    })
    const packed = new Map(
      packTrucks(
        storeLines.map((l) => ({
          sku: l.sku,
          quantity: l.quantity,
          unitsPerPallet: palletOf.get(l.sku) ?? DEFAULT_UNITS_PER_PALLET,
        })),
        store.pallets_per_truck,
      ).map((p) => [p.sku, p]),
    )
    for (const l of storeLines) {
      lineRows.push({
        proposal_id: id,
        sku: l.sku,
        quantity: l.quantity,
        method: l.policy.method,
        velocity: Math.round(l.velocity * 1000) / 1000,
        cover_days: l.policy.coverDays,
        min_qty: l.policy.minQty,
        max_qty: l.policy.maxQty,
        on_hand: l.on_hand,
        reserved: l.reserved,
        in_transit: l.in_transit,
        open_orders: l.open_orders,
        target: l.target,
        need: l.need,
        units_per_pallet: palletOf.get(l.sku) ?? DEFAULT_UNITS_PER_PALLET,
        pallets: Math.round((packed.get(l.sku)?.pallets ?? 0) * 1000) / 1000,
        truck: packed.get(l.sku)?.truck ?? 0,
      })
    }
  }
  // The day's drafts of these stores give way to the new ones (an approved proposal is never touched).
  await tx.execute(
    sql`WITH gone AS (
          DELETE FROM replenishment_proposal
          WHERE proposal_date = ${date} AND status = 'draft'
            AND location_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(storeIds)}::jsonb))
          RETURNING id
        )
        DELETE FROM replenishment_line WHERE proposal_id IN (SELECT id FROM gone)`,
  )
  if (proposals.length > 0) {
    await tx.execute(
      sql`WITH p AS (
            INSERT INTO replenishment_proposal (id, location_id, warehouse_id, proposal_date, delivery_date)
            SELECT id, location_id, warehouse_id, ${date}::date, delivery_date::date
            FROM jsonb_to_recordset(${JSON.stringify(proposals)}::jsonb)
              AS x(id text, location_id text, warehouse_id text, delivery_date text)
            ON CONFLICT (location_id, proposal_date) DO NOTHING
            RETURNING id
          )
          INSERT INTO replenishment_line (proposal_id, sku, proposed, quantity, method, velocity, cover_days, min_qty,
            max_qty, on_hand, reserved, in_transit, open_orders, target, need, units_per_pallet, pallets, truck)
          SELECT x.proposal_id, x.sku, x.quantity, x.quantity, x.method, x.velocity, x.cover_days, x.min_qty, x.max_qty,
                 x.on_hand, x.reserved, x.in_transit, x.open_orders, x.target, x.need, x.units_per_pallet, x.pallets, x.truck
          FROM jsonb_to_recordset(${JSON.stringify(lineRows)}::jsonb) AS x(proposal_id text, sku text, quantity int,
            method text, velocity float8, cover_days int, min_qty int, max_qty int, on_hand int, reserved int,
            in_transit int, open_orders int, target int, need int, units_per_pallet int, pallets float8, truck int)
          WHERE x.proposal_id IN (SELECT id FROM p)`,
    )
  }
  return {
    date,
    proposals: proposals.length,
    lines: lineRows.length,
    units: lines.reduce((s, l) => s + l.quantity, 0),
    kept: stores.length - open.length,
  }
}

/** The daily job's pass: proposes once a day, the first pass after midnight (Paris). */
export async function proposeDaily(db: Db): Promise<number> {
  const date = dayOf(new Date())
  const [done] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM replenishment_proposal WHERE proposal_date = ${date}`,
  )
  const [supplied] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM store_supply`)
  if ((done?.n ?? 0) > 0 || (supplied?.n ?? 0) === 0) return 0
  return (await runReplenishment(db, { date })).proposals
}

interface ProposalRow {
  id: string
  location_id: string
  warehouse_id: string
  proposal_date: string
  delivery_date: string
  status: 'draft' | 'approved'
  transfer_ids: string[]
  approved_by: string | null
  approved_at: Date | null
  created_at: Date
}

interface ProposalLineRow {
  sku: string
  proposed: number
  quantity: number
  method: 'min_max' | 'cover'
  velocity: number
  cover_days: number
  min_qty: number
  max_qty: number
  on_hand: number
  reserved: number
  in_transit: number
  open_orders: number
  target: number
  need: number
  units_per_pallet: number
  pallets: number
  truck: number
}

const proposalColumns = sql`p.id, p.location_id, p.warehouse_id, p.proposal_date::text AS proposal_date,
  p.delivery_date::text AS delivery_date, p.status, p.transfer_ids, p.approved_by, p.approved_at, p.created_at`

function proposalView(
  p: ProposalRow,
  lines: ProposalLineRow[] | null,
  totals?: { line_count: number; units: number; pallets: number; trucks: number },
) {
  const sum = totals ?? {
    line_count: lines!.length,
    units: lines!.reduce((s, l) => s + l.quantity, 0),
    pallets: Math.round(lines!.reduce((s, l) => s + l.pallets, 0) * 100) / 100,
    trucks: lines!.reduce((s, l) => Math.max(s, l.truck), 0),
  }
  return {
    id: p.id,
    location_id: p.location_id,
    warehouse_id: p.warehouse_id,
    proposal_date: p.proposal_date,
    delivery_date: p.delivery_date,
    status: p.status,
    transfer_ids: p.transfer_ids,
    approved_by: p.approved_by,
    approved_at: p.approved_at ? new Date(p.approved_at).toISOString() : null,
    created_at: new Date(p.created_at).toISOString(),
    ...sum,
    lines: (lines ?? []).map((l) => ({
      sku: l.sku,
      proposed: l.proposed,
      quantity: l.quantity,
      truck: l.truck,
      pallets: l.pallets,
      explanation: {
        method: l.method,
        velocity_per_day: l.velocity,
        cover_days: l.cover_days,
        min_qty: l.min_qty,
        max_qty: l.max_qty,
        on_hand: l.on_hand,
        reserved: l.reserved,
        in_transit: l.in_transit,
        open_orders: l.open_orders,
        target: l.target,
        need: l.need,
        short_by: Math.max(0, l.need - l.proposed),
        units_per_pallet: l.units_per_pallet,
      },
    })),
  }
}

async function loadProposal(q: Executor, id: string, lock = false) {
  const [p] = await rows<ProposalRow>(
    q,
    sql`SELECT ${proposalColumns} FROM replenishment_proposal p WHERE p.id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  if (!p) throw notFound('proposal', id)
  return p
}

const proposalLines = (q: Executor, id: string) =>
  rows<ProposalLineRow>(
    q,
    sql`SELECT * FROM replenishment_line WHERE proposal_id = ${id} ORDER BY truck, sku`,
  )

export async function getProposal(q: Executor, actor: Actor, id: string) {
  const p = await loadProposal(q, id)
  assertMayReplenish(actor, p.location_id)
  return proposalView(p, await proposalLines(q, id))
}

export async function listProposals(
  q: Executor,
  actor: Actor,
  filter: { location_id?: string; date?: string; status?: 'draft' | 'approved' },
  limit: number,
  cursor?: string,
) {
  if (actor.role !== 'admin' && actor.role !== 'store_staff')
    throw forbidden('Replenishment is the stores’ and head office’s.')
  if (actor.role === 'store_staff' && filter.location_id && filter.location_id !== actor.locationId) {
    throw forbidden(`This key sees the proposals of ${actor.locationId} only.`)
  }
  const location = actor.role === 'store_staff' ? actor.locationId! : filter.location_id
  const found = await rows<ProposalRow & { lines: number; units: number; pallets: number; trucks: number }>(
    q,
    sql`SELECT ${proposalColumns}, t.lines, t.units, t.pallets, t.trucks
        FROM replenishment_proposal p
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS lines, coalesce(sum(quantity), 0)::int AS units,
                 round(coalesce(sum(pallets), 0)::numeric, 2)::float8 AS pallets, coalesce(max(truck), 0)::int AS trucks
          FROM replenishment_line l WHERE l.proposal_id = p.id
        ) t
        WHERE TRUE ${location ? sql`AND p.location_id = ${location}` : sql``}
          ${filter.date ? sql`AND p.proposal_date = ${filter.date}::date` : sql``}
          ${filter.status ? sql`AND p.status = ${filter.status}` : sql``}
          ${cursor ? sql`AND p.id < ${cursor}` : sql``}
        ORDER BY p.id DESC LIMIT ${limit + 1}`,
  )
  return found.map((p) =>
    proposalView(p, null, { line_count: p.lines, units: p.units, pallets: p.pallets, trucks: p.trucks }),
  )
}

/** Review: the quantity to send of a proposed SKU (0 sends none). */
export const editProposalLine = inTransaction(
  async (tx: Tx, actor: Actor, id: string, sku: string, quantity: number) => {
    const p = await loadProposal(tx, id, true)
    assertMayReplenish(actor, p.location_id)
    if (p.status !== 'draft')
      throw conflict('proposal_approved', `Proposal ${id} is approved; its transfers are on their way.`)
    const [line] = await rows<{ sku: string }>(
      tx,
      sql`UPDATE replenishment_line SET quantity = ${quantity},
                 pallets = round(${quantity}::numeric / units_per_pallet, 3)::float8, updated_at = now()
          WHERE proposal_id = ${id} AND sku = ${sku} RETURNING sku`,
    )
    if (!line) throw notFound('proposal_line', sku)
    await tx.execute(sql`UPDATE replenishment_proposal SET updated_at = now() WHERE id = ${id}`)
    return proposalView(p, await proposalLines(tx, id))
  },
)

/**
 * Approval sends the proposal: one transfer per truck from the warehouse, in transit to the store
 * until the delivery day. Approving again answers the same transfers and sends nothing more.
 */
export const approveProposal = inTransaction(approveProposalIn)

export async function approveProposalIn(tx: Tx, actor: Actor, id: string) {
  const p = await loadProposal(tx, id, true)
  assertMayReplenish(actor, p.location_id)
  if (p.status === 'approved') return proposalView(p, await proposalLines(tx, id))
  const [store] = await rows<{ pallets_per_truck: number }>(
    tx,
    sql`SELECT pallets_per_truck FROM store_supply WHERE location_id = ${p.location_id}`,
  )
  if (!store) throw refused('not_supplied', `${p.location_id} has no supply settings.`)
  const lines = await proposalLines(tx, id)
  const packed = packTrucks(
    lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitsPerPallet: l.units_per_pallet })),
    store.pallets_per_truck,
  )
  const trucks = new Map<number, Array<{ sku: string; quantity: number }>>()
  for (const x of packed) {
    const l = lines.find((y) => y.sku === x.sku)!
    trucks.set(x.truck, [...(trucks.get(x.truck) ?? []), { sku: x.sku, quantity: l.quantity }])
  }
  const transferIds: string[] = []
  // The truck leaves the warehouse so as to be there in the morning of the delivery day.
  const expectedAt = new Date(`${p.delivery_date}T06:00:00Z`)
  for (const [, truckLines] of [...trucks].sort((a, b) => a[0] - b[0])) {
    transferIds.push(
      await shipTransfer(tx, {
        fromId: p.warehouse_id,
        toId: p.location_id,
        expectedAt,
        lines: truckLines,
        actor: actor.keyId,
      }),
    )
  }
  await tx.execute(
    sql`UPDATE replenishment_line l SET truck = x.truck, pallets = x.pallets, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(packed)}::jsonb) AS x(sku text, truck int, pallets float8)
        WHERE l.proposal_id = ${id} AND l.sku = x.sku`,
  )
  await tx.execute(
    sql`UPDATE replenishment_proposal SET status = 'approved', transfer_ids = ${JSON.stringify(transferIds)}::jsonb,
               approved_by = ${actor.keyId}, approved_at = now(), updated_at = now()
        WHERE id = ${id}`,
  )
  return proposalView(await loadProposal(tx, id), await proposalLines(tx, id))
}

/** Where a store is fed from, when and how much a truck carries. */
export const putStoreSupply = inTransaction(
  async (
    tx: Tx,
    locationId: string,
    body: { warehouse_id: string; delivery_days: number[]; lead_days: number; pallets_per_truck: number },
  ) => {
    const found = await rows<{ id: string; kind: string }>(
      tx,
      sql`SELECT id, kind FROM location WHERE id IN (${locationId}, ${body.warehouse_id})`,
    )
    const store = found.find((l) => l.id === locationId)
    const wh = found.find((l) => l.id === body.warehouse_id)
    if (!store || store.kind === 'warehouse')
      throw invalidInput('params/location_id', `no store ${locationId}`)
    if (!wh || wh.kind !== 'warehouse')
      throw invalidInput('warehouse_id', `no warehouse ${body.warehouse_id}`)
    const days = [...new Set(body.delivery_days)].sort()
    const [row] = await rows<StoreRow>(
      tx,
      sql`INSERT INTO store_supply AS s (location_id, warehouse_id, delivery_days, lead_days, pallets_per_truck)
          VALUES (${locationId}, ${body.warehouse_id}, ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(days)}::jsonb)::int),
                  ${body.lead_days}, ${body.pallets_per_truck})
          ON CONFLICT (location_id) DO UPDATE SET warehouse_id = excluded.warehouse_id, delivery_days = excluded.delivery_days,
            lead_days = excluded.lead_days, pallets_per_truck = excluded.pallets_per_truck, updated_at = now()
          RETURNING location_id, warehouse_id, delivery_days, lead_days, pallets_per_truck`,
    )
    return row!
  },
)

/** What a warehouse keeps for the web, and the cover its purchases aim at. */
export const putWarehouseSupply = inTransaction(
  async (tx: Tx, locationId: string, body: { web_reserve_days: number; purchase_cover_days: number }) => {
    const [wh] = await rows<{ kind: string }>(tx, sql`SELECT kind FROM location WHERE id = ${locationId}`)
    if (!wh || wh.kind !== 'warehouse') throw invalidInput('params/location_id', `no warehouse ${locationId}`)
    const [row] = await rows<{ location_id: string; web_reserve_days: number; purchase_cover_days: number }>(
      tx,
      sql`INSERT INTO warehouse_supply AS w (location_id, web_reserve_days, purchase_cover_days)
          VALUES (${locationId}, ${body.web_reserve_days}, ${body.purchase_cover_days})
          ON CONFLICT (location_id) DO UPDATE SET web_reserve_days = excluded.web_reserve_days,
            purchase_cover_days = excluded.purchase_cover_days, updated_at = now()
          RETURNING location_id, web_reserve_days, purchase_cover_days`,
    )
    return row!
  },
)

export interface PolicyInput {
  sku: string
  method: 'min_max' | 'cover'
  min_qty?: number
  max_qty?: number
  cover_days?: number
  units_per_pallet?: number
}

/** A store's policies, many at a time (set or replaced per SKU); a SKU's pallet size with them when given. */
export const putPolicies = inTransaction(putPoliciesIn)

export async function putPoliciesIn(
  tx: Tx,
  actor: Actor,
  locationId: string,
  policies: readonly PolicyInput[],
) {
  assertMayReplenish(actor, locationId)
  const [store] = await rows<{ kind: string }>(tx, sql`SELECT kind FROM location WHERE id = ${locationId}`)
  if (!store || store.kind === 'warehouse') throw invalidInput('params/location_id', `no store ${locationId}`)
  const seen = new Set<string>()
  policies.forEach((p, i) => {
    if (seen.has(p.sku)) throw invalidInput(`policies/${i}/sku`, `${p.sku} is given twice`)
    seen.add(p.sku)
    if (p.method === 'min_max' && (p.max_qty ?? 0) < (p.min_qty ?? 0)) {
      throw invalidInput(`policies/${i}/max_qty`, 'must be at least min_qty')
    }
    if (p.method === 'min_max' && !(p.max_qty ?? 0))
      throw invalidInput(`policies/${i}/max_qty`, 'a min/max policy needs max_qty')
    if (p.method === 'cover' && !(p.cover_days ?? 0))
      throw invalidInput(`policies/${i}/cover_days`, 'a cover policy needs cover_days')
    if (p.method === 'cover' && p.max_qty && p.max_qty < (p.min_qty ?? 0)) {
      throw invalidInput(`policies/${i}/max_qty`, 'must be at least min_qty (or 0: no maximum)')
    }
  })
  const known = await rows<{ sku: string }>(
    tx,
    sql`SELECT sku FROM variant WHERE sku IN (SELECT jsonb_array_elements_text(${JSON.stringify([...seen])}::jsonb))`,
  )
  const set = new Set(known.map((k) => k.sku))
  const unknown = policies.findIndex((p) => !set.has(p.sku))
  if (unknown >= 0)
    throw invalidInput(`policies/${unknown}/sku`, `no variant with SKU ${policies[unknown]!.sku}`)
  const data = JSON.stringify(
    policies.map((p) => ({
      sku: p.sku,
      method: p.method,
      min_qty: p.min_qty ?? 0,
      max_qty: p.max_qty ?? 0,
      cover_days: p.cover_days ?? 0,
      units_per_pallet: p.units_per_pallet ?? null,
    })),
  )
  await tx.execute(
    sql`INSERT INTO replenishment_policy AS p (location_id, sku, method, min_qty, max_qty, cover_days)
        SELECT ${locationId}, sku, method, min_qty, max_qty, cover_days
        FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text, method text, min_qty int, max_qty int, cover_days int)
        ON CONFLICT (location_id, sku) DO UPDATE SET method = excluded.method, min_qty = excluded.min_qty,
          max_qty = excluded.max_qty, cover_days = excluded.cover_days, updated_at = now()`,
  )
  await tx.execute(
    sql`INSERT INTO sku_pallet AS s (sku, units_per_pallet)
        SELECT sku, units_per_pallet FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text, units_per_pallet int)
        WHERE units_per_pallet IS NOT NULL
        ON CONFLICT (sku) DO UPDATE SET units_per_pallet = excluded.units_per_pallet, updated_at = now()`,
  )
  return { location_id: locationId, policies: policies.length }
}

export async function listPolicies(
  q: Executor,
  actor: Actor,
  locationId: string,
  limit: number,
  cursor?: string,
) {
  assertMayReplenish(actor, locationId)
  return rows<{
    sku: string
    method: string
    min_qty: number
    max_qty: number
    cover_days: number
    units_per_pallet: number | null
  }>(
    q,
    sql`SELECT p.sku, p.method, p.min_qty, p.max_qty, p.cover_days, sp.units_per_pallet
        FROM replenishment_policy p LEFT JOIN sku_pallet sp ON sp.sku = p.sku
        WHERE p.location_id = ${locationId} ${cursor ? sql`AND p.sku > ${cursor}` : sql``}
        ORDER BY p.sku LIMIT ${limit + 1}`,
  )
}
