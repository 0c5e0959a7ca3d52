import type { RoutingCandidate, RoutingLine, StockRow } from './routing.domain.ts'

/** Seeded PRNG (mulberry32) so random networks are the same on every run. */
export function seeded(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A plausible French network for routing tests and the benchmark: a few warehouses with deep stock,
 * many stores with shallow stock where each SKU is held by 10–30 % of them.
 */
export function randomNetwork(
  rand: () => number,
  opts: { locations: number; skus: number; warehouses?: number },
) {
  const warehouses = opts.warehouses ?? Math.max(2, Math.round(opts.locations / 200))
  const skus = Array.from({ length: opts.skus }, (_, i) => `SKU-${i}`)
  const bySku = new Map<string, StockRow[]>(skus.map((s) => [s, []]))
  const candidates: RoutingCandidate[] = Array.from({ length: opts.locations }, (_, i) => {
    const kind = i < warehouses ? ('warehouse' as const) : ('store' as const)
    const share = 0.1 + rand() * 0.2
    for (const sku of skus) {
      const held =
        kind === 'warehouse'
          ? rand() < 0.7
            ? Math.floor(rand() * 40)
            : 0
          : rand() < share
            ? 1 + Math.floor(rand() * 6)
            : 0
      if (held > 0) bySku.get(sku)!.push({ locationId: `loc_${i}`, sku, available: held })
    }
    const capacity = 20 + Math.floor(rand() * 60)
    return {
      id: `loc_${i}`,
      code: `L${String(i).padStart(4, '0')}`,
      name: `${kind} ${i}`,
      kind,
      ownership: kind === 'store' && rand() < 0.3 ? 'franchised' : 'owned',
      lat: 43 + rand() * 7,
      lon: -1.5 + rand() * 9,
      fulfilmentModes: kind === 'warehouse' ? ['delivery'] : ['takeaway', 'pickup', 'delivery'],
      shipFromStoreOptIn: rand() < 0.5,
      openNow: rand() < 0.9,
      openTasks: Math.floor(rand() * capacity * 1.1),
      dailyCapacity: capacity,
    }
  })
  const network = new Map(candidates.map((c) => [c.id, c]))
  /** The stock rows of some SKUs, as the order flow loads them for one order. */
  const stockOf = (wanted: string[]) => [...new Set(wanted)].flatMap((s) => bySku.get(s) ?? [])
  return { candidates, network, skus, stockOf }
}

export function randomOrderLines(rand: () => number, skus: string[], count: number): RoutingLine[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    sku: skus[Math.floor(rand() * skus.length)]!,
    quantity: 1 + Math.floor(rand() * 3),
  }))
}

export function randomDestination(rand: () => number) {
  return { lat: 43 + rand() * 7, lon: -1.5 + rand() * 9 }
}
