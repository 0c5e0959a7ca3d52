import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCsv } from './csv.domain.ts'
import { diffInDiff, multichannelShares, placebo, pooledDiffInDiff, ropo } from './effects.domain.ts'
import { apportion, flowMatrix } from './migration.domain.ts'

const channels = ['S', 'W', 'M', 'P']
const spend = fc.record(Object.fromEntries(channels.map((c) => [c, fc.integer({ min: 0, max: 1_000_000 })])))

describe('flow matrix between two periods', () => {
  it('moves the till spend a customer now makes on the web, and counts the rest as new spend', () => {
    const m = flowMatrix(['S', 'W'], [{ before: { S: 8000 }, after: { S: 5000, W: 6000 } }])
    expect(m.flows).toEqual([
      [0, 3000],
      [0, 0],
    ])
    expect(m.kept).toEqual([5000, 0])
    expect(m.added).toEqual([0, 3000])
    expect(m.lost).toEqual([0, 0])
  })

  it('splits a decrease over the channels that grew, in proportion', () => {
    const m = flowMatrix(['S', 'W', 'M'], [{ before: { S: 9000 }, after: { S: 0, W: 2000, M: 1000 } }])
    expect(m.flows[0]).toEqual([0, 2000, 1000])
    expect(m.lost).toEqual([6000, 0, 0])
  })

  it('accounts for every cent of both periods, never negative, whatever the spend', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ before: spend, after: spend }), { maxLength: 20 }), (customers) => {
        const m = flowMatrix(channels, customers)
        channels.forEach((_, i) => {
          const out = m.flows[i]!.reduce((s, x) => s + x, 0)
          const into = m.flows.reduce((s, row) => s + row[i]!, 0)
          expect(m.kept[i]! + out + m.lost[i]!).toBe(m.before[i])
          expect(m.kept[i]! + into + m.added[i]!).toBe(m.after[i])
          expect(m.flows[i]![i]).toBe(0)
        })
        for (const x of [...m.flows.flat(), ...m.lost, ...m.added]) expect(x).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('apportions whole cents that add up to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const parts = apportion(total, weights)
          if (weights.some((w) => w > 0)) expect(parts.reduce((s, x) => s + x, 0)).toBe(total)
          parts.forEach((p, i) => {
            if (weights[i] === 0) expect(p).toBe(0)
          })
        },
      ),
    )
  })
})

describe('difference-in-differences', () => {
  it('recovers the effect on the treated store from the comparison stores’ growth', () => {
    const r = diffInDiff({ storeId: 'T', before: 100_000, after: 84_000 }, [
      { storeId: 'A', before: 50_000, after: 52_500 },
      { storeId: 'B', before: 150_000, after: 157_500 },
    ])
    expect(r.comparisonGrowth).toBe(1.05)
    expect(r.counterfactualCents).toBe(105_000)
    expect(r.effectCents).toBe(-21_000)
    expect(r.effectPct).toBe(-20)
  })

  it('finds an injected multiplicative effect whatever the common trend', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 10_000_000 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        fc.array(fc.integer({ min: 1000, max: 10_000_000 }), { minLength: 1, maxLength: 10 }),
        (treatedBefore, trend, effect, comparison) => {
          const r = diffInDiff(
            { storeId: 'T', before: treatedBefore, after: treatedBefore * trend * effect },
            comparison.map((b, i) => ({ storeId: `C${i}`, before: b, after: b * trend })),
          )
          expect(Math.abs(r.effectPct! - (effect - 1) * 100)).toBeLessThan(0.5)
        },
      ),
    )
  })

  it('gives no effect without comparison stores', () => {
    expect(diffInDiff({ storeId: 'T', before: 10, after: 5 }, []).effectPct).toBeNull()
  })
})

describe('multichannel customers', () => {
  it('groups customers by channels used and compares their value per year', () => {
    const b = multichannelShares(
      [
        { customerId: 'a', spend: { S: 5000, W: 6000 } },
        { customerId: 'b', spend: { W: 3000, M: 3000 } },
        { customerId: 'c', spend: { S: 1000 } },
        { customerId: 'd', spend: { S: 100, W: 100, M: 100, P: 100 } },
      ],
      365,
    )
    expect(b.map((x) => x.customers)).toEqual([1, 2, 1])
    expect(b[1]).toMatchObject({ sharePct: 50, valuePerYearCents: 8500, vsSingleChannel: 8.5 })
    expect(b[2]).toMatchObject({ channels: 3, valuePerYearCents: 400 })
  })
})

describe('ROPO', () => {
  const at = (d: string) => new Date(`${d}T10:00:00Z`)
  const purchase = { orderId: 'o1', customerId: 'a', storeId: 'lyon', at: at('2025-03-10') }

  it('matches an availability check for that store within the window, not for another store or too early', () => {
    const r = ropo(
      [
        purchase,
        { ...purchase, orderId: 'o2', customerId: 'b' },
        { ...purchase, orderId: 'o3', customerId: 'c' },
      ],
      [
        { customerId: 'a', kind: 'availability_check', locationId: 'lyon', at: at('2025-03-08') },
        { customerId: 'b', kind: 'availability_check', locationId: 'nice', at: at('2025-03-08') },
        { customerId: 'c', kind: 'wishlist', locationId: null, at: at('2025-02-20') },
      ],
      7,
    )
    expect(r).toMatchObject({
      purchases: 3,
      preceded: 1,
      byKind: { availability_check: 1, wishlist: 0, cart: 0 },
    })
    expect(r.sharePct).toBe(33.33)
  })

  it('ignores activity after the purchase', () => {
    expect(
      ropo([purchase], [{ customerId: 'a', kind: 'cart', locationId: null, at: at('2025-03-11') }], 7)
        .preceded,
    ).toBe(0)
  })
})

