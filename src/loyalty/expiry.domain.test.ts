import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { monthsBefore, pointsToExpire } from './expiry.domain.ts'
import { arbSteps, referenceLedger } from './ledger.fixture.ts'

const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i))

describe('points expire oldest first', () => {
  it('credited before the cutoff and not used since', () => {
    const entries = [
      { points: 100, createdAt: day(0) },
      { points: -30, createdAt: day(1) },
      { points: 50, createdAt: day(2) },
    ]
    expect(pointsToExpire(entries, day(1))).toBe(70)
    expect(pointsToExpire(entries, day(3))).toBe(120)
    expect(pointsToExpire([...entries, { points: -70, createdAt: day(3) }], day(1))).toBe(0)
    // Spent after the cutoff passed but before the run: spent is spent.
    expect(pointsToExpire([...entries, { points: -110, createdAt: day(400) }], day(3))).toBe(10)
  })

  it('for any sequence of earns, spends and expiries: the balance is the sum of the ledger, never negative, and no point expires twice', () => {
    fc.assert(
      fc.property(arbSteps, (steps) => {
        const reference = referenceLedger(steps)
        const ledger: Array<{ points: number; createdAt: Date }> = []
        const balance = () => ledger.reduce((t, e) => t + e.points, 0)
        const expired: number[] = []
        steps.forEach((s, i) => {
          if (s.kind === 'earn') ledger.push({ points: s.points, createdAt: day(i) })
          else if (s.kind === 'burn') {
            if (s.points <= balance()) ledger.push({ points: -s.points, createdAt: day(i) })
          } else {
            const n = pointsToExpire(ledger, day(s.cutoffStep))
            if (n > 0) ledger.push({ points: -n, createdAt: day(i) })
            expired.push(n)
            // Run again at once: nothing more.
            expect(pointsToExpire(ledger, day(s.cutoffStep))).toBe(0)
          }
          expect(balance()).toBeGreaterThanOrEqual(0)
        })
        expect(expired).toEqual(reference.expired)
        expect(balance()).toBe(reference.balance)
        const credited = ledger.filter((e) => e.points > 0).reduce((t, e) => t + e.points, 0)
        expect(expired.reduce((t, n) => t + n, 0)).toBeLessThanOrEqual(credited)
      }),
      { numRuns: 500 },
    )
  })
})

describe('months before a date', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(monthsBefore(new Date('2026-06-13T10:00:00Z'), 24).toISOString()).toBe('2024-06-13T10:00:00.000Z')
    expect(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z')
    expect(monthsBefore(new Date('2024-03-31T00:00:00Z'), 1).toISOString()).toBe('2024-02-29T00:00:00.000Z')
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 13).toISOString()).toBe('2024-12-15T00:00:00.000Z')
  })
})
