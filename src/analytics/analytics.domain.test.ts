import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCsv } from './csv.domain.ts'
import { diffInDiff, multichannelShares, ropo } from './effects.domain.ts'
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
