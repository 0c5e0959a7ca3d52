import { type SQL, sql } from 'drizzle-orm'
import { rows, type Tx } from '../db/database.ts'
import { cte, type Fragment, fragment, param } from '../db/statement.ts'
import { byLedgerActor, type EventActor, outboxInsertFrom, stockEvents } from '../events/index.ts'
import { conflict } from './inventory.errors.ts'

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

const demandJson = param('inventory_demand_json')
const holdsJson = param('inventory_holds_json')
const demandRows = param('inventory_demand_rows')

/** The values of the stock CTEs' parameters, from an order's holds; `demand` for the refusal. */
export function stockValues(holds: StockHold[]) {
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
  return {
    demand,
    values: {
      inventory_demand_json: JSON.stringify(demand),
      inventory_holds_json: JSON.stringify(lines),
      inventory_demand_rows: demand.length,
    },
  }
}

/**
 * Whether stock row `s` holds demand `d`: the shelf sale ignores safety stock (the shopper holds the
 * item); reservations keep it. Locked rows (FOR UPDATE) show their latest values, so `inventory_lack`
 * and the guarded UPDATE of `takeStock` judge the same numbers.
 */
const holdsDemand = fragment`s.on_hand - s.reserved >= d.sell_qty
        AND (d.reserve_qty = 0 OR s.on_hand - s.reserved - s.safety_stock - d.sell_qty >= d.reserve_qty)`

/** All an order asks of each stock row (location, SKU): units to sell now and units to reserve. */
const demandCte = cte(
  'inventory_demand',
  fragment`
    SELECT d.* FROM jsonb_to_recordset(${demandJson}::jsonb)
      AS d(location_id text, sku text, sell_qty int, reserve_qty int)`,
)

/** The demanded rows, locked in a fixed order (no deadlock between two orders sharing SKUs). */
const lockCte = cte(
  'inventory_lock',
  fragment`
    SELECT s.location_id, s.sku, s.on_hand, s.reserved, s.safety_stock FROM stock_level s
    JOIN ${demandCte} d ON d.location_id = s.location_id AND d.sku = s.sku
    ORDER BY s.sku, s.location_id
    FOR UPDATE OF s`,
)

/** The demanded rows short of stock (or absent), with what they hold once locked: the refusal's rows. */
export const stockLack = cte(
  'inventory_lack',
  fragment`
    SELECT d.location_id, d.sku, d.sell_qty + d.reserve_qty AS requested,
           CASE WHEN s.sku IS NULL THEN 0
                WHEN d.reserve_qty > 0 THEN greatest(s.on_hand - s.reserved - s.safety_stock, 0)
                ELSE greatest(s.on_hand - s.reserved, 0) END AS available
    FROM ${demandCte} d LEFT JOIN ${lockCte} s ON s.location_id = d.location_id AND s.sku = d.sku
    WHERE s.sku IS NULL OR NOT (${holdsDemand})`,
)

/** One row, `ok`: whether every demanded row holds enough. */
export const stockEnough = cte(
  'inventory_enough',
  fragment`
    SELECT NOT EXISTS (SELECT 1 FROM ${stockLack}) AS ok`,
)

/**
 * CTEs that lock the stock rows an order asks for and say whether they hold enough (`stockEnough`)
 * and, when not, which rows are short (`stockLack`). The refusal is an answer of the statement, not
 * an error: an error would abort the caller's transaction, make the pool close the connection, and
 * need a second statement to say what was short.
 */
export const lockStock = [demandCte, lockCte, stockLack, stockEnough] as const

/**
 * CTEs that take the stock locked by `lockStock` and write the reservations and ledger movements of
 * the rows taken; the first, `inventory_take`, holds the rows taken. `gate` is a boolean SQL
 * expression: when false nothing is taken (stock short, or an idempotent replay). The caller's
 * statement should still check that every demanded row was taken when the gate is open: `allTaken`
 * says so (see passerelle_assert).
 */
