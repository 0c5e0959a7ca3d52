import type { ParcelRate } from './cost-model.domain.ts'
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

/** A unit's weight in grams, the same for a SKU on every call: 50 g to 2 kg. */
export function unitWeightG(sku: string): number {
  let h = 2166136261
  for (let i = 0; i < sku.length; i++) h = Math.imul(h ^ sku.charCodeAt(i), 16777619)
  return 50 + ((h >>> 0) % 1951)
}

/** Order lines with each unit weighing its SKU's `unitWeightG`. */
export function weighed(lines: RoutingLine[]): RoutingLine[] {
  return lines.map((l) => ({ ...l, weightG: unitWeightG(l.sku) }))
}

/**
 * A national parcel service's rates to two zones, VAT excluded, in the shape French carriers publish
 * (bands up to 30 kg): mainland France, and Corsica / far zones about 60 % dearer.
 */
export const sampleParcelRates: Record<'mainland' | 'far', ParcelRate[]> = {
  mainland: [
    { upToG: 250, costCents: 420 },
    { upToG: 500, costCents: 490 },
    { upToG: 1_000, costCents: 590 },
    { upToG: 2_000, costCents: 690 },
    { upToG: 5_000, costCents: 890 },
    { upToG: 10_000, costCents: 1_290 },
    { upToG: 30_000, costCents: 1_990 },
  ],
  far: [
    { upToG: 250, costCents: 690 },
    { upToG: 500, costCents: 790 },
    { upToG: 1_000, costCents: 950 },
    { upToG: 2_000, costCents: 1_100 },
    { upToG: 5_000, costCents: 1_450 },
    { upToG: 10_000, costCents: 2_100 },
    { upToG: 30_000, costCents: 3_200 },
  ],
}
