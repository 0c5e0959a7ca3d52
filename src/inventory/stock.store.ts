import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { prepared } from '../db/prepared.ts'
import { byLedgerActor, outboxInsert, stockEvents } from '../events/index.ts'
import { conflict, refused } from './inventory.errors.ts'

export interface StockLevelRow {
  location_id: string
  sku: string
  on_hand: number
  reserved: number
  safety_stock: number
  available: number
  in_transit: number
  quarantined: number
  updated_at: Date
}

const levelColumns = sql`location_id, sku, on_hand, reserved, safety_stock,
  greatest(on_hand - reserved - safety_stock, 0)::int AS available, in_transit, quarantined, updated_at`

/** Goods arrive (supplier delivery, return to stock): on hand rises, one `receipt` movement per line. */
export async function receive(
  tx: Tx,
  locationId: string,
  lines: Array<{ sku: string; quantity: number }>,
  reference: string | null,
  actor: string,
): Promise<StockLevelRow[]> {
  const merged = mergeBySku(lines)
  const received = stockEvents.event('stock.received', {
    aggregateId: locationId,
    actor: byLedgerActor(actor),
    payload: { location_id: locationId, lines: merged },
  })
  return rows<StockLevelRow>(
    tx,
    sql`WITH x AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(merged)}::jsonb) AS x(sku text, quantity int)
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reference, actor)
          SELECT ${locationId}, sku, 'receipt', quantity, ${reference}, ${actor} FROM x
        ),
        ev AS (${outboxInsert([received])})
        INSERT INTO stock_level AS s (location_id, sku, on_hand)
        SELECT ${locationId}, sku, quantity FROM x
        ON CONFLICT (sku, location_id) DO UPDATE
          SET on_hand = s.on_hand + excluded.on_hand, updated_at = now()
        RETURNING ${levelColumns}`,
  )
}

/**
 * A correction by a signed delta (breakage, theft, found goods) or a physical count that sets on hand
 * to what was counted; both leave a movement with the delta and the reason.
 */
export async function adjust(
  tx: Tx,
  input: { locationId: string; sku: string; delta?: number; counted?: number; reason: string; actor: string },
): Promise<StockLevelRow> {
  await tx.execute(
    sql`INSERT INTO stock_level (location_id, sku) VALUES (${input.locationId}, ${input.sku})
        ON CONFLICT DO NOTHING`,
  )
  const [current] = await rows<{ on_hand: number }>(
    tx,
    sql`SELECT on_hand FROM stock_level WHERE location_id = ${input.locationId} AND sku = ${input.sku} FOR UPDATE`,
  )
  const onHand = current!.on_hand
  const counted = input.counted
  const delta = counted !== undefined ? counted - onHand : (input.delta ?? 0)
  if (onHand + delta < 0) {
    throw refused(
      'stock_would_be_negative',
      `${input.sku} has ${onHand} on hand at ${input.locationId}; an adjustment of ${delta} would make it negative.`,
      { on_hand: onHand, delta },
    )
  }
  const kind = counted !== undefined ? 'count' : 'adjustment'
  const fact = { aggregateId: input.locationId, actor: byLedgerActor(input.actor) }
  const event =
    counted !== undefined
      ? stockEvents.event('stock.counted', {
          ...fact,
          payload: { location_id: input.locationId, lines: [{ sku: input.sku, counted, delta }] },
        })
      : stockEvents.event('stock.adjusted', {
          ...fact,
          payload: { location_id: input.locationId, lines: [{ sku: input.sku, delta }] },
        })
  const [level] = await rows<StockLevelRow>(
    tx,
    sql`WITH m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reason, actor)
          VALUES (${input.locationId}, ${input.sku}, ${kind}, ${delta}, ${input.reason}, ${input.actor})
        ),
        ev AS (${outboxInsert([event])})
        UPDATE stock_level SET on_hand = on_hand + ${delta}, updated_at = now()
        WHERE location_id = ${input.locationId} AND sku = ${input.sku}
        RETURNING ${levelColumns}`,
  )
  return level!
}

/**
 * Moves units between two locations (replenishment pallet, inter-store transfer): out of the source
 * only from what is available to promise, into the destination, both movements under one reference.
 */
