import { sql } from 'drizzle-orm'
import { rows, type Tx } from '../db/database.ts'
import { adjust } from './stock.store.ts'

/** Units a sale took off a shelf beyond what the books held there. */
export interface Shortfall {
  location_id: string
  sku: string
  units: number
}

/**
 * A sale made while the till was cut off from the server has already happened: the goods left the
 * store. When the books no longer hold its units (sold online meanwhile, a miscount), the missing
 * units are booked back as an adjustment naming the sale, so that the sale itself takes them as any
 * till sale does and the ledger explains every unit; the caller flags the sale for the manager.
 * The rows are locked in the order the order's statement locks them (SKU, then location).
 */
export async function coverShortfall(
  tx: Tx,
  sold: Array<{ locationId: string; sku: string; quantity: number }>,
  reason: string,
  actor: string,
): Promise<Shortfall[]> {
  const wanted = new Map<string, { locationId: string; sku: string; quantity: number }>()
  for (const s of sold) {
    const key = `${s.sku}|${s.locationId}`
    const seen = wanted.get(key)
    wanted.set(key, { ...s, quantity: (seen?.quantity ?? 0) + s.quantity })
  }
  const list = [...wanted.values()].sort((a, b) =>
    a.sku === b.sku ? (a.locationId < b.locationId ? -1 : 1) : a.sku < b.sku ? -1 : 1,
  )
  const out: Shortfall[] = []
  for (const s of list) {
    const [row] = await rows<{ free: number }>(
      tx,
      sql`SELECT on_hand - reserved AS free FROM stock_level
          WHERE location_id = ${s.locationId} AND sku = ${s.sku} FOR UPDATE`,
    )
    const units = s.quantity - (row?.free ?? 0)
    if (units <= 0) continue
    await adjust(tx, { locationId: s.locationId, sku: s.sku, delta: units, reason, actor })
    out.push({ location_id: s.locationId, sku: s.sku, units })
  }
  return out
}
