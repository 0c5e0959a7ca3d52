import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyRuns } from '../testing/property-runs.ts'
import { isOver, lastPeriodOver, nextPeriod, periodOf, previousPeriod } from './period.domain.ts'

describe('months as the registers and statements count them (Paris)', () => {
  it('puts 23:30 UTC on the last day of a month in the next month, as Paris lives it', () => {
    expect(periodOf(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12')
    expect(periodOf(new Date('2026-11-30T22:59:59Z'))).toBe('2026-11')
    // Summer time: Paris is two hours ahead.
    expect(periodOf(new Date('2026-07-31T22:00:00Z'))).toBe('2026-08')
  })

  it('offers last month as Paris counts it, whatever the clock of the computer asking', () => {
    // The first hour of December in Paris is still November in UTC: November is the month just over.
    expect(lastPeriodOver(new Date('2026-11-30T23:30:00Z'))).toBe('2026-11')
    expect(isOver('2026-11', new Date('2026-11-30T23:30:00Z'))).toBe(true)
    expect(lastPeriodOver(new Date('2027-01-01T00:30:00Z'))).toBe('2026-12')
    expect(lastPeriodOver(new Date('2026-12-31T22:59:00Z'))).toBe('2026-11')
  })

  it('steps a month back and forth across years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const p = `${y}-${String(m).padStart(2, '0')}`
        expect(nextPeriod(previousPeriod(p))).toBe(p)
        expect(previousPeriod(nextPeriod(p))).toBe(p)
        expect(previousPeriod(p) < p).toBe(true)
      }),
      { numRuns: propertyRuns(200) },
    )
    expect(previousPeriod('2027-01')).toBe('2026-12')
  })
})
