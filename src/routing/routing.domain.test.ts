import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns } from '../testing/property-runs.ts'
import { type CostModel, defaultCostModel, leastSplitRates, parcelCost } from './cost-model.domain.ts'
import { solveExactly } from './exact-solver.ts'
import {
  randomDestination,
  randomNetwork,
  randomOrderLines,
  sampleParcelRates,
  seeded,
  weighed,
} from './random-network.ts'
import {
  buildProblem,
  ineligibility,
  type RoutingCandidate,
  type RoutingLine,
  routeDelivery,
  type StockRow,
} from './routing.domain.ts'

const lyon = { lat: 45.76, lon: 4.84 }
const base = (over: Partial<RoutingCandidate>): RoutingCandidate => ({
  id: 'x',
  code: 'X',
  name: 'X',
  kind: 'store',
  ownership: 'owned',
  lat: 45.76,
  lon: 4.85,
  fulfilmentModes: ['delivery', 'pickup'],
  shipFromStoreOptIn: false,
  openNow: true,
  openTasks: 0,
  dailyCapacity: 50,
  ...over,
})
const warehouse = base({
  id: 'wh',
  code: 'WH',
  name: 'Entrepôt Saran',
  kind: 'warehouse',
  lat: 47.95,
  lon: 1.88,
})
const partDieu = base({ id: 'lyon', code: 'LYON', name: 'Lyon Part-Dieu' })
const franchise = base({
  id: 'vaise',
  code: 'VAISE',
  name: 'Lyon Vaise',
  ownership: 'franchised',
  lat: 45.77,
  lon: 4.8,
})

/** Routes with stock given inline as [location, {sku: units}] pairs. */
const route = (
  lines: RoutingLine[],
  at: Array<[RoutingCandidate, Record<string, number>]>,
  model: CostModel = defaultCostModel,
) => {
  const stock: StockRow[] = at.flatMap(([c, s]) =>
    Object.entries(s).map(([sku, available]) => ({ locationId: c.id, sku, available })),
  )
  return routeDelivery(lines, lyon, new Map(at.map(([c]) => [c.id, c])), stock, model)
}

describe('routing a delivery', () => {
  it('ships from the warehouse when it holds everything', () => {
    const d = route(
      [{ index: 0, sku: 'A', quantity: 2 }],
      [
        [warehouse, { A: 10 }],
        [partDieu, { A: 5 }],
      ],
    )
    expect(d.shipments.map((s) => s.locationId)).toEqual(['wh'])
    expect(d.optimal).toBe(true)
    expect(d.explanation[0]).toContain('Entrepôt Saran')
  })

  it('ships from the nearest eligible store when the warehouse is out, and says why', () => {
    const far = base({ id: 'nice', code: 'NICE', name: 'Nice', lat: 43.7, lon: 7.27 })
    const d = route(
      [{ index: 0, sku: 'A', quantity: 1 }],
      [
        [warehouse, {}],
        [partDieu, { A: 5 }],
        [far, { A: 5 }],
      ],
    )
    expect(d.shipments.map((s) => s.locationId)).toEqual(['lyon'])
    expect(d.explanation.join(' ')).toMatch(/Shipped from a store/)
  })

  it('never chooses a franchised store that has not opted in', () => {
    const d = route([{ index: 0, sku: 'A', quantity: 1 }], [[franchise, { A: 9 }]])
    expect(d.shipments).toEqual([])
    expect(d.unallocated).toMatchObject([{ sku: 'A', quantity: 1 }])
    expect(d.explanation.join(' ')).toContain('not opted in')
  })

  it('avoids a store at capacity when another option exists, and uses it when none does', () => {
    const busy = { ...partDieu, openTasks: 60, dailyCapacity: 50 }
    const calm = base({ id: 'grenoble', code: 'GRE', name: 'Grenoble', lat: 45.19, lon: 5.72 })
    const line = [{ index: 0, sku: 'A', quantity: 1 }]
    const both = route(line, [
      [busy, { A: 5 }],
      [calm, { A: 5 }],
    ])
    expect(both.shipments[0]!.locationId).toBe('grenoble')
    expect(route(line, [[busy, { A: 5 }]]).shipments[0]!.locationId).toBe('lyon')
  })

  it('splits across locations only when no single one can serve the order', () => {
    const lines = [
      { index: 0, sku: 'A', quantity: 1 },
      { index: 1, sku: 'B', quantity: 1 },
    ]
    const split = route(lines, [
      [warehouse, { A: 3 }],
      [partDieu, { B: 3 }],
    ])
    expect(split.shipments).toHaveLength(2)
    expect(split.shipments[1]!.cost.split_cents).toBe(defaultCostModel.splitPenaltyCents)
    expect(split.explanation.join(' ')).toMatch(/Split into 2 parcels/)
  })

  it('keeps units on store shelves for walk-in shoppers', () => {
    const model: CostModel = { ...defaultCostModel, keepForStoreUnits: 2 }
    const d = route([{ index: 0, sku: 'A', quantity: 1 }], [[partDieu, { A: 2 }]], model)
    expect(d.unallocated).toHaveLength(1)
  })

  it('a closed store does not ship', () => {
    expect(ineligibility({ ...partDieu, openNow: false }, defaultCostModel)).toBe('store closed now')
  })
})

