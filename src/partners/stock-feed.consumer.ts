import { batchConsumer, byJob, type PublishedEvent } from '../events/index.ts'
import { refreshFeeds } from './stock-feed.service.ts'

/** The SKUs whose available stock an event may have moved (its `lines[].sku`, or its `sku`). */
export function skusOf(events: readonly PublishedEvent[]): string[] {
  const skus = new Set<string>()
  for (const e of events) {
    const d = e.data as { sku?: unknown; lines?: Array<{ sku?: unknown }> }
    if (typeof d.sku === 'string') skus.add(d.sku)
    for (const l of d.lines ?? []) if (typeof l.sku === 'string') skus.add(l.sku)
  }
  return [...skus].sort()
}

/**
 * Partners' stock feeds, a moment after the stock moves: a pass gathers the SKUs its events touched
 * (sold, reserved, released, received, counted, transferred, returned) and brings every feed in line
 * for them, writing `partner.stock_changed` for what changed. Nothing of this runs on the order path;
 * applied twice, a pass changes nothing more (the feed holds quantities, not deltas).
 */
export const stockFeedFromStock = batchConsumer({
  id: 'partners.stock-feed',
  types: ['order.placed', 'order.line_cancelled', 'order.line_fulfilled', 'return.received', 'stock.*'],
  intervalS: 1,
  async applyBatch(tx, events) {
    const skus = skusOf(events)
    if (skus.length > 0) await refreshFeeds(tx, skus, byJob('partners.stock-feed'))
  },
})
