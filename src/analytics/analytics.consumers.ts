import type { Db } from '../db/database.ts'
import { batchConsumer, catchUpBatchConsumer, type PublishedEvent } from '../events/index.ts'
import { refreshCustomers, refreshSales } from './refresh.store.ts'

const orderOf = (e: PublishedEvent) => (e.data as { order_id?: string }).order_id

/**
 * Channel analytics, a moment after each change to an order or a return: the days and months of the
 * orders and returns a batch of events names are rebuilt from the tables, set-based, in the
 * transaction that records the events as applied. A cancellation or an expiry takes the order out of
 * its day, a refunded return counts on the day the goods came back, and units shipped count from the
 * location that shipped them (a line rerouted to a store after a rejection counts as shipped from a
 * store once its units leave).
 */
export const salesRefresh = batchConsumer({
  id: 'analytics.refresh',
  types: [
    'order.placed',
    'order.confirmed',
    'order.completed',
    'order.cancelled',
    'order.line_cancelled',
    'order.line_fulfilled',
    'order.expired',
    'return.refunded',
  ],
  async applyBatch(tx, events) {
    const returns = events.filter((e) => e.type === 'return.refunded')
    await refreshSales(
      tx,
      events.filter((e) => e.type !== 'return.refunded').flatMap((e) => orderOf(e) ?? []),
      returns.map((e) => (e.data as { return_id: string }).return_id),
    )
  },
})

/**
 * Customer statistics (spend per month and channel, the first order and the channel it came by): the
 * customers of the orders a batch names, those attached to a sale later, and both profiles of a merge
 * (the absorbed one's orders now count for the survivor), rebuilt from the orders.
 */
export const customerStatistics = batchConsumer({
  id: 'analytics.customer-statistics',
  types: [
    'order.placed',
    'order.confirmed',
    'order.cancelled',
    'order.line_cancelled',
    'order.expired',
    'order.customer_attached',
    'customer.merged',
  ],
  async applyBatch(tx, events) {
    const customers: string[] = []
    for (const e of events) {
      const d = e.data as { customer_id?: string | null; merged_id?: string }
      if (d.customer_id) customers.push(d.customer_id)
      if (d.merged_id) customers.push(d.merged_id)
    }
    await refreshCustomers(
      tx,
      customers,
      events.flatMap((e) => orderOf(e) ?? []),
    )
  },
})

export const analyticsConsumers = [salesRefresh, customerStatistics]

/**
 * Before a read: the events committed so far published, and the consumers' passes taken now rather
 * than at their next interval, so a dashboard shows the order placed a moment ago. While another
 * process runs a consumer, its pass here does nothing and the read answers from the aggregates as
 * they are (that process is applying the same events).
 */
export async function catchUp(db: Db, which: 'sales' | 'all' = 'all'): Promise<number> {
  let applied = await catchUpBatchConsumer(db, salesRefresh)
  if (which === 'all') applied += await catchUpBatchConsumer(db, customerStatistics)
  return applied
}