describe('parcels priced by the carrier’s weight bands', () => {
  const rated: CostModel = { ...defaultCostModel, parcelRates: sampleParcelRates.mainland }

  it('each parcel pays the band of its own weight', () => {
    const d = route(
      [
        { index: 0, sku: 'A', quantity: 1, weightG: 800 },
        { index: 1, sku: 'B', quantity: 2, weightG: 2_000 },
      ],
      [
        [warehouse, { A: 3 }],
        [partDieu, { B: 3 }],
      ],
      rated,
    )
    const bySite = Object.fromEntries(d.shipments.map((s) => [s.locationId, s]))
    expect(bySite.wh!.weightG).toBe(800)
    expect(bySite.wh!.cost.shipment_cents).toBe(590)
    expect(bySite.lyon!.weightG).toBe(4_000)
    expect(bySite.lyon!.cost.shipment_cents).toBe(890)
  })

  it('a heavy order ships whole rather than split when one parcel costs less than two', () => {
    // Lyon holds everything; the warehouse could lighten it, but a second parcel costs a rate of its own.
    const lines = [
      { index: 0, sku: 'A', quantity: 1, weightG: 600 },
      { index: 1, sku: 'B', quantity: 1, weightG: 600 },
    ]
    const d = route(
      lines,
      [
        [warehouse, { A: 5 }],
        [partDieu, { A: 5, B: 5 }],
      ],
      rated,
    )
    expect(d.shipments.map((s) => s.locationId)).toEqual(['lyon'])
    expect(d.shipments[0]!.cost.shipment_cents).toBe(690)
  })

  it('goods heavier than the last band go as several parcels, each at its rate', () => {
    const d = route([{ index: 0, sku: 'A', quantity: 4, weightG: 9_000 }], [[warehouse, { A: 9 }]], rated)
    // 36 kg: one full 30 kg parcel (19.90 €) and one of 6 kg (12.90 €).
    expect(d.shipments[0]!.cost.shipment_cents).toBe(1_990 + 1_290)
  })

  it('splits a SKU between two parcels when that keeps both in a lower band', () => {
    // Moving one SKU's units alone from the first fill (7.85 kg + 1.43 kg: a 10 kg and a 2 kg parcel)
    // never lowers the cost; sharing A and E between the two warehouses gives two 5 kg parcels.
    const nearby = base({
      id: 'wh2',
      code: 'WH2',
      name: 'Entrepôt Corbas',
      kind: 'warehouse',
      lat: 45.67,
      lon: 4.9,
    })
    const lines = [
      { index: 0, sku: 'A', quantity: 2, weightG: 1_053 },
      { index: 1, sku: 'B', quantity: 1, weightG: 696 },
      { index: 2, sku: 'C', quantity: 1, weightG: 1_289 },
      { index: 3, sku: 'D', quantity: 2, weightG: 716 },
      { index: 4, sku: 'E', quantity: 2, weightG: 1_881 },
    ]
    const d = route(
      lines,
      [
        [nearby, { A: 5, B: 5, C: 5, E: 5 }],
        [warehouse, { A: 5, D: 5, E: 5 }],
      ],
      rated,
    )
    expect(d.shipments.map((s) => [s.locationId, s.weightG, s.cost.shipment_cents])).toEqual([
      ['wh2', 4_919, 890],
      ['wh', 4_366, 890],
    ])
    expect(d.optimal).toBe(true)
    expect(d.explanation.join(' ')).toMatch(/Split into 2 parcels/)
  })

  it('bounds what k parcels cost together by the cheapest bands that carry the weight', () => {
    const far = sampleParcelRates.far
    // 15 kg to a far zone: one parcel 32 €, two at least a 10 kg and a 5 kg parcel (21 € + 14.50 €),
    // three at least 10 kg + 5 kg + 250 g (21 € + 14.50 € + 6.90 €); past 6 parcels, 7 lowest rates.
    expect(leastSplitRates(far, 15_000, 6)).toEqual([3_200, 3_550, 4_240, 4_830, 4_830, 4_830])
    // Over the last band, no bound from the bands.
    expect(leastSplitRates(far, 30_001, 3)).toBeNull()
  })

  it('the split bound never exceeds what any split of the weight costs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12_000 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(sampleParcelRates.mainland, sampleParcelRates.far),
        (parcels, rates) => {
          const total = parcels.reduce((a, b) => a + b, 0)
          const least = leastSplitRates(rates, total, 6)
          if (!least) return
          const paid = parcels.reduce((s, g) => s + parcelCost(rates, g), 0)
          expect(least[parcels.length - 1]).toBeLessThanOrEqual(paid)
        },
      ),
      { numRuns: propertyRuns(500) },
    )
  })

  it(`stays within 0.5 % of the exact program with rate bands on ${propertyRuns(100)} random instances, never below it`, async () => {
    const rand = seeded(1919)
    let gapSum = 0
    const runs = propertyRuns(100)
    for (let i = 0; i < runs; i++) {
      const { network, skus, stockOf } = randomNetwork(rand, { locations: 30, skus: 12 })
      const lines = weighed(randomOrderLines(rand, skus, 1 + Math.floor(rand() * 5)))
      const dest = randomDestination(rand)
      const model = {
        ...defaultCostModel,
        parcelRates: rand() < 0.8 ? sampleParcelRates.mainland : sampleParcelRates.far,
      }
      const stock = stockOf(lines.map((l) => l.sku))
      const engine = routeDelivery(lines, dest, network, stock, model)
      const exact = await solveExactly(buildProblem(lines, dest, network, stock, model))
      // The engine's objective is what its own allocation costs: never cheaper than the optimum.
      expect(engine.objectiveCents, `instance ${i}`).toBeGreaterThanOrEqual(exact)
      const shipped = engine.shipments.reduce((s, sh) => s + sh.cost.total_cents, 0)
      // The objective counts every parcel's split penalty; the shipped cost waives the first parcel's.
      const firstSplit = engine.shipments.length > 0 ? defaultCostModel.splitPenaltyCents : 0
      expect(shipped + firstSplit, `instance ${i}`).toBe(engine.objectiveCents)
      gapSum += exact === 0 ? 0 : (engine.objectiveCents - exact) / exact
    }
    expect(gapSum / runs).toBeLessThan(0.005)
  })
})

