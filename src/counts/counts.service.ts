import { sql } from 'drizzle-orm'
import { type Executor, inTransaction, rows, type Tx } from '../db/database.ts'
import { applyCount, levelsAt, unitsSold } from '../inventory/index.ts'
import { type Actor, mayOverride } from '../shared/actor.ts'
import { forbidden, invalidInput } from '../shared/errors.ts'
import { newId } from '../shared/ids.ts'
import { finalQuantity, needsRecount, pickCycle, variance } from './counts.domain.ts'
import { conflict, notFound, refused } from './counts.errors.ts'
import type { countScopes, countStatuses } from './counts.schema.ts'

type Scope = (typeof countScopes)[number]
type Status = (typeof countStatuses)[number]

interface SessionRow {
  id: string
  location_id: string
  scope: Scope
  scope_value: string | null
  status: Status
  recount_units: number
  recount_pct: number
  started_by: string | null
  approved_by: string | null
  approved_at: Date | null
  created_at: Date
}

interface LineRow {
  sku: string
  snapshot: number
  counted: number | null
  needs_recount: boolean
  recounted: number | null
  on_hand_at_approval: number | null
  applied_delta: number | null
}

/** Store staff count their own store; head office any location. */
function assertMayCount(actor: Actor, locationId: string) {
  if (actor.role === 'admin') return
  if (actor.role === 'store_staff' && actor.locationId === locationId) return
  throw forbidden(`A ${actor.role} key may not count the stock of ${locationId}.`)
}

export interface StartCount {
  location_id: string
  scope: Scope
  zone?: string
  skus?: string[]
  category?: string
  cycle_size?: number
  recount_units?: number
  recount_pct?: number
}

/**
 * Opens a count: the items it covers, each with on hand as it is now (the snapshot). Counting then
 * goes on while the store sells; approval replays what moved since.
 */
export const startCount = inTransaction(startCountIn)

export async function startCountIn(tx: Tx, actor: Actor, input: StartCount) {
  assertMayCount(actor, input.location_id)
  const [location] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM location WHERE id = ${input.location_id}`,
  )
  if (!location) throw invalidInput('location_id', `no location ${input.location_id}`)
  const skus = await scopeSkus(tx, input)
  const levels = await levelsAt(tx, [input.location_id], skus ?? undefined)
  const snapshot = new Map(levels.map((l) => [l.sku, l.on_hand]))
  // A zone's items without a stock level yet are expected at 0.
  for (const sku of skus ?? []) if (!snapshot.has(sku)) snapshot.set(sku, 0)
  if (snapshot.size === 0) {
    throw refused('empty_count', `Nothing to count at ${input.location_id} for this ${input.scope} count.`)
  }
  const id = newId('cnt')
  const scopeValue =
    input.scope === 'zone' ? (input.zone ?? null) : input.scope === 'category' ? input.category! : null
  await tx.execute(
    sql`INSERT INTO count_session (id, location_id, scope, scope_value, recount_units, recount_pct, started_by)
        VALUES (${id}, ${input.location_id}, ${input.scope}, ${scopeValue}, ${input.recount_units ?? 3},
                ${input.recount_pct ?? 20}, ${actor.keyId})`,
  )
  const lines = [...snapshot].map(([sku, onHand]) => ({ sku, snapshot: onHand }))
  await tx.execute(
    sql`INSERT INTO count_line (session_id, sku, snapshot)
        SELECT ${id}, sku, snapshot FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) AS x(sku text, snapshot int)`,
  )
  return getCountIn(tx, actor, id)
}

/** The SKUs a scoped count covers; null for a full count (every item the location holds). */
async function scopeSkus(tx: Tx, input: StartCount): Promise<string[] | null> {
  if (input.scope === 'full') return null
  if (input.scope === 'zone') {
    if (!input.skus?.length) throw invalidInput('skus', 'a zone count lists the SKUs of its shelves')
    const known = await rows<{ sku: string }>(
      tx,
      sql`SELECT sku FROM variant WHERE sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(input.skus)}::jsonb))`,
    )
    const set = new Set(known.map((k) => k.sku))
    const i = input.skus.findIndex((s) => !set.has(s))
    if (i >= 0) throw invalidInput(`skus/${i}`, `no variant with SKU ${input.skus[i]}`)
    return [...new Set(input.skus)]
  }
  if (input.scope === 'category') {
    if (!input.category) throw invalidInput('category', 'a category count names its category')
    const found = await rows<{ sku: string }>(
      tx,
      sql`SELECT v.sku FROM variant v JOIN product p ON p.id = v.product_id
          JOIN stock_level s ON s.sku = v.sku AND s.location_id = ${input.location_id}
          WHERE p.category = ${input.category}`,
    )
    return found.map((f) => f.sku)
  }
  const levels = await levelsAt(tx, [input.location_id])
  const [sold, facts] = await Promise.all([
    unitsSold(tx, [input.location_id], 28),
    rows<{ sku: string; cost_cents: number | null; last_counted: Date | null }>(
      tx,
      sql`SELECT s.sku, c.cost_cents,
                 (SELECT max(cs.approved_at) FROM count_line cl JOIN count_session cs ON cs.id = cl.session_id
                  WHERE cl.sku = s.sku AND cs.location_id = s.location_id AND cs.status = 'approved') AS last_counted
          FROM stock_level s LEFT JOIN sku_cost c ON c.sku = s.sku
          WHERE s.location_id = ${input.location_id}`,
    ),
  ])
  const soldBy = new Map(sold.map((s) => [s.sku, s.units]))
  const factBy = new Map(facts.map((f) => [f.sku, f]))
  return pickCycle(
    levels.map((l) => ({
      sku: l.sku,
      onHand: l.on_hand,
      unitsSold: soldBy.get(l.sku) ?? 0,
      unitCostCents: factBy.get(l.sku)?.cost_cents ?? 0,
      lastCountedAt: factBy.get(l.sku)?.last_counted ? new Date(factBy.get(l.sku)!.last_counted!) : null,
    })),
    input.cycle_size ?? 50,
    new Date(),
    7,
  )
}

async function loadSession(q: Executor, id: string, lock = false) {
  const [s] = await rows<SessionRow>(
    q,
    sql`SELECT * FROM count_session WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  if (!s) throw notFound('count', id)
  return s
}