export async function transfer(
  tx: Tx,
  input: {
    fromId: string
    toId: string
    lines: Array<{ sku: string; quantity: number }>
    reference: string
    actor: string
  },
): Promise<void> {
  const merged = mergeBySku(input.lines)
  const out = await rows<{ sku: string }>(
    tx,
    sql`WITH x AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(merged)}::jsonb) AS x(sku text, quantity int)
        ),
        u AS (
          UPDATE stock_level s SET on_hand = s.on_hand - x.quantity, updated_at = now()
          FROM x WHERE s.location_id = ${input.fromId} AND s.sku = x.sku
            AND s.on_hand - s.reserved - s.safety_stock >= x.quantity
          RETURNING s.sku, x.quantity
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reference, actor)
          SELECT ${input.fromId}, sku, 'transfer_out', -quantity, ${input.reference}, ${input.actor} FROM u
        )
        SELECT sku FROM u`,
  )
  if (out.length !== merged.length) {
    const moved = new Set(out.map((o) => o.sku))
    const short = merged.filter((l) => !moved.has(l.sku)).map((l) => l.sku)
    throw conflict(
      'insufficient_stock',
      `Not enough available stock at ${input.fromId} to transfer ${short.join(', ')}.`,
      { skus: short, location_id: input.fromId },
    )
  }
  // Sent and received at once: both stages of the transfer, in that order.
  const events = (['shipped', 'received'] as const).map((stage) =>
    stockEvents.event('stock.transferred', {
      aggregateId: input.reference,
      actor: byLedgerActor(input.actor),
      payload: {
        transfer_id: input.reference,
        stage,
        from_location_id: input.fromId,
        to_location_id: input.toId,
        lines: merged,
      },
    }),
  )
  await tx.execute(
    sql`WITH x AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(merged)}::jsonb) AS x(sku text, quantity int)
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reference, actor)
          SELECT ${input.toId}, sku, 'transfer_in', quantity, ${input.reference}, ${input.actor} FROM x
        ),
        ev AS (${outboxInsert(events)})
        INSERT INTO stock_level AS s (location_id, sku, on_hand)
        SELECT ${input.toId}, sku, quantity FROM x
        ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = s.on_hand + excluded.on_hand, updated_at = now()`,
  )
}

export async function setSafetyStock(tx: Tx, locationId: string, sku: string, quantity: number) {
  const [level] = await rows<StockLevelRow>(
    tx,
    sql`INSERT INTO stock_level AS s (location_id, sku, safety_stock) VALUES (${locationId}, ${sku}, ${quantity})
        ON CONFLICT (sku, location_id) DO UPDATE SET safety_stock = excluded.safety_stock, updated_at = now()
        RETURNING ${levelColumns}`,
  )
  return level!
}

export async function levelsForSku(q: Executor, sku: string): Promise<StockLevelRow[]> {
  return rows(q, sql`SELECT ${levelColumns} FROM stock_level WHERE sku = ${sku} ORDER BY location_id`)
}

export async function levelsAtLocation(
  q: Executor,
  locationId: string,
  limit: number,
  cursor?: string,
): Promise<StockLevelRow[]> {
  return rows(
    q,
    sql`SELECT ${levelColumns} FROM stock_level
        WHERE location_id = ${locationId} ${cursor ? sql`AND sku > ${cursor}` : sql``}
        ORDER BY sku LIMIT ${limit + 1}`,
  )
}

export interface MovementRow {
  id: number
  location_id: string
  sku: string
  kind: string
  on_hand_delta: number
  reserved_delta: number
  quarantined_delta: number
  reference: string | null
  reason: string | null
  actor: string | null
  created_at: Date
}

/** The ledger of a SKU, newest first, optionally at one location. */
export async function movements(
  q: Executor,
  filter: { sku: string; locationId?: string },
  limit: number,
  cursor?: number,
): Promise<MovementRow[]> {
  return rows(
    q,
    sql`SELECT id::int AS id, location_id, sku, kind, on_hand_delta, reserved_delta, quarantined_delta, reference, reason, actor, created_at
        FROM stock_movement
        WHERE sku = ${filter.sku}
          ${filter.locationId ? sql`AND location_id = ${filter.locationId}` : sql``}
          ${cursor !== undefined ? sql`AND id < ${cursor}` : sql``}
        ORDER BY id DESC LIMIT ${limit + 1}`,
  )
}

export interface SkuStockRow {
  sku: string
  listed: boolean
  /** Locations with something to promise, null when none (or when the channel does not list the SKU). */
  location_ids: string[] | null
  /** What each of those locations can promise, in the same order. */
  quantities: number[] | null
}

/**
 * The availability check's read: one row per known SKU (unknown ones are left out) with whether the
 * channel lists it and, when it does, its promisable stock by location. Each step is an index
 * look-up driven by the requested SKUs (the LIMIT and the lateral joins keep the planner from
 * scanning whole tables when statistics are missing). One row per SKU instead of one per location,
 * its lists as JSON (decoded natively; the drivers decode PostgreSQL arrays character by character,
 * which cost more than the query), keeps the driver's work small.
 */
export async function stockForAvailability(
  q: Executor,
  skus: string[],
  channelId: string,
): Promise<SkuStockRow[]> {
  return prepared<SkuStockRow>(
    q,
    'stock_for_availability',
    `SELECT r.sku, v.listed, st.location_ids, st.quantities
     FROM jsonb_array_elements_text($1::jsonb) AS r(sku)
     CROSS JOIN LATERAL (
       SELECT EXISTS (SELECT 1 FROM assortment a WHERE a.channel_id = $2 AND a.product_id = v.product_id) AS listed
       FROM variant v WHERE v.sku = r.sku LIMIT 1
     ) v
     LEFT JOIN LATERAL (
       SELECT json_agg(s.location_id) AS location_ids,
              json_agg(s.on_hand - s.reserved - s.safety_stock) AS quantities
       FROM stock_level s
       WHERE s.sku = r.sku AND v.listed AND s.on_hand - s.reserved - s.safety_stock > 0
     ) st ON true`,
    [JSON.stringify(skus), channelId],
  )
}

function mergeBySku(lines: Array<{ sku: string; quantity: number }>) {
  const bySku = new Map<string, number>()
  for (const l of lines) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.quantity)
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }))
}