describe('routing against an exact solver', () => {
  it(`finds the minimum cost on ${propertyRuns(200)} random small instances (HiGHS as reference)`, async () => {
    const rand = seeded(2026)
    let gaps = 0
    for (let i = 0; i < propertyRuns(200); i++) {
      const { network, skus, stockOf } = randomNetwork(rand, { locations: 30, skus: 12 })
      const lines = randomOrderLines(rand, skus, 1 + Math.floor(rand() * 5))
      const dest = randomDestination(rand)
      const stock = stockOf(lines.map((l) => l.sku))
      const problem = buildProblem(lines, dest, network, stock, defaultCostModel)
      const engine = routeDelivery(lines, dest, network, stock, defaultCostModel)
      const exact = await solveExactly(problem)
      expect(engine.optimal).toBe(true)
      if (engine.objectiveCents !== exact) gaps++
      expect(engine.objectiveCents, `instance ${i}`).toBe(exact)
    }
    expect(gaps).toBe(0)
  })

  it('allocations never exceed what a location can promise, never use an ineligible location, and cover the order or say why (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 6 }), (seed, nLines) => {
        const rand = seeded(seed)
        const { network, skus, stockOf } = randomNetwork(rand, { locations: 40, skus: 10 })
        const lines = randomOrderLines(rand, skus, nLines)
        const stock = stockOf(lines.map((l) => l.sku))
        const d = routeDelivery(lines, randomDestination(rand), network, stock, defaultCostModel)
        const byId = network
        const held = (id: string, sku: string) =>
          stock.find((s) => s.locationId === id && s.sku === sku)?.available ?? 0
        const used = new Map<string, number>()
        for (const sh of d.shipments) {
          const c = byId.get(sh.locationId)!
          expect(ineligibility(c, defaultCostModel)).toBeNull()
          for (const l of sh.lines) {
            const key = `${c.id}|${l.sku}`
            used.set(key, (used.get(key) ?? 0) + l.quantity)
            const keep = c.kind === 'store' ? defaultCostModel.keepForStoreUnits : 0
            expect(used.get(key)!).toBeLessThanOrEqual(held(c.id, l.sku) - keep)
          }
        }
        for (const l of lines) {
          const shipped = d.shipments.flatMap((s) => s.lines).filter((x) => x.index === l.index)
          const missing = d.unallocated.filter((u) => u.index === l.index)
          const total =
            shipped.reduce((s, x) => s + x.quantity, 0) + missing.reduce((s, x) => s + x.quantity, 0)
          expect(total).toBe(l.quantity)
          for (const m of missing) expect(m.reason).toMatch(/no eligible location/)
        }
      }),
      { numRuns: propertyRuns(200) },
    )
  })
})
