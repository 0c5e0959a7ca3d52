import { sql } from 'drizzle-orm'
import { type Executor, rows, type Tx } from '../db/database.ts'
import { byLedgerActor, outboxInsertFrom, stockEvents } from '../events/index.ts'
import { type ExportPage, type LineOutcome, refusedLine, unchanged, updated } from '../shared/batch.ts'

/*
 * Stock counts many at a time (a bulk import's batch, a whole store's inventory): each sets on hand
 * to what was counted, leaving a `count` movement with the difference and a `stock.counted` event per
 * location, in one statement. A count equal to on hand changes nothing and records nothing.
 */

/** One count of a stock file: a location (id or code), a SKU, the units counted. */
export interface CountLine {
  location: string
  sku: string
  counted: number
  reason?: string
}

/** Sets on hand to the counted quantities in the caller's transaction; `actor` as the ledger names it. */
export async function writeCountLines(
  tx: Tx,
  lines: readonly CountLine[],
  actor: string,
): Promise<LineOutcome[]> {
  if (lines.length === 0) return []
  const refs = [...new Set(lines.map((l) => l.location))]
  const [places, skus] = await Promise.all([
    rows<{ id: string; code: string }>(
      tx,
      sql`SELECT id, code FROM location
          WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb))
             OR code IN (SELECT jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb))`,
    ),
    rows<{ sku: string }>(
      tx,
      sql`SELECT sku FROM variant
          WHERE sku IN (SELECT jsonb_array_elements_text(${JSON.stringify(lines.map((l) => l.sku))}::jsonb))`,
    ),
  ])
  const locationOf = new Map<string, string>()
  for (const p of places) locationOf.set(p.code, p.id)
  // An id wins over a code that happens to spell it.
  for (const p of places) locationOf.set(p.id, p.id)
  const known = new Set(skus.map((s) => s.sku))
  const accepted: Array<{
    index: number
    location_id: string
    sku: string
    counted: number
    reason: string
  }> = []
  const seen = new Set<string>()
  const outcomes: LineOutcome[] = lines.map((l, index) => {
    const locationId = locationOf.get(l.location)
    if (!locationId)
      return refusedLine('location', 'unknown_location', `no location with id or code ${l.location}.`)
    if (!known.has(l.sku))
      return refusedLine('sku', 'unknown_sku', `no variant has SKU ${l.sku}; import it first.`)
    if (seen.has(`${locationId}|${l.sku}`)) {
      return refusedLine('sku', 'duplicate_line', `${l.sku} at ${l.location} is counted twice in one batch.`)
    }
    seen.add(`${locationId}|${l.sku}`)
    accepted.push({
      index,
      location_id: locationId,
      sku: l.sku,
      counted: l.counted,
      reason: l.reason ?? 'count',
    })
    return unchanged
  })
  if (accepted.length === 0) return outcomes
  const data = JSON.stringify(accepted)
  const input = sql`SELECT * FROM jsonb_to_recordset(${data}::jsonb)
    AS x("index" int, location_id text, sku text, counted int, reason text)`
  // A level to count into (none yet when the SKU was never stocked here); a count of 0 needs none.
  await tx.execute(
    sql`INSERT INTO stock_level (location_id, sku)
        SELECT location_id, sku FROM (${input}) x WHERE counted > 0
        ORDER BY sku, location_id
        ON CONFLICT DO NOTHING`,
  )
  const changed = await rows<{ index: number }>(
    tx,
    sql`WITH x AS (${input}),
        cur AS (
          SELECT s.location_id, s.sku, s.on_hand, x.counted, x.reason, x."index"
          FROM stock_level s JOIN x ON x.location_id = s.location_id AND x.sku = s.sku
          ORDER BY s.sku, s.location_id
          FOR UPDATE OF s
        ),
        u AS (
          UPDATE stock_level s SET on_hand = c.counted, updated_at = now()
          FROM cur c
          WHERE s.location_id = c.location_id AND s.sku = c.sku AND c.on_hand <> c.counted
          RETURNING s.location_id, s.sku, c.counted, c.counted - c.on_hand AS delta, c.reason, c."index"
        ),
        m AS (
          INSERT INTO stock_movement (location_id, sku, kind, on_hand_delta, reason, actor)
          SELECT location_id, sku, 'count', delta, reason, ${actor} FROM u ORDER BY location_id, sku
        ),
        ev AS (${outboxInsertFrom(
          stockEvents,
          'stock.counted',
          byLedgerActor(actor),
          sql`SELECT location_id AS aggregate_id,
                     jsonb_build_object('location_id', location_id, 'lines',
                       jsonb_agg(jsonb_build_object('sku', sku, 'counted', counted, 'delta', delta) ORDER BY sku)) AS payload
              FROM u GROUP BY location_id ORDER BY location_id`,
        )})
        SELECT "index" FROM u`,
  )
  for (const c of changed) outcomes[c.index] = updated
  return outcomes
}

/** A stock level as a stock file lists it: the location's code, the SKU, on hand. */
export interface CountExportRow {
  location: string
  sku: string
  quantity: number
}

/** On hand by location code then SKU after `cursor` (`<location code>\n<sku>`), `limit` at a time. */
export async function exportCountLines(
  q: Executor,
  cursor: string | null,
  limit: number,
): Promise<ExportPage<CountExportRow>> {
  const [afterLocation, afterSku] = cursor === null ? [null, null] : cursor.split('\n')
  const found = await rows<CountExportRow>(
    q,
    sql`SELECT l.code AS location, s.sku, s.on_hand AS quantity
        FROM stock_level s JOIN location l ON l.id = s.location_id
        ${afterLocation === null ? sql`` : sql`WHERE (l.code, s.sku) > (${afterLocation}, ${afterSku ?? ''})`}
        ORDER BY l.code, s.sku LIMIT ${limit}`,
  )
  const last = found[found.length - 1]
  return { rows: found, next: found.length === limit && last ? `${last.location}\n${last.sku}` : null }
}
