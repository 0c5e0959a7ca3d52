import { sql } from 'drizzle-orm'
import { rows } from '../db/database.ts'
import { batchConsumer, type PublishedEvent } from '../events/index.ts'
import { creditNoteForReturnIn, issueInvoiceIn } from './invoices.service.ts'

/**
 * Invoices from the order's events, a moment after them: a business order invoiced per order gets
 * its invoice when its last line ships (`order.line_fulfilled` leaving it fulfilled); a refunded return of a business order
 * gets its credit note (its order is invoiced first if it was not yet). Each is written once: an
 * order is billed by one invoice (its claim row) and a return by one credit note (unique return id).
 *
 * Nearly every `order.line_fulfilled` is a till sale's, not a business order's: a pass reads the
 * business orders among all its events in one statement (a transaction per event cost the order
 * load about a tenth of its rate).
 */
export const invoiceFromOrders = batchConsumer({
  id: 'business.invoice',
  types: ['order.line_fulfilled', 'return.refunded'],
  intervalS: 0.2,
  async applyBatch(tx, events) {
    const fulfilled = events.filter((e) => e.type === 'order.line_fulfilled')
    const refunded = events.filter((e) => e.type === 'return.refunded')
    if (fulfilled.length > 0) await invoiceShipped(tx, fulfilled)
    if (refunded.length === 0) return
    const [seller] = await rows(tx, sql`SELECT 1 FROM business_seller`)
    if (!seller) return
    for (const e of refunded) {
      const d = e.data as {
        order_id: string
        return_id: string
        lines: Array<{ line_id: string; quantity: number }>
      }
      await creditNoteForReturnIn(tx, d.order_id, d.return_id, d.lines ?? [], new Date(e.occurred_at))
    }
  },
})

async function invoiceShipped(tx: Parameters<typeof issueInvoiceIn>[0], events: readonly PublishedEvent[]) {
  // The time of each order's last shipment in this pass: its invoice's date, as one event at a time gave.
  const shippedAt = new Map<string, Date>()
  for (const e of events) shippedAt.set((e.data as { order_id: string }).order_id, new Date(e.occurred_at))
  const ids = [...shippedAt.keys()]
  // An order on account is not paid when it ships: it ends `fulfilled`, not `completed`. Without the
  // brand's identity there is no invoice to issue yet: it is issued on request.
  const due = await rows<{ order_id: string; account_id: string }>(
    tx,
    sql`SELECT b.order_id, b.account_id
        FROM business_order b JOIN business_account a ON a.id = b.account_id JOIN orders o ON o.id = b.order_id
        WHERE b.order_id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
          AND a.invoicing = 'per_order' AND o.status IN ('fulfilled', 'completed')
          AND EXISTS (SELECT 1 FROM business_seller)
        ORDER BY b.order_id`,
  )
  for (const b of due) await issueInvoiceIn(tx, b.account_id, [b.order_id], shippedAt.get(b.order_id)!)
}
