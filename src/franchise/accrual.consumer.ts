import { sql } from 'drizzle-orm'
import { rows } from '../db/database.ts'
import type { EventConsumer } from '../events/index.ts'
import { accrueOrder, reverseCommission } from './franchise.service.ts'

type Units = Array<{ line_id: string; quantity: number }>
// Events recorded before payloads named their units (a migrated database starts the consumer after them).
const givenBack = (lines: Units | undefined) =>
  (lines ?? []).map((l) => ({ orderLineId: l.line_id, quantity: l.quantity }))

/**
 * Franchise attribution and commissions, from the order's events, a moment after the order: the sale
 * accrues when it is placed (or its draft confirmed), and is reversed, in the month it happens, for
 * units cancelled or returned. Each event applies once (the runner records its id with the entries)
 * and the ledger keeps one entry per order line, kind and source, so a replay writes nothing twice.
 * Events of one order come in their order: a cancellation never comes before the accrual it reverses.
 */
export const accrueFromOrders: EventConsumer = {
  id: 'franchise.accrue',
  types: ['order.placed', 'order.confirmed', 'order.cancelled', 'order.line_cancelled', 'return.refunded'],
  async apply(tx, event) {
    const at = new Date(event.occurred_at)
    switch (event.type) {
      case 'order.placed': {
        const d = event.data as { order_id: string; status: string }
        if (d.status !== 'draft') await accrueOrder(tx, d.order_id, at)
        return
      }
      case 'order.confirmed':
        return accrueOrder(tx, (event.data as { order_id: string }).order_id, at)
      case 'order.cancelled': {
        const d = event.data as { order_id: string; lines: Units }
        // Nothing reached the customer: the preparation fees go back too.
        const [o] = await rows<{ untouched: boolean }>(
          tx,
          sql`SELECT coalesce(bool_and(fulfilled_quantity = 0), true) AS untouched FROM order_line
              WHERE order_id = ${d.order_id}`,
        )
        return reverseCommission(tx, d.order_id, givenBack(d.lines), 'cancelled', {
          wholeOrderCancelled: o?.untouched ?? true,
          at,
        })
      }
      case 'order.line_cancelled': {
        const d = event.data as {
          order_id: string
          line_id: string
          quantity: number
          cancelled_quantity: number
          reason: string
        }
        // The units cancelled before this tell this cancellation apart from the line's earlier ones.
        return reverseCommission(
          tx,
          d.order_id,
          [{ orderLineId: d.line_id, quantity: d.quantity }],
          `${d.reason}:${d.cancelled_quantity - d.quantity}`,
          { wholeOrderCancelled: false, at },
        )
      }
      case 'return.refunded': {
        const d = event.data as { order_id: string; return_id: string; lines: Units }
        return reverseCommission(tx, d.order_id, givenBack(d.lines), d.return_id, {
          wholeOrderCancelled: false,
          at,
        })
      }
    }
  },
}