describe('CSV', () => {
  it('quotes cells holding commas and quotes', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: null }])).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n')
  })
})

describe('pooled difference-in-differences over several launches', () => {
  /** A store's sales over a launch's two windows: a trend, a daily-ish noise, and the injected effect after. */
  const store = (
    id: string,
    size: number,
    growth: number,
    effect: number,
    noise: () => number,
  ): { storeId: string; before: number; after: number } => ({
    storeId: id,
    before: Math.round(size * (1 + noise())),
    after: Math.round(size * growth * (1 + effect) * (1 + noise())),
  })
  const noiseOf = (seed: number, amplitude: number) => {
    let a = seed >>> 0
    return () => {
      a = (Math.imul(a, 1_664_525) + 1_013_904_223) >>> 0
      return (a / 4_294_967_296 - 0.5) * 2 * amplitude
    }
  }

  it('recovers an injected −20 % within 10 % over launches on different dates with different trends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 6 }), (seed, k) => {
        const noise = noiseOf(seed, 0.01)
        const launches = Array.from({ length: k }, (_, i) => {
          // Each launch date has its own season: every store moves with it.
          const growth = 0.8 + ((seed + i * 37) % 50) / 100
          return {
            treated: store(`T${i}`, 2_000_000 + i * 300_000, growth, -0.2, noise),
            comparison: Array.from({ length: 12 }, (_, j) =>
              store(`C${j}`, 1_000_000 + j * 150_000, growth, 0, noise),
            ),
          }
        })
        const p = pooledDiffInDiff(launches)
        expect(p.stores).toHaveLength(k)
        expect(p.effectPct).not.toBeNull()
        expect(Math.abs(p.effectPct! - -20)).toBeLessThanOrEqual(2)
        const pl = placebo(launches, p.effectPct)!
        expect(pl.runs).toBeGreaterThan(0)
        expect(Math.abs(pl.meanPct)).toBeLessThan(2)
        expect(pl.intervalLowPct!).toBeLessThan(p.effectPct!)
        expect(pl.intervalHighPct!).toBeGreaterThan(p.effectPct!)
        expect(pl.intervalHighPct!).toBeLessThan(0)
        expect(pl.pValue!).toBeLessThan(0.05)
      }),
      { numRuns: 30 },
    )
  })

  it('adds the treated stores and their counterfactuals: Σ after / Σ counterfactual − 1', () => {
    const c = (id: string, before: number, after: number) => ({ storeId: id, before, after })
    const p = pooledDiffInDiff([
      { treated: c('A', 1000, 880), comparison: [c('X', 5000, 5500), c('Y', 5000, 5500)] },
      { treated: c('B', 3000, 2160), comparison: [c('X', 4000, 3600), c('Y', 6000, 5400)] },
    ])
    // A: 1000 × 1.1 = 1100; B: 3000 × 0.9 = 2700; (880 + 2160) / (1100 + 2700) − 1 = −20 %.
    expect(p.counterfactualCents).toBe(3800)
    expect(p.effectCents).toBe(3040 - 3800)
    expect(p.effectPct).toBe(-20)
    expect(p.stores.map((s) => s.effectPct)).toEqual([-20, -20])
  })

  it('leaves out a launch without sales before it instead of counting its after against nothing', () => {
    const c = (id: string, before: number, after: number) => ({ storeId: id, before, after })
    const p = pooledDiffInDiff([
      { treated: c('A', 1000, 900), comparison: [c('X', 100, 100)] },
      { treated: c('B', 0, 5000), comparison: [c('X', 100, 100)] },
    ])
    expect(p.effectPct).toBe(-10)
  })

  it('centres the placebo on zero for stores without a launch, and its spread grows with their noise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const spread = (amplitude: number) => {
          const noise = noiseOf(seed, amplitude)
          const launches = [0.9, 1.0, 1.15].map((growth, i) => ({
            treated: store(`T${i}`, 1_000_000, growth, 0, noise),
            comparison: Array.from({ length: 10 }, (_, j) => store(`C${j}`, 1_000_000, growth, 0, noise)),
          }))
          const p = placebo(launches, pooledDiffInDiff(launches).effectPct)!
          expect(p.runs).toBe(10 * 9 * 8)
          expect(p.exhaustive).toBe(true)
          expect(Math.abs(p.meanPct)).toBeLessThan(amplitude * 100)
          expect(p.lowPct).toBeLessThanOrEqual(0.5)
          expect(p.highPct).toBeGreaterThanOrEqual(-0.5)
          return p.sdPct
        }
        expect(spread(0.2)).toBeGreaterThan(spread(0.02))
      }),
      { numRuns: 20 },
    )
  })

  it('samples the assignments with a fixed seed when there are too many, so the interval is stable', () => {
    const noise = noiseOf(7, 0.1)
    const launches = [1, 2, 3, 4].map((i) => ({
      treated: store(`T${i}`, 1_000_000, 1, -0.2, noise),
      comparison: Array.from({ length: 16 }, (_, j) => store(`C${j}`, 1_000_000, 1, 0, noise)),
    }))
    const a = placebo(launches, -20, { maxRuns: 500 })!
    const b = placebo(launches, -20, { maxRuns: 500 })!
    expect(a.exhaustive).toBe(false)
    expect(a.runs).toBe(500)
    expect(a).toEqual(b)
  })

  it('needs more untreated stores than launches', () => {
    const c = (id: string) => ({ storeId: id, before: 100, after: 100 })
    expect(placebo([{ treated: c('A'), comparison: [c('X')] }], 0)).toBeNull()
  })
})
