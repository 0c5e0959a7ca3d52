import { sql } from 'drizzle-orm'
import { type Db, rows } from '../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { AppError, forbidden } from '../shared/errors.ts'
import { type CsvRefusal, PO_CSV_COLUMNS, readOrders, toCsv } from './po-csv.domain.ts'
import { createPurchaseOrderIn, exportOrderRows } from './purchasing.service.ts'

/**
 * Purchase orders from the ERP's file: each order is created whole or refused whole (its rows named
 * with the reason); an order whose reference exists already is left as it is, so sending the same
 * file twice creates nothing the second time.
 */
export async function importOrders(db: Db, actor: Actor, text: string) {
  if (actor.role !== 'admin') throw forbidden('Purchasing is head office’s.')
  const { orders, refused } = readOrders(text)
  const existing = new Set(
    (
      await rows<{ reference: string }>(
        db,
        sql`SELECT reference FROM purchase_order
            WHERE reference IN (SELECT jsonb_array_elements_text(${JSON.stringify(orders.map((o) => o.reference))}::jsonb))`,
      )
    ).map((r) => r.reference),
  )
  let created = 0
  let unchanged = 0
  const failures: CsvRefusal[] = [...refused]
  for (const o of orders) {
    if (existing.has(o.reference)) {
      unchanged++
      continue
    }
    try {
      await db.transaction((tx) =>
        createPurchaseOrderIn(tx, actor, {
          reference: o.reference,
          supplier: o.supplier,
          location_id: o.location,
          expected_on: o.expectedOn,
          lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unit_cost_cents: l.unitCostCents })),
        }),
      )
      created++
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err
      const field = String((err.details as { field?: string } | undefined)?.field ?? 'reference')
      const lineIx = /^lines\/(\d+)\//.exec(field)
      const column = lineIx ? 'sku' : field === 'location_id' ? 'location' : field
      failures.push({
        line: lineIx ? o.lines[Number(lineIx[1])]!.line : o.line,
        column,
        code: err.code,
        reason: err.message,
      })
    }
  }
  failures.sort((a, b) => a.line - b.line)
  return { created, unchanged, refused: failures }
}

export async function exportOrdersCsv(db: Db, actor: Actor, status?: Parameters<typeof exportOrderRows>[2]) {
  const found = await exportOrderRows(db, actor, status)
  return toCsv([
    [...PO_CSV_COLUMNS],
    ...found.map((r) => [
      r.reference,
      r.supplier,
      r.location,
      r.expected_on,
      r.sku,
      r.quantity,
      r.unit_cost_cents,
    ]),
  ])
}
