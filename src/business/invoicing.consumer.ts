import { sql } from 'drizzle-orm'
import { rows } from '../db/database.ts'
import type { EventConsumer } from '../events/index.ts'
import { creditNoteForReturnIn, issueInvoiceIn } from './invoices.service.ts'

/**
 * Invoices from the order's events, a moment after them: a business order invoiced per order gets
 * its invoice when its last line ships (`order.line_fulfilled` leaving it fulfilled); a refunded return of a business order
 * gets its credit note (its order is invoiced first if it was not yet). Each is written once: an
 * order is billed by one invoice (its claim row) and a return by one credit note (unique return id).
 */
export const invoiceFromOrders: EventConsumer = {
  id: 'business.invoice',
  types: ['order.line_fulfilled', 'return.refunded'],
  async apply(tx, event) {
    const at = new Date(event.occurred_at)
    if (event.type === 'order.line_fulfilled') {
      const d = event.data as { order_id: string }
      // An order on account is not paid when it ships: it ends `fulfilled`, not `completed`.
      const [b] = await rows<{ account_id: string; invoicing: string; seller: boolean; shipped: boolean }>(
        tx,
        sql`SELECT b.account_id, a.invoicing, EXISTS (SELECT 1 FROM business_seller) AS seller,
                   o.status IN ('fulfilled', 'completed') AS shipped
            FROM business_order b JOIN business_account a ON a.id = b.account_id JOIN orders o ON o.id = b.order_id
            WHERE b.order_id = ${d.order_id}`,
      )
      // Without the brand's identity there is no invoice to issue yet: it is issued on request.
      if (b?.invoicing !== 'per_order' || !b.seller || !b.shipped) return
      await issueInvoiceIn(tx, b.account_id, [d.order_id], at)
      return
    }
    const d = event.data as {
      order_id: string
      return_id: string
      lines: Array<{ line_id: string; quantity: number }>
    }
    const [seller] = await rows(tx, sql`SELECT 1 FROM business_seller`)
    if (!seller) return
    await creditNoteForReturnIn(tx, d.order_id, d.return_id, d.lines ?? [], at)
  },
}
