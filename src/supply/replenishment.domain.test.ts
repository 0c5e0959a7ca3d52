import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deliveryDate, needOf, packTrucks, shareable, shareFairly } from './replenishment.domain.ts'

const position = { onHand: 0, reserved: 0, inTransit: 0, openOrders: 0, velocity: 0 }

describe('what a store needs', () => {
  it('min/max refills to max once at or under min', () => {
    const policy = { sku: 'A', method: 'min_max' as const, minQty: 4, maxQty: 12, coverDays: 0 }
    expect(needOf(policy, { ...position, onHand: 5 }, 2).need).toBe(0)
    expect(needOf(policy, { ...position, onHand: 4 }, 2).need).toBe(8)
    expect(needOf(policy, { ...position, onHand: 1, inTransit: 3 }, 2).need).toBe(8)
    expect(needOf(policy, { ...position, onHand: 6, reserved: 3 }, 2).need).toBe(9)
  })

  it('days of cover count the days to the truck and the cover after it, within min and max', () => {
    const policy = { sku: 'A', method: 'cover' as const, minQty: 2, maxQty: 0, coverDays: 7 }
    expect(needOf(policy, { ...position, velocity: 2, onHand: 5 }, 2)).toEqual({ target: 18, need: 13 })
    expect(needOf(policy, { ...position, velocity: 0, onHand: 0 }, 2)).toEqual({ target: 2, need: 2 })
    expect(
      needOf({ ...policy, maxQty: 10 }, { ...position, velocity: 2, onHand: 5, openOrders: 5 }, 2),
    ).toEqual({
      target: 10,
      need: 0,
    })
  })

  it('the delivery is the first delivery weekday after the lead time', () => {
    // 2026-12-03 is a Thursday.
    expect(deliveryDate('2026-12-03', { deliveryDays: [1, 4], leadDays: 1 })).toBe('2026-12-07')
    expect(deliveryDate('2026-12-03', { deliveryDays: [5], leadDays: 1 })).toBe('2026-12-04')
    expect(deliveryDate('2026-12-03', { deliveryDays: [4], leadDays: 0 })).toBe('2026-12-03')
    expect(deliveryDate('2026-12-03', { deliveryDays: [], leadDays: 1 })).toBeNull()
  })
})

describe('a short warehouse shares fairly', () => {
  it('gives each store the same share of its need', () => {
    const shares = shareFairly(
      [
        { storeId: 'a', need: 10 },
        { storeId: 'b', need: 30 },
      ],
      20,
    )
    expect(Object.fromEntries(shares)).toEqual({ a: 5, b: 15 })
  })

  it('never gives more than there is nor more than a store needs, and gives all it can', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 8 }), fc.nat(200), (needs, available) => {
        const list = needs.map((need, i) => ({ storeId: `s${i}`, need }))
        const shares = shareFairly(list, available)
        const total = [...shares.values()].reduce((s, n) => s + n, 0)
        const needed = needs.reduce((s, n) => s + n, 0)
        expect(total).toBe(Math.min(available, needed))
        for (const l of list) {
          const given = shares.get(l.storeId)!
          expect(given).toBeLessThanOrEqual(l.need)
          if (needed > available)
            expect(given).toBeGreaterThanOrEqual(Math.floor((l.need * available) / needed))
        }
      }),
    )
  })

  it('keeps the web’s reserve out of what stores may get', () => {
    expect(shareable({ onHand: 100, reserved: 10, safetyStock: 5, webVelocity: 4 }, 3)).toBe(73)
    expect(shareable({ onHand: 10, reserved: 0, safetyStock: 0, webVelocity: 4 }, 3)).toBe(0)
  })
})

describe('pallets and trucks', () => {
  it('fills a truck, then the next', () => {
    const placed = packTrucks(
      [
        { sku: 'A', quantity: 240, unitsPerPallet: 20 },
        { sku: 'B', quantity: 100, unitsPerPallet: 10 },
        { sku: 'C', quantity: 50, unitsPerPallet: 100 },
      ],
      20,
    )
    expect(placed).toEqual([
      { sku: 'A', pallets: 12, truck: 1 },
      { sku: 'B', pallets: 10, truck: 2 },
      { sku: 'C', pallets: 0.5, truck: 2 },
    ])
  })

  it('no truck carries more than its pallets unless one line alone is bigger', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 500 }),
            unitsPerPallet: fc.integer({ min: 1, max: 60 }),
          }),
        ),
        fc.integer({ min: 1, max: 30 }),
        (lines, cap) => {
          const placed = packTrucks(
            lines.map((l, i) => ({ sku: `S${String(i).padStart(3, '0')}`, ...l })),
            cap,
          )
          const loads = new Map<number, { pallets: number; lines: number }>()
          for (const p of placed) {
            const l = loads.get(p.truck) ?? { pallets: 0, lines: 0 }
            loads.set(p.truck, { pallets: l.pallets + p.pallets, lines: l.lines + 1 })
          }
          for (const l of loads.values()) if (l.lines > 1) expect(l.pallets).toBeLessThanOrEqual(cap + 1e-6)
        },
      ),
    )
  })
})
