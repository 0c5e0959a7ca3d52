import { sql } from 'drizzle-orm'
import { type Executor, rows, rowsAsJson, type Tx } from '../db/database.ts'
import { byLedgerActor, outboxInsertFrom, stockEvents } from '../events/index.ts'
import { conflict } from './inventory.errors.ts'

/*
 * The stock moves of replenishment, purchasing and counts, each one set-based statement that locks
 * the stock rows in one order (SKU, then location, as every statement of the ledger does) and
 * changes counters with guarded updates, never read-then-written in the application.
 */

/** Units sold per location and SKU over the last `days` days (sales only, returns not netted). */
export async function unitsSold(
  q: Executor,
  locationIds: readonly string[],
  days: number,
): Promise<Array<{ location_id: string; sku: string; units: number }>> {
  if (locationIds.length === 0) return []
  return rowsAsJson(
    q,
    sql`SELECT location_id, sku, (-sum(on_hand_delta))::int AS units
        FROM stock_movement
        WHERE kind = 'sale' AND created_at >= now() - make_interval(days => ${days}::int)
          AND location_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(locationIds)}::jsonb))
        GROUP BY location_id, sku`,
  )
}

export interface LevelFigures {
  location_id: string
  sku: string
  on_hand: number
  reserved: number
  safety_stock: number
  in_transit: number
  quarantined: number
}

/** Every stock level at these locations (no paging: what a replenishment run or a count reads). */
export async function levelsAt(
  q: Executor,
  locationIds: readonly string[],
  skus?: readonly string[],
): Promise<LevelFigures[]> {
  if (locationIds.length === 0) return []
  return rowsAsJson(
    q,
    sql`SELECT location_id, sku, on_hand, reserved, safety_stock, in_transit, quarantined
        FROM stock_level
        WHERE location_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(locationIds)}::jsonb))
          ${skus ? sql`AND sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(skus)}::jsonb))` : sql``}
        ORDER BY location_id, sku`,
  )
}

/**
 * Applies a count taken against a snapshot: each SKU's on hand moves by `counted − snapshot`, so
 * every movement since the snapshot (a sale at the till while the shelf was counted) stays counted
 * once. On hand never goes below zero: when what was sold since exceeds what was counted, the
 * movement takes on hand to zero and says so. One `count` movement per changed SKU, one
 * `stock.counted` event.
 */
export async function applyCount(
  tx: Tx,
  input: {
    locationId: string
    lines: ReadonlyArray<{ sku: string; delta: number }>
    reference: string
    actor: string
  },
): Promise<Array<{ sku: string; before: number; applied: number; on_hand: number }>> {
  if (input.lines.length === 0) return []
  const data = JSON.stringify(input.lines)
  await tx.execute(
    sql`INSERT INTO stock_level (location_id, sku)
        SELECT ${input.locationId}, sku FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text, delta int)
        WHERE delta > 0 ORDER BY sku ON CONFLICT DO NOTHING`,
  )
  return rows(
    tx,
    sql`WITH x AS (SELECT * FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text, delta int)),
        cur AS (
          SELECT s.sku, s.on_hand, greatest(x.delta, -s.on_hand) AS applied
          FROM stock_level s JOIN x ON x.sku = s.sku
          WHERE s.location_id = ${input.locationId}
          ORDER BY s.sku
          FOR UPDATE OF s
        ),
        u AS (
          UPDATE stock_level s SET on_hand = s.on_hand + c.applied, updated_at = now()
          FROM cur c
          WHERE s.location_id = ${input.locationId} AND s.sku = c.sku AND c.applied <> 0
          RETURNING s.sku, s.on_hand AS after, c.applied
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reference, reason, actor)
          SELECT ${input.locationId}, sku, 'count', applied, ${input.reference}, 'count', ${input.actor}
          FROM u ORDER BY sku
        ),
        ev AS (${outboxInsertFrom(
          stockEvents,
          'stock.counted',
          byLedgerActor(input.actor),
          sql`SELECT ${input.locationId}::text AS aggregate_id,
                     jsonb_build_object('location_id', ${input.locationId}::text, 'lines',
                       jsonb_agg(jsonb_build_object('sku', sku, 'counted', after, 'delta', applied) ORDER BY sku)) AS payload
              FROM u HAVING count(*) > 0`,
        )})
        SELECT c.sku, c.on_hand AS before, c.applied, c.on_hand + c.applied AS on_hand FROM cur c ORDER BY c.sku`,
  )
}