export function takeStock(gate: Fragment<never>) {
  const take = cte(
    'inventory_take',
    fragment`
      UPDATE stock_level s SET
        on_hand = s.on_hand - d.sell_qty,
        reserved = s.reserved + d.reserve_qty,
        updated_at = now()
      FROM ${demandCte} d JOIN ${lockCte} l ON l.location_id = d.location_id AND l.sku = d.sku
      WHERE ${gate} AND s.location_id = d.location_id AND s.sku = d.sku AND ${holdsDemand}
      RETURNING s.location_id, s.sku`,
  )
  const taken = cte(
    'inventory_taken_lines',
    fragment`
      SELECT x.* FROM jsonb_to_recordset(${holdsJson}::jsonb) AS x(
        location_id text, sku text, qty int, sell boolean, order_id text, order_line_id text,
        reservation_id text, expires_at timestamptz, actor text)
      JOIN ${take} u ON u.location_id = x.location_id AND u.sku = x.sku`,
  )
  const reserve = cte(
    'inventory_reserve',
    fragment`
      INSERT INTO reservation (id, order_id, order_line_id, location_id, sku, quantity, expires_at)
      SELECT reservation_id, order_id, order_line_id, location_id, sku, qty, expires_at FROM ${taken} x
      WHERE NOT sell`,
  )
  const ledger = cte(
    'inventory_ledger',
    fragment`
      INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reserved_delta, reference, actor)
      SELECT location_id, sku,
             CASE WHEN sell THEN 'sale' ELSE 'reservation' END,
             CASE WHEN sell THEN -qty ELSE 0 END,
             CASE WHEN sell THEN 0 ELSE qty END,
             order_id, actor
      FROM ${taken} x`,
  )
  /** True when every demanded row was taken (the guarded UPDATE agreed with `inventory_lack`). */
  const allTaken = fragment`(SELECT count(*) FROM ${take}) = ${demandRows}::int`
  return { ctes: [take, taken, reserve, ledger] as const, allTaken }
}

/** A demanded stock row short of stock, as `inventory_lack` reports it. */
export interface Lack {
  location_id: string
  sku: string
  requested: number
  available: number
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

/** The refusal of an order whose stock could not all be taken: each short row, in the order's order. */
export function insufficientStock(demand: Demand[], lack: Lack[]) {
  const rank = (l: Lack) => demand.findIndex((d) => d.location_id === l.location_id && d.sku === l.sku)
  const items = [...lack]
    .sort((a, b) => rank(a) - rank(b))
    .map((l) => ({ sku: l.sku, location_id: l.location_id, requested: l.requested, available: l.available }))
  const first = items[0]!
  return conflict(
    'insufficient_stock',
    `Not enough stock of ${first.sku} at ${first.location_id}: ${first.requested} requested, ${first.available} available.`,
    { items },
  )
}

/**
 * Releases (or expires) every active reservation of an order, or of some of its lines, and records
 * `stock.reservations_released` per location in the same statement (`why` says which fact released them).
 */
export async function releaseReservations(
  tx: Tx,
  orderId: string,
  status: 'released' | 'expired',
  reason: string,
  actor: string,
  why: 'order_cancelled' | 'pickup_expired',
  lineIds?: string[],
): Promise<number> {
  const [result] = await rows<{ released: number }>(
    tx,
    sql`WITH r AS (
          UPDATE reservation SET status = ${status}, updated_at = now()
          WHERE order_id = ${orderId} AND status = 'active'
            AND (${lineIds ? JSON.stringify(lineIds) : null}::jsonb IS NULL
                 OR order_line_id IN (SELECT jsonb_array_elements_text(${lineIds ? JSON.stringify(lineIds) : null}::jsonb)))
          RETURNING location_id, sku, quantity, order_id
        ),
        agg AS (SELECT location_id, sku, sum(quantity)::int AS qty FROM r GROUP BY location_id, sku),
        s AS (
          UPDATE stock_level s SET reserved = s.reserved - agg.qty, updated_at = now()
          FROM agg WHERE s.location_id = agg.location_id AND s.sku = agg.sku
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, reserved_delta, reference, reason, actor)
          SELECT location_id, sku, 'release', -qty, ${orderId}, ${reason}, ${actor} FROM agg
        ),
        ev AS (${releasedEvents(byLedgerActor(actor), why, sql`r`)})
        SELECT coalesce(sum(qty), 0)::int AS released FROM agg`,
  )
  return result?.released ?? 0
}

/**
 * `stock.reservations_released` per location, from `released` (a CTE of the released reservations:
 * location_id, sku, quantity, order_id), summed per SKU: one event per location and statement, not one
 * per reservation.
 */
export function releasedEvents(
  actor: EventActor,
  why: 'order_cancelled' | 'pickup_expired' | 'draft_expired',
  released: SQL,
) {
  return outboxInsertFrom(
    stockEvents,
    'stock.reservations_released',
    actor,
    sql`SELECT l.location_id AS aggregate_id,
               jsonb_build_object('location_id', l.location_id, 'reason', ${why}::text,
                 'orders', (SELECT count(DISTINCT o.order_id) FROM ${released} o WHERE o.location_id = l.location_id),
                 'lines', jsonb_agg(jsonb_build_object('sku', l.sku, 'quantity', l.qty) ORDER BY l.sku)) AS payload
        FROM (SELECT location_id, sku, sum(quantity)::int AS qty FROM ${released} GROUP BY location_id, sku) l
        GROUP BY l.location_id ORDER BY l.location_id`,
  )
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
