import type { DemoCatalog, DemoVariant } from './catalog.ts'
import type { DemoLocation } from './network.ts'
import type { Random } from './random.ts'

/** What a location keeps of a SKU at the end of the history: its free stock and safety stock. */
export interface StockPlan {
  locationId: string
  sku: string
  /** Units on the shelf and not reserved, today. */
  free: number
  safety: number
}

export interface StockPlans {
  rows: StockPlan[]
  /** The variants a location stocks (sales only come from these). */
  carried: Map<string, DemoVariant[]>
}

/**
 * Warehouses stock deep (the national one everything sold at a distance, the regional one the best
 * sellers), stores shallow and only part of the range; some rows are out of stock. Web-relevant
 * rows keep a little safety stock so the web never promises the last unit.
 */
export function planStock(random: Random, catalog: DemoCatalog, network: DemoLocation[]): StockPlans {
  const byPopularity = [...catalog.variants].sort((a, b) => b.popularity - a.popularity)
  const percentile = new Map(byPopularity.map((v, i) => [v.row.sku, 1 - i / byPopularity.length]))
  const rows: StockPlan[] = []
  const carried = new Map<string, DemoVariant[]>()
  const national = network.find((l) => l.row.code === 'WH-SARAN')!

  for (const location of network) {
    const list: DemoVariant[] = []
    carried.set(location.row.id, list)
    for (const v of catalog.variants) {
      const pct = percentile.get(v.row.sku)!
      const offer = v.product.offer
      const onWeb = v.product.channelKinds.includes('web')
      let free: number
      let safety = 0
      if (location.kind === 'warehouse') {
        if (offer === 'store') continue
        const isNational = location === national
        if (!isNational && pct < 0.35 && !random.chance(0.1)) continue
        free = isNational
          ? Math.round(10 + pct ** 2 * 380 * (0.6 + random.next() * 0.8))
          : random.int(4, 40 + Math.round(pct * 110))
        if (random.chance(0.05)) free = 0
        if (onWeb) safety = isNational ? random.int(2, 5) : random.int(1, 3)
      } else {
        if (offer === 'online') continue
        if (!random.chance(Math.min(0.95, location.range * (0.45 + pct)))) continue
        free = random.weighted([0, 1, 2, 3, 4, 5, 6, 8, 10, 12], [10, 12, 16, 16, 13, 10, 8, 7, 5, 3])
        if (onWeb && random.chance(0.25)) safety = 1
      }
      list.push(v)
      rows.push({ locationId: location.row.id, sku: v.row.sku, free, safety })
    }
  }
  return { rows, carried }
}