/**
 * Goods received from a supplier: good units go on hand, damaged ones into quarantine (never
 * sellable, kept to go back to the supplier); one `receipt` movement per SKU carries both.
 */
export async function receiveDelivery(
  tx: Tx,
  input: {
    locationId: string
    lines: ReadonlyArray<{ sku: string; good: number; damaged: number }>
    reference: string
    actor: string
  },
): Promise<void> {
  const lines = input.lines.filter((l) => l.good > 0 || l.damaged > 0)
  if (lines.length === 0) return
  const data = JSON.stringify(lines)
  await tx.execute(
    sql`WITH x AS (
          SELECT sku, sum(good)::int AS good, sum(damaged)::int AS damaged
          FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text, good int, damaged int) GROUP BY sku
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, quarantined_delta, reference, actor)
          SELECT ${input.locationId}, sku, 'receipt', good, damaged, ${input.reference}, ${input.actor} FROM x ORDER BY sku
        ),
        ev AS (${outboxInsertFrom(
          stockEvents,
          'stock.received',
          byLedgerActor(input.actor),
          sql`SELECT ${input.locationId}::text AS aggregate_id,
                     jsonb_build_object('location_id', ${input.locationId}::text, 'lines',
                       jsonb_agg(jsonb_build_object('sku', sku, 'quantity', good) ORDER BY sku)) AS payload
              FROM x WHERE good > 0 HAVING count(*) > 0`,
        )})
        INSERT INTO stock_level AS s (location_id, sku, on_hand, quarantined)
        SELECT ${input.locationId}, sku, good, damaged FROM x ORDER BY sku
        ON CONFLICT (sku, location_id) DO UPDATE
          SET on_hand = s.on_hand + excluded.on_hand, quarantined = s.quarantined + excluded.quarantined,
              updated_at = now()`,
  )
}

/**
 * Units sent back to a supplier, out of quarantine or out of what is free on hand (never units
 * held for an order): all lines or none.
 */
export async function returnToSupplier(
  tx: Tx,
  input: {
    locationId: string
    lines: ReadonlyArray<{ sku: string; quantity: number; from: 'quarantine' | 'on_hand' }>
    reference: string
    actor: string
  },
): Promise<void> {
  const data = JSON.stringify(input.lines)
  const [res] = await rows<{ missing: number; short: string[] | null }>(
    tx,
    sql`WITH x AS (
          SELECT sku, sum(CASE WHEN "from" = 'on_hand' THEN quantity ELSE 0 END)::int AS free,
                 sum(CASE WHEN "from" = 'quarantine' THEN quantity ELSE 0 END)::int AS held
          FROM jsonb_to_recordset(${data}::jsonb) AS x(sku text, quantity int, "from" text) GROUP BY sku
        ),
        u AS (
          UPDATE stock_level s SET on_hand = s.on_hand - x.free, quarantined = s.quarantined - x.held, updated_at = now()
          FROM x WHERE s.location_id = ${input.locationId} AND s.sku = x.sku
            AND s.on_hand - s.reserved >= x.free AND s.quarantined >= x.held
          RETURNING s.sku, x.free, x.held
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, quarantined_delta, reference, reason, actor)
          SELECT ${input.locationId}, sku, 'supplier_return', -free, -held, ${input.reference}, 'supplier_return', ${input.actor}
          FROM u ORDER BY sku
        ),
        ev AS (${outboxInsertFrom(
          stockEvents,
          'stock.adjusted',
          byLedgerActor(input.actor),
          sql`SELECT ${input.locationId}::text AS aggregate_id,
                     jsonb_build_object('location_id', ${input.locationId}::text, 'lines',
                       jsonb_agg(jsonb_build_object('sku', sku, 'delta', -free) ORDER BY sku)) AS payload
              FROM u WHERE free > 0 HAVING count(*) > 0`,
        )})
        SELECT (SELECT count(*) FROM x)::int - (SELECT count(*) FROM u)::int AS missing,
               (SELECT json_agg(sku) FROM x WHERE sku NOT IN (SELECT sku FROM u)) AS short`,
  )
  if (res && res.missing !== 0) {
    throw conflict(
      'insufficient_stock',
      `Not enough stock at ${input.locationId} to send back ${(res.short ?? []).join(', ')}: count what is there first.`,
      { location_id: input.locationId, skus: res.short ?? [] },
    )
  }
}
