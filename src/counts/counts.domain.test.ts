import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { finalQuantity, needsRecount, pickCycle, variance } from './counts.domain.ts'

describe('count lines', () => {
  it('what was found is the recount when there was one, else the count, else nothing', () => {
    expect(finalQuantity({ snapshot: 5, counted: null, recounted: null })).toBe(0)
    expect(finalQuantity({ snapshot: 5, counted: 3, recounted: null })).toBe(3)
    expect(finalQuantity({ snapshot: 5, counted: 3, recounted: 5 })).toBe(5)
    expect(variance({ snapshot: 5, counted: 3, recounted: null })).toBe(-2)
  })

  it('a small gap is not recounted, a large one is', () => {
    expect(needsRecount({ snapshot: 2, counted: 1, recounted: null }, 3, 20)).toBe(false)
    expect(needsRecount({ snapshot: 10, counted: 4, recounted: null }, 3, 20)).toBe(true)
    expect(needsRecount({ snapshot: 1000, counted: 990, recounted: null }, 3, 20)).toBe(false)
    expect(needsRecount({ snapshot: 1000, counted: 960, recounted: null }, 3, 20)).toBe(true)
    expect(needsRecount({ snapshot: 0, counted: 8, recounted: null }, 3, 20)).toBe(true)
  })

  it('a gap within the units threshold is never recounted', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(20), (snapshot, counted, units) => {
        if (Math.abs(counted - snapshot) <= units) {
          expect(needsRecount({ snapshot, counted, recounted: null }, units, 0)).toBe(false)
        }
      }),
    )
  })
})

describe('cycle counts', () => {
  const now = new Date('2026-12-03T10:00:00Z')
  it('take the items moving the most value, not those counted lately', () => {
    const picked = pickCycle(
      [
        { sku: 'A', onHand: 10, unitsSold: 100, unitCostCents: 500, lastCountedAt: null },
        { sku: 'B', onHand: 10, unitsSold: 100, unitCostCents: 5000, lastCountedAt: new Date('2026-12-01') },
        { sku: 'C', onHand: 50, unitsSold: 0, unitCostCents: 100, lastCountedAt: null },
        { sku: 'D', onHand: 0, unitsSold: 0, unitCostCents: 9000, lastCountedAt: null },
        { sku: 'E', onHand: 5, unitsSold: 10, unitCostCents: 9000, lastCountedAt: new Date('2026-11-01') },
      ],
      2,
      now,
      7,
    )
    expect(picked).toEqual(['E', 'A'])
  })

  it('never take more than asked, nor the same item twice', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sku: fc.string({ minLength: 1, maxLength: 4 }),
            onHand: fc.nat(100),
            unitsSold: fc.nat(100),
            unitCostCents: fc.nat(10000),
            lastCountedAt: fc.constant(null),
          }),
        ),
        fc.integer({ min: 1, max: 10 }),
        (candidates, size) => {
          const unique = [...new Map(candidates.map((c) => [c.sku, c])).values()]
          const picked = pickCycle(unique, size, now, 7)
          expect(picked.length).toBeLessThanOrEqual(size)
          expect(new Set(picked).size).toBe(picked.length)
        },
      ),
    )
  })
})
