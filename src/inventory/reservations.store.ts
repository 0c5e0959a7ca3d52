import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { conflict } from '../shared/errors.ts'

/**
 * A request to take stock for an order line: `reserve` holds it (delivery, pickup, reserve & collect),
 * `sell` takes it off the shelf now (takeaway at the till).
 */
export interface StockHold {
  mode: 'reserve' | 'sell'
  locationId: string
  sku: string
  quantity: number
  orderId: string
  orderLineId: string
  /** Reservation id (reserve only). */
  reservationId?: string
  /** Drafts hold stock until then; confirmed orders hold it until fulfilled or cancelled. */
  expiresAt?: Date | null
  actor: string
}

/** All an order asks of one stock row: units sold off the shelf now and units reserved. */
export interface Demand {
  location_id: string
  sku: string
  sell_qty: number
  reserve_qty: number
}

/** The parameters of the stock-taking statement fragment, from an order's holds. */
export function holdParams(holds: StockHold[]) {
  const demand = aggregate(holds)
  const lines = holds.map((h) => ({
    location_id: h.locationId,
    sku: h.sku,
    qty: h.quantity,
    sell: h.mode === 'sell',
    order_id: h.orderId,
    order_line_id: h.orderLineId,
    reservation_id: h.reservationId ?? null,
    expires_at: h.expiresAt ? h.expiresAt.toISOString() : null,
    actor: h.actor,
  }))
  return { demand, demandJson: JSON.stringify(demand), linesJson: JSON.stringify(lines) }
}

/**
 * CTEs that take the stock of all holds in one statement: lock the rows in a fixed order (no deadlock
 * between two orders sharing SKUs), decrement only where enough is available, and write the
 * reservations and ledger movements of the rows taken. `u` holds the rows taken; the caller's
 * statement must refuse itself unless every demanded row is in `u` (see passerelle_assert).
 * `gate` is a boolean SQL expression: when false nothing is taken (an idempotent replay).
 */
export function takeStockCtes(demandParam: string, linesParam: string, gate: string): string {
  return `
  d AS (
    SELECT d.* FROM jsonb_to_recordset(${demandParam}::jsonb)
      AS d(location_id text, sku text, sell_qty int, reserve_qty int)
    WHERE ${gate}
  ),
  l AS (
    SELECT s.location_id, s.sku FROM stock_level s
    JOIN d ON d.location_id = s.location_id AND d.sku = s.sku
    ORDER BY s.sku, s.location_id
    FOR UPDATE OF s
  ),
  u AS (
    UPDATE stock_level s SET
      on_hand = s.on_hand - d.sell_qty,
      reserved = s.reserved + d.reserve_qty,
      updated_at = now()
    FROM d JOIN l ON l.location_id = d.location_id AND l.sku = d.sku
    WHERE s.location_id = d.location_id AND s.sku = d.sku
      -- the shelf sale ignores safety stock (the shopper holds the item); reservations keep it
      AND s.on_hand - s.reserved >= d.sell_qty
      AND (d.reserve_qty = 0 OR s.on_hand - s.reserved - s.safety_stock - d.sell_qty >= d.reserve_qty)
    RETURNING s.location_id, s.sku
  ),
  x AS (
    SELECT x.* FROM jsonb_to_recordset(${linesParam}::jsonb) AS x(
      location_id text, sku text, qty int, sell boolean, order_id text, order_line_id text,
      reservation_id text, expires_at timestamptz, actor text)
    JOIN u ON u.location_id = x.location_id AND u.sku = x.sku
  ),
  r AS (
    INSERT INTO reservation (id, order_id, order_line_id, location_id, sku, quantity, expires_at)
    SELECT reservation_id, order_id, order_line_id, location_id, sku, qty, expires_at FROM x WHERE NOT sell
  ),
  m AS (
    INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reserved_delta, reference, actor)
    SELECT location_id, sku,
           CASE WHEN sell THEN 'sale' ELSE 'reservation' END,
           CASE WHEN sell THEN -qty ELSE 0 END,
           CASE WHEN sell THEN 0 ELSE qty END,
           order_id, actor
    FROM x
  )`
}

function aggregate(holds: StockHold[]): Demand[] {
  const byRow = new Map<string, Demand>()
  for (const h of holds) {
    const key = `${h.locationId}|${h.sku}`
    const d = byRow.get(key) ?? { location_id: h.locationId, sku: h.sku, sell_qty: 0, reserve_qty: 0 }
    if (h.mode === 'sell') d.sell_qty += h.quantity
    else d.reserve_qty += h.quantity
    byRow.set(key, d)
  }
  return [...byRow.values()]
}