/**
 * A count as the counters see it while counting (blind: what they found, never what was expected),
 * and with the expected quantities and variances once counting is over.
 */
export async function getCountIn(q: Executor, actor: Actor, id: string) {
  const s = await loadSession(q, id)
  assertMayCount(actor, s.location_id)
  const lines = await rows<LineRow>(q, sql`SELECT * FROM count_line WHERE session_id = ${id} ORDER BY sku`)
  return countView(s, lines)
}

export const getCount = (db: Executor, actor: Actor, id: string) => getCountIn(db, actor, id)

function countView(s: SessionRow, lines: LineRow[]) {
  const revealed = s.status === 'review' || s.status === 'approved'
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString())
  return {
    id: s.id,
    location_id: s.location_id,
    scope: s.scope,
    scope_value: s.scope_value,
    status: s.status,
    recount_units: s.recount_units,
    recount_pct: s.recount_pct,
    started_at: iso(s.created_at)!,
    approved_at: iso(s.approved_at),
    approved_by: s.approved_by,
    items: lines.length,
    counted_items: lines.filter((l) => l.counted !== null).length,
    lines: lines.map((l) => ({
      sku: l.sku,
      counted: l.counted,
      needs_recount: l.needs_recount,
      recounted: l.recounted,
      expected: revealed ? l.snapshot : null,
      variance: revealed ? variance(l) : null,
      on_hand_at_approval: l.on_hand_at_approval,
      applied_delta: l.applied_delta,
    })),
  }
}

export async function listCounts(
  q: Executor,
  actor: Actor,
  filter: { location_id?: string; status?: Status },
  limit: number,
  cursor?: string,
) {
  const location = actor.role === 'store_staff' ? actor.locationId! : filter.location_id
  if (actor.role === 'store_staff' && filter.location_id && filter.location_id !== actor.locationId) {
    throw forbidden(`This key sees the counts of ${actor.locationId} only.`)
  }
  if (actor.role !== 'admin' && actor.role !== 'store_staff') throw forbidden('Stock counts are the stores’.')
  const found = await rows<SessionRow & { items: number; counted_items: number }>(
    q,
    sql`SELECT s.*, (SELECT count(*) FROM count_line l WHERE l.session_id = s.id)::int AS items,
               (SELECT count(*) FROM count_line l WHERE l.session_id = s.id AND l.counted IS NOT NULL)::int AS counted_items
        FROM count_session s
        WHERE TRUE ${location ? sql`AND s.location_id = ${location}` : sql``}
          ${filter.status ? sql`AND s.status = ${filter.status}` : sql``}
          ${cursor ? sql`AND s.id < ${cursor}` : sql``}
        ORDER BY s.id DESC LIMIT ${limit + 1}`,
  )
  return found.map((s) => ({
    ...countView(s, []),
    items: s.items,
    counted_items: s.counted_items,
    lines: [],
  }))
}

/**
 * A scan: one more unit (or `quantity`) of the item found. While recounting, only the lines to
 * recount take scans, into their recount. The answer says what has been found of that item so far,
 * never what was expected.
 */
export const scanItem = inTransaction(scanItemIn)

