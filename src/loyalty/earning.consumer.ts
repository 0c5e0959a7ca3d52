import { type EventConsumer, ledgerActorOf } from '../events/index.ts'
import { earnForOrder } from './loyalty.service.ts'

/**
 * A completed order earns its customer points, a moment after it completes, off the order path.
 * Applied once per event (the runner records the event id with the entry), and once per order
 * whatever happens (the ledger keeps one `earn` entry per order): an order completed, then attached
 * to its customer, earns once.
 */
export const earnOnCompletion: EventConsumer = {
  id: 'loyalty.earn-on-completion',
  types: ['order.completed'],
  async apply(tx, event) {
    const { order_id, customer_id } = event.data as { order_id: string; customer_id: string | null }
    if (customer_id === null) return
    await earnForOrder(tx, order_id, ledgerActorOf(event.actor))
  },
}