/** The refusal for an order whose stock could not all be taken, with what each short row has now. */
export async function insufficientStock(tx: Executor, demand: Demand[]) {
  const current = await rows<{ location_id: string; sku: string; available: number; shelf: number }>(
    tx,
    sql`SELECT location_id, sku, greatest(on_hand - reserved - safety_stock, 0)::int AS available,
               greatest(on_hand - reserved, 0)::int AS shelf
        FROM stock_level
        WHERE (location_id, sku) IN (SELECT * FROM jsonb_to_recordset(${JSON.stringify(demand)}::jsonb)
                                      AS d(location_id text, sku text))`,
  )
  const short = demand.filter((d) => {
    const row = current.find((c) => c.location_id === d.location_id && c.sku === d.sku)
    if (!row) return true
    return row.shelf < d.sell_qty || (d.reserve_qty > 0 && row.available - d.sell_qty < d.reserve_qty)
  })
  return shortage(short.length > 0 ? short : demand, current)
}

function shortage(
  short: Demand[],
  current: Array<{ location_id: string; sku: string; available: number; shelf: number }>,
) {
  const items = short.map((d) => {
    const row = current.find((c) => c.location_id === d.location_id && c.sku === d.sku)
    return {
      sku: d.sku,
      location_id: d.location_id,
      requested: d.sell_qty + d.reserve_qty,
      available: row ? (d.reserve_qty > 0 ? row.available : row.shelf) : 0,
    }
  })
  const first = items[0]!
  return conflict(
    'insufficient_stock',
    `Not enough stock of ${first.sku} at ${first.location_id}: ${first.requested} requested, ${first.available} available.`,
    { items },
  )
}

/** Releases (or expires) every active reservation of an order, or of some of its lines. */
export async function releaseReservations(
  tx: Tx,
  orderId: string,
  status: 'released' | 'expired',
  reason: string,
  actor: string,
  lineIds?: string[],
): Promise<number> {
  const [result] = await rows<{ released: number }>(
    tx,
    sql`WITH r AS (
          UPDATE reservation SET status = ${status}, updated_at = now()
          WHERE order_id = ${orderId} AND status = 'active'
            AND (${lineIds ? JSON.stringify(lineIds) : null}::jsonb IS NULL
                 OR order_line_id IN (SELECT jsonb_array_elements_text(${lineIds ? JSON.stringify(lineIds) : null}::jsonb)))
          RETURNING location_id, sku, quantity
        ),
        agg AS (SELECT location_id, sku, sum(quantity)::int AS qty FROM r GROUP BY location_id, sku),
        s AS (
          UPDATE stock_level s SET reserved = s.reserved - agg.qty, updated_at = now()
          FROM agg WHERE s.location_id = agg.location_id AND s.sku = agg.sku
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, reserved_delta, reference, reason, actor)
          SELECT location_id, sku, 'release', -qty, ${orderId}, ${reason}, ${actor} FROM agg
        )
        SELECT coalesce(sum(qty), 0)::int AS released FROM agg`,
  )
  return result?.released ?? 0
}

/**
 * Goods leave the location for reserved lines (handed over, shipped): the reservation is consumed
 * and on hand falls with reserved, one `sale` movement per line.
 */
export async function consumeReservations(
  tx: Tx,
  orderId: string,
  items: Array<{ orderLineId: string; quantity: number }>,
  actor: string,
): Promise<void> {
  const consumed = await rows<{ order_line_id: string }>(
    tx,
    sql`WITH c AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ order_line_id: i.orderLineId, qty: i.quantity })))}::jsonb)
            AS c(order_line_id text, qty int)
        ),
        r AS (
          UPDATE reservation r SET
            quantity = r.quantity - c.qty,
            status = CASE WHEN r.quantity = c.qty THEN 'consumed' ELSE 'active' END,
            updated_at = now()
          FROM c
          WHERE r.order_id = ${orderId} AND r.order_line_id = c.order_line_id AND r.status = 'active'
            AND r.quantity >= c.qty
          RETURNING r.order_line_id, r.location_id, r.sku, c.qty
        ),
        agg AS (SELECT location_id, sku, sum(qty)::int AS qty FROM r GROUP BY location_id, sku),
        s AS (
          UPDATE stock_level s SET on_hand = s.on_hand - agg.qty, reserved = s.reserved - agg.qty, updated_at = now()
          FROM agg WHERE s.location_id = agg.location_id AND s.sku = agg.sku
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reserved_delta, reference, actor)
          SELECT location_id, sku, 'sale', -qty, -qty, ${orderId}, ${actor} FROM r
        )
        SELECT order_line_id FROM r`,
  )
  if (consumed.length !== items.length) {
    throw conflict(
      'reservation_missing',
      'Some lines have no active reservation for the quantity to fulfil; reload the order and try again.',
    )
  }
}