export async function scanItemIn(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { code: string; quantity?: number },
) {
  const [s] = await rows<SessionRow>(tx, sql`SELECT * FROM count_session WHERE id = ${id} FOR SHARE`)
  if (!s) throw notFound('count', id)
  assertMayCount(actor, s.location_id)
  if (s.status !== 'counting' && s.status !== 'recount') {
    throw conflict(
      'count_status',
      `Count ${id} is ${s.status}; scans are taken while counting or recounting.`,
    )
  }
  const [item] = await rows<{ sku: string }>(
    tx,
    sql`SELECT sku FROM variant WHERE ean = ${input.code} OR sku = ${input.code} ORDER BY (sku = ${input.code}) DESC LIMIT 1`,
  )
  if (!item) throw refused('unknown_item', `No variant has the barcode or SKU ${input.code}.`)
  const quantity = input.quantity ?? 1
  if (s.status === 'counting' && s.scope === 'full') {
    // An item the store did not hold when the count started was expected at 0 then.
    await tx.execute(
      sql`INSERT INTO count_line (session_id, sku, snapshot) VALUES (${id}, ${item.sku}, 0) ON CONFLICT DO NOTHING`,
    )
  }
  const [line] = await rows<{ sku: string; found: number }>(
    tx,
    s.status === 'counting'
      ? sql`UPDATE count_line SET counted = coalesce(counted, 0) + ${quantity}, updated_at = now()
            WHERE session_id = ${id} AND sku = ${item.sku} RETURNING sku, counted AS found`
      : sql`UPDATE count_line SET recounted = coalesce(recounted, 0) + ${quantity}, updated_at = now()
            WHERE session_id = ${id} AND sku = ${item.sku} AND needs_recount RETURNING sku, recounted AS found`,
  )
  if (!line) {
    throw refused(
      'not_in_count',
      s.status === 'counting'
        ? `${item.sku} is not part of count ${id} (${s.scope}${s.scope_value ? ` ${s.scope_value}` : ''}).`
        : `${item.sku} is not among the items to recount.`,
      { sku: item.sku },
    )
  }
  return { sku: line.sku, found: line.found, recount: s.status === 'recount' }
}

/**
 * Counting is done: lines with a large variance go to a recount (once), the rest to review. After
 * a recount, the count goes to review.
 */
export const submitCount = inTransaction(submitCountIn)

async function submitCountIn(tx: Tx, actor: Actor, id: string) {
  const s = await loadSession(tx, id, true)
  assertMayCount(actor, s.location_id)
  if (s.status === 'counting') {
    const lines = await rows<LineRow>(tx, sql`SELECT * FROM count_line WHERE session_id = ${id}`)
    const again = lines.filter((l) => needsRecount(l, s.recount_units, s.recount_pct)).map((l) => l.sku)
    if (again.length > 0) {
      await tx.execute(
        sql`UPDATE count_line SET needs_recount = true, updated_at = now()
            WHERE session_id = ${id} AND sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(again)}::jsonb))`,
      )
    }
    await setStatus(tx, id, again.length > 0 ? 'recount' : 'review')
  } else if (s.status === 'recount') {
    await setStatus(tx, id, 'review')
  } else {
    throw conflict('count_status', `Count ${id} is ${s.status}; only a count being counted is submitted.`)
  }
  return getCountIn(tx, actor, id)
}

function setStatus(tx: Tx, id: string, status: Status) {
  return tx.execute(sql`UPDATE count_session SET status = ${status}, updated_at = now() WHERE id = ${id}`)
}

/**
 * Approval writes the count into the ledger: each item's on hand moves by what was found minus
 * what was expected at the start, on top of whatever moved since (sales during the count stay
 * sold). Head office or a store manager approves.
 */
export const approveCount = inTransaction(approveCountIn)

export async function approveCountIn(tx: Tx, actor: Actor, id: string) {
  const s = await loadSession(tx, id, true)
  assertMayCount(actor, s.location_id)
  if (!mayOverride(actor)) throw forbidden('Head office or a store manager approves a count.')
  if (s.status !== 'review') {
    throw conflict('count_status', `Count ${id} is ${s.status}; it is approved once, from review.`)
  }
  const lines = await rows<LineRow>(tx, sql`SELECT * FROM count_line WHERE session_id = ${id}`)
  const applied = await applyCount(tx, {
    locationId: s.location_id,
    lines: lines.map((l) => ({ sku: l.sku, delta: variance(l) })).filter((l) => l.delta !== 0),
    reference: id,
    actor: actor.keyId,
  })
  const result = lines.map((l) => {
    const a = applied.find((x) => x.sku === l.sku)
    return { sku: l.sku, before: a?.before ?? null, applied: a?.applied ?? 0, final: finalQuantity(l) }
  })
  await tx.execute(
    sql`UPDATE count_line l SET on_hand_at_approval = x.before, applied_delta = x.applied, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(result)}::jsonb) AS x(sku text, before int, applied int)
        WHERE l.session_id = ${id} AND l.sku = x.sku`,
  )
  await tx.execute(
    sql`UPDATE count_session SET status = 'approved', approved_by = ${actor.keyId}, approved_at = now(), updated_at = now()
        WHERE id = ${id}`,
  )
  return getCountIn(tx, actor, id)
}

export const cancelCount = inTransaction(async (tx: Tx, actor: Actor, id: string) => {
  const s = await loadSession(tx, id, true)
  assertMayCount(actor, s.location_id)
  if (s.status === 'approved' || s.status === 'cancelled') {
    throw conflict('count_status', `Count ${id} is ${s.status} already.`)
  }
  await setStatus(tx, id, 'cancelled')
  return getCountIn(tx, actor, id)
})
