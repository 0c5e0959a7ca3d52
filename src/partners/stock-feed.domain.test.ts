import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns } from '../testing/property-runs.ts'
import { csvCell, type FeedItem, feedChanges, feedCsv, offeredUnits } from './stock-feed.domain.ts'

const buffer = fc.record({
  bufferBp: fc.integer({ min: 0, max: 10_000 }),
  bufferUnits: fc.integer({ min: 0, max: 1_000 }),
})
const runs = { numRuns: propertyRuns(500) }

describe('the units a partner is offered', () => {
  it('are the available units less a share rounded up, less the fixed reserve', () => {
    expect(offeredUnits(10, { bufferBp: 2500, bufferUnits: 1 })).toBe(6)
    expect(offeredUnits(10, { bufferBp: 0, bufferUnits: 0 })).toBe(10)
    expect(offeredUnits(3, { bufferBp: 0, bufferUnits: 5 })).toBe(0)
    expect(offeredUnits(1, { bufferBp: 1, bufferUnits: 0 })).toBe(0)
    expect(offeredUnits(0, { bufferBp: 0, bufferUnits: 0 })).toBe(0)
    expect(offeredUnits(-4, { bufferBp: 0, bufferUnits: 0 })).toBe(0)
  })

  it('never exceed what the brand has available, and are never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 1_000_000 }), buffer, (available, b) => {
        const offered = offeredUnits(available, b)
        expect(offered).toBeGreaterThanOrEqual(0)
        expect(offered).toBeLessThanOrEqual(Math.max(0, available))
        expect(Number.isInteger(offered)).toBe(true)
      }),
      runs,
    )
  })

  it('keep back at least the share and the fixed reserve whenever anything is offered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), buffer, (available, b) => {
        const offered = offeredUnits(available, b)
        if (offered > 0) {
          const keptBack = available - offered
          expect(keptBack).toBeGreaterThanOrEqual(b.bufferUnits)
          expect(keptBack * 10_000).toBeGreaterThanOrEqual(available * b.bufferBp)
        }
      }),
      runs,
    )
  })

  it('grow with the stock and shrink with the buffer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1000 }),
        buffer,
        (a, more, b) => {
          expect(offeredUnits(a + more, b)).toBeGreaterThanOrEqual(offeredUnits(a, b))
          expect(offeredUnits(a, { ...b, bufferUnits: b.bufferUnits + more })).toBeLessThanOrEqual(
            offeredUnits(a, b),
          )
          const moreShare = Math.min(10_000, b.bufferBp + more)
          expect(offeredUnits(a, { ...b, bufferBp: moreShare })).toBeLessThanOrEqual(offeredUnits(a, b))
        },
      ),
      runs,
    )
  })

  it('are nothing when the whole stock is kept back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (a) => {
        expect(offeredUnits(a, { bufferBp: 10_000, bufferUnits: 0 })).toBe(0)
      }),
      runs,
    )
  })
})

describe('the rows of a feed that change', () => {
  const item = (sku: string, quantity: number, offered = true): [string, FeedItem] => [
    sku,
    { sku, quantity, offered },
  ]

  it('are the new SKUs, the changed quantities and the SKUs that left the scope, at 0', () => {
    const current = new Map([item('A', 5), item('B', 2), item('C', 1), item('D', 0, false)])
    const target = new Map([
      ['A', 5],
      ['B', 3],
      ['D', 4],
      ['E', 0],
    ])
    expect(feedChanges(current, target)).toEqual([
      { sku: 'B', quantity: 3, offered: true },
      { sku: 'C', quantity: 0, offered: false },
      { sku: 'D', quantity: 4, offered: true },
      { sku: 'E', quantity: 0, offered: true },
    ])
  })

  it('applied to the current rows, give the target, and nothing changes a second time', () => {
    const entries = fc.dictionary(
      fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
      fc.integer({ min: 0, max: 20 }),
    )
    fc.assert(
      fc.property(entries, entries, (before, after) => {
        const current = new Map(Object.entries(before).map(([s, q]) => item(s, q)))
        const target = new Map(Object.entries(after))
        const next = new Map(current)
        for (const c of feedChanges(current, target)) next.set(c.sku, c)
        for (const [sku, q] of target) expect(next.get(sku)).toEqual({ sku, quantity: q, offered: true })
        for (const [sku, row] of next) if (!target.has(sku)) expect(row.offered).toBe(false)
        expect(feedChanges(next, target)).toEqual([])
      }),
      runs,
    )
  })
})

describe('the feed as CSV', () => {
  it('never lets a spreadsheet run a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvCell('+33')).toBe("'+33")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(-1)).toBe('-1')
    const csv = feedCsv([
      { sku: 'S1', ean: null, name: '=1+1', quantity: 3, offered: true, updated_at: '2026-01-01T00:00:00Z' },
    ])
    expect(csv).toBe(`sku,ean,name,quantity,offered,updated_at\r\nS1,,'=1+1,3,true,2026-01-01T00:00:00Z\r\n`)
  })
})
