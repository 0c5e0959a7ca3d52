import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyPromotions, type BasketLine, type Promotion, prorate } from './promotions.domain.ts'

const at = new Date('2026-11-23T10:00:00Z')
const basket: BasketLine[] = [
  { lineNo: 1, productId: 'pan', category: 'kitchen', quantity: 3, unitPriceCents: 2000 },
  { lineNo: 2, productId: 'towel', category: 'textile', quantity: 2, unitPriceCents: 999 },
]
const promo = (over: Partial<Promotion>): Promotion => ({
  id: 'p1',
  name: 'Promo',
  kind: 'percentage',
  channels: null,
  startsAt: null,
  endsAt: null,
  target: { kind: 'basket' },
  priority: 10,
  stacking: 'stackable',
  ...over,
})
const web = { channelId: 'WEB', at }

describe('promotions', () => {
  it('a web-only promotion does not apply at the till; one definition can apply everywhere', () => {
    const webOnly = promo({ channels: ['WEB'], percentBp: 1000 })
    expect(applyPromotions(basket, [webOnly], { channelId: 'STORES', at }).applied).toEqual([])
    expect(applyPromotions(basket, [webOnly], web).applied).toEqual([
      { promotionId: 'p1', name: 'Promo', discountCents: 600 + 199 },
    ])
    expect(
      applyPromotions(basket, [promo({ percentBp: 1000 })], { channelId: 'STORES', at }).applied,
    ).toHaveLength(1)
  })

  it('each kind takes off what it says', () => {
    const kitchen = { kind: 'categories' as const, categories: ['kitchen'] }
    const off = (p: Partial<Promotion>) =>
      applyPromotions(basket, [promo({ target: kitchen, ...p })], web).lines[0]!
    expect(off({ kind: 'amount_off', amountCents: 300 }).discountCents).toBe(900)
    expect(off({ kind: 'fixed_price', fixedPriceCents: 1500 }).discountCents).toBe(1500)
    expect(off({ kind: 'buy_x_get_y', buy: 2, get: 1 }).discountCents).toBe(2000)
    expect(off({ kind: 'nth_item', nth: 2, percentBp: 5000 }).discountCents).toBe(1000)
    const threshold = applyPromotions(
      basket,
      [promo({ kind: 'basket_threshold', thresholdCents: 5000, amountCents: 1000 })],
      web,
    )
    expect(threshold.lines.map((l) => l.discountCents)).toEqual([750, 250])
    expect(
      applyPromotions(
        basket,
        [promo({ kind: 'basket_threshold', thresholdCents: 9000, amountCents: 1000 })],
        web,
      ).applied,
    ).toEqual([])
  })

  it('follows priority; an exclusive promotion keeps its lines to itself', () => {
    const first = promo({
      id: 'a',
      priority: 1,
      kind: 'percentage',
      percentBp: 1000,
      stacking: 'exclusive',
      target: { kind: 'products', productIds: ['pan'] },
    })
    const then = promo({ id: 'b', priority: 2, kind: 'amount_off', amountCents: 100 })
    const out = applyPromotions(basket, [then, first], web)
    expect(out.applied.map((a) => a.promotionId)).toEqual(['a', 'b'])
    expect(out.lines[0]!.allocations).toEqual([{ promotionId: 'a', cents: 600 }])
    expect(out.lines[1]!.allocations).toEqual([{ promotionId: 'b', cents: 200 }])
    const stackable = applyPromotions(basket, [then, { ...first, stacking: 'stackable' }], web)
    expect(stackable.lines[0]!.allocations).toEqual([
      { promotionId: 'a', cents: 600 },
      { promotionId: 'b', cents: 300 },
    ])
  })

  it('dates and voucher codes', () => {
    const later = promo({ startsAt: new Date('2026-12-01T00:00:00Z'), percentBp: 1000 })
    expect(applyPromotions(basket, [later], web).applied).toEqual([])
    const coded = promo({ voucherCode: 'NOEL10', percentBp: 1000 })
    expect(applyPromotions(basket, [coded], web).applied).toEqual([])
    expect(applyPromotions(basket, [coded], { ...web, codes: ['NOEL10'] }).applied).toHaveLength(1)
  })

  const arbPromotion = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.constant('P'),
    kind: fc.constantFrom(
      'percentage',
      'amount_off',
      'fixed_price',
      'buy_x_get_y',
      'nth_item',
      'basket_threshold' as const,
    ),
    channels: fc.constant(null),
    startsAt: fc.constant(null),
    endsAt: fc.constant(null),
    target: fc.constantFrom<Promotion['target']>(
      { kind: 'basket' },
      { kind: 'categories', categories: ['kitchen'] },
      { kind: 'products', productIds: ['p1', 'p3'] },
    ),
    priority: fc.integer({ min: 0, max: 5 }),
    stacking: fc.constantFrom('stackable', 'exclusive' as const),
    percentBp: fc.integer({ min: 0, max: 10_000 }),
    amountCents: fc.integer({ min: 0, max: 5000 }),
    fixedPriceCents: fc.integer({ min: 0, max: 5000 }),
    buy: fc.integer({ min: 0, max: 3 }),
    get: fc.integer({ min: 0, max: 2 }),
    nth: fc.integer({ min: 0, max: 4 }),
    thresholdCents: fc.integer({ min: 0, max: 20_000 }),
  })
  const arbBasket = fc.array(
    fc.record({
      lineNo: fc.nat(),
      productId: fc.constantFrom('p1', 'p2', 'p3'),
      category: fc.constantFrom('kitchen', 'garden'),
      quantity: fc.integer({ min: 1, max: 6 }),
      unitPriceCents: fc.integer({ min: 1, max: 10_000 }),
    }),
    { minLength: 1, maxLength: 5 },
  )

  it('never takes a line below zero, allocates every cent it announces, and does not depend on input order', () => {
    fc.assert(
      fc.property(
        arbBasket,
        fc.uniqueArray(arbPromotion, { maxLength: 5, selector: (p) => p.id }),
        (lines, promotions) => {
          const out = applyPromotions(lines, promotions, web)
          out.lines.forEach((l, i) => {
            const value = lines[i]!.unitPriceCents * lines[i]!.quantity
            expect(l.discountCents).toBeGreaterThanOrEqual(0)
            expect(l.discountCents).toBeLessThanOrEqual(value)
            expect(l.allocations.reduce((s, a) => s + a.cents, 0)).toBe(l.discountCents)
          })
          const announced = out.applied.reduce((s, a) => s + a.discountCents, 0)
          expect(out.lines.reduce((s, l) => s + l.discountCents, 0)).toBe(announced)
          expect(applyPromotions(lines, [...promotions].reverse(), web)).toEqual(out)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('prorates in whole cents that add up', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000 }),
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const parts = prorate(total, weights)
          if (weights.every((w) => w === 0)) expect(parts.every((p) => p === 0)).toBe(true)
          else expect(parts.reduce((s, p) => s + p, 0)).toBe(total)
        },
      ),
    )
  })
})
